import type { CancellationToken } from 'vscode-languageserver-protocol';
import type { Diagnostic } from 'vscode-languageserver-types';
import { problemsOf, type DocumentAnalysis } from '../core/analysis';
import type { Problem } from '../core/model';

export const SOURCE = 'policy-annotator';

export function diagnostics(doc: DocumentAnalysis, token: CancellationToken): Diagnostic[] {
  if (token.isCancellationRequested) return [];
  return problemsOf(doc).map(toDiagnostic).sort(byPosition);
}

/** Document order, so that the CLI lists findings line by line. */
function byPosition(a: Diagnostic, b: Diagnostic): number {
  return a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character;
}

export function toDiagnostic(p: Problem): Diagnostic {
  const d: Diagnostic = { range: p.range, severity: p.severity, code: p.code, source: SOURCE, message: p.message };
  if (p.tags) d.tags = p.tags;
  return d;
}
