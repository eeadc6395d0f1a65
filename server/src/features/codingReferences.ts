import type { CancellationToken } from 'vscode-languageserver-protocol';
import type { Location } from 'vscode-languageserver-types';
import type { DocumentAnalysis } from '../core/analysis';
import type { Codebook } from '../core/coding/codebook';

/** Every paragraph coded with `id` across the workspace (at its marker), after the code's definition if asked. */
export function codeReferences(id: string, codebook: Codebook | null, docs: Iterable<DocumentAnalysis>, includeDeclaration: boolean, token: CancellationToken): Location[] {
  const out: Location[] = [];
  const code = codebook?.codes.get(id);
  if (includeDeclaration && code) out.push({ uri: codebook!.uri, range: code.idRange });
  for (const doc of docs) {
    if (token.isCancellationRequested) return [];
    for (const pc of doc.codings.byParagraph.values()) {
      if (!pc.codes.includes(id)) continue;
      const p = doc.statement.paragraphs[pc.paragraph];
      out.push({ uri: doc.statement.uri, range: p.markerRange ?? { start: p.range.start, end: p.range.start } });
    }
  }
  return out;
}
