import type { CancellationToken } from 'vscode-languageserver-protocol';
import type { Position, Range, TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import { CODE_ID, type Codebook } from '../core/coding/codebook';
import { renameCodeEdits, type Codings } from '../core/coding/codings';
import { containsPosition } from '../core/text';
import { codeRefAt } from './codingHover';

/** The code id at a position: its definition in the codebook file, or a use in a `codings` block. */
export function codeIdAt(uri: string, position: Position, codebook: Codebook | null, codings: Codings | null): { id: string; range: Range } | null {
  if (codebook && uri === codebook.uri) {
    for (const code of codebook.codes.values()) if (containsPosition(code.idRange, position)) return { id: code.id, range: code.idRange };
    return null;
  }
  return codings && codings.source?.block.uri === uri ? codeRefAt(codings, position) as { id: string; range: Range } | null : null;
}

export function prepareCodeRename(uri: string, position: Position, codebook: Codebook | null, codings: Codings | null): { range: Range; placeholder: string } | null {
  const at = codeIdAt(uri, position, codebook, codings);
  return at && codebook?.codes.has(at.id) ? { range: at.range, placeholder: at.id } : null;
}

/**
 * Renames a code in the codebook and in every coding of the workspace (`allCodings`: one per statement), as one
 * WorkspaceEdit. Refuses ids that are invalid or already taken, so renaming never merges two codes silently.
 */
export function renameCode(codebook: Codebook, allCodings: Iterable<Codings>, from: string, to: string, token: CancellationToken): WorkspaceEdit | { error: string } {
  const code = codebook.codes.get(from);
  if (!code) return { error: `'${from}' is not a code in ${codebook.uri}` };
  if (!CODE_ID.test(to)) return { error: `'${to}' is not a valid code id (letters, digits, '_', '.', '-', '/')` };
  if (to !== from && codebook.codes.has(to)) return { error: `'${to}' is already a code; renaming would merge two codes` };
  const changes: Record<string, TextEdit[]> = { [codebook.uri]: [{ range: code.idRange, newText: to }] };
  for (const codings of allCodings) {
    if (token.isCancellationRequested) return { error: 'cancelled' };
    const edits = renameCodeEdits(codings, from, to);
    if (edits.length === 0 || !codings.source) continue;
    (changes[codings.source.block.uri] ??= []).push(...edits);
  }
  return { changes };
}
