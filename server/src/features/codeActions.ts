import type { CancellationToken } from 'vscode-languageserver-protocol';
import { CodeActionKind, type CodeAction, type CodeActionContext, type Diagnostic, type Range } from 'vscode-languageserver-types';
import { problemsOf, type DocumentAnalysis } from '../core/analysis';
import type { Problem } from '../core/model';
import { codingCodeActions } from './codingCodeActions';
import { toDiagnostic } from './diagnostics';
import { unknownNameActions } from './entityCatalogActions';

type CodeActionProvider = (doc: DocumentAnalysis, range: Range, context: CodeActionContext, token: CancellationToken) => CodeAction[];

/** Asked in order; their actions are concatenated. Later analyses add their providers here. */
const providers: CodeActionProvider[] = [problemFixes, codingCodeActions];

export function codeActions(doc: DocumentAnalysis, range: Range, context: CodeActionContext, token: CancellationToken): CodeAction[] {
  return providers.flatMap((provide) => (token.isCancellationRequested ? [] : provide(doc, range, context, token)));
}

/** Quick fixes: each problem's own fixes, offered where its diagnostic is. */
function problemFixes(doc: DocumentAnalysis, range: Range, context: CodeActionContext, token: CancellationToken): CodeAction[] {
  const actions: CodeAction[] = [];
  if (context.only && !context.only.some((k) => CodeActionKind.QuickFix.startsWith(k))) return actions;
  for (const problem of problemsOf(doc)) {
    if (token.isCancellationRequested) return [];
    if (!problem.fixes || !overlaps(problem.range, range)) continue;
    const diagnostic = context.diagnostics.find((d) => sameProblem(d, problem)) ?? toDiagnostic(problem);
    for (const fix of problem.fixes) {
      actions.push({ title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit: fix.edit, isPreferred: fix.isPreferred });
    }
  }
  actions.push(...unknownNameActions(doc, range, token));
  return actions;
}

function sameProblem(d: Diagnostic, p: Problem): boolean {
  return d.code === p.code && d.range.start.line === p.range.start.line && d.range.start.character === p.range.start.character;
}

function overlaps(a: Range, b: Range): boolean {
  const before = (x: Range['start'], y: Range['start']) => x.line < y.line || (x.line === y.line && x.character < y.character);
  return !before(a.end, b.start) && !before(b.end, a.start);
}
