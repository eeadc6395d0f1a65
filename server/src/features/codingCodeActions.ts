import type { CancellationToken } from 'vscode-languageserver-protocol';
import { CodeActionKind, type CodeAction, type CodeActionContext, type Range } from 'vscode-languageserver-types';
import type { DocumentAnalysis } from '../core/analysis';
import { setParagraphCodes } from '../core/coding/codings';
import { SUGGESTION_CODE, suggestedCodeOf } from '../core/coding/suggest';
import { paragraphsIn } from './codingCommands';
import { ClientCommands } from './codingProtocol';

/** Kind of the "Tag Paragraph with Codes…" action, so keybindings and menus can ask for it. */
export const TAG_ACTION_KIND = `${CodeActionKind.Refactor}.tagParagraph`;

/**
 * Coding actions: "Tag Paragraph with Codes…" for the paragraphs the range touches (opens the client's picker),
 * and for each suggestion hint in range, accepting it or every suggestion of that code. Suggestion edits are
 * computed here, on request, rather than for every hint of every analysis.
 */
export function codingCodeActions(doc: DocumentAnalysis, range: Range, context: CodeActionContext, token: CancellationToken): CodeAction[] {
  const actions: CodeAction[] = [];
  const wants = (kind: string) => !context.only || context.only.some((k) => kind === k || kind.startsWith(k + '.'));
  const { statement, codings } = doc;
  const selected = paragraphsIn(statement, range);
  if (selected.length > 0 && codings.codebook && wants(TAG_ACTION_KIND)) {
    const title = selected.length === 1 ? `Tag Paragraph ${selected[0]} with Codes…` : `Tag ${selected.length} Paragraphs with Codes…`;
    actions.push({ title, kind: TAG_ACTION_KIND, command: { title, command: ClientCommands.tag, arguments: [statement.uri, ...selected] } });
  }
  if (!wants(CodeActionKind.QuickFix)) return actions;
  const ctx = { statement, codings, storage: codings.storage };
  const seen = new Set<string>();
  for (const diagnostic of context.diagnostics) {
    if (token.isCancellationRequested) return [];
    if (diagnostic.code !== SUGGESTION_CODE) continue;
    const code = typeof diagnostic.message === 'string' ? suggestedCodeOf(diagnostic.message) : null;
    const p = statement.paragraphs.find((q) => q.range.start.line === diagnostic.range.start.line);
    if (!code || !p || seen.has(`${p.path}\u0000${code}`)) continue;
    seen.add(`${p.path}\u0000${code}`);
    const one = setParagraphCodes(ctx, [p.path], [code], []);
    if ('edit' in one) actions.push({ title: `Accept ${code} for paragraph ${p.path}`, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit: one.edit, isPreferred: true });
    const all = codings.suggestions.filter((s) => s.code === code).map((s) => statement.paragraphs[s.paragraph].path);
    if (all.length > 1) {
      const every = setParagraphCodes(ctx, all, [code], []);
      if ('edit' in every) actions.push({ title: `Accept ${code} for all ${all.length} suggested paragraphs`, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit: every.edit });
    }
  }
  return actions;
}
