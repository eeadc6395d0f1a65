import type { CancellationToken } from 'vscode-languageserver-protocol';
import { SymbolKind, type SymbolInformation } from 'vscode-languageserver-types';
import type { Codebook } from '../core/coding/codebook';

/** True when the query's characters appear in order in `text` (case-insensitive), as editors filter symbols. */
function matches(query: string, text: string): boolean {
  const t = text.toLowerCase();
  let i = 0;
  for (const ch of query.toLowerCase()) {
    i = t.indexOf(ch, i);
    if (i < 0) return false;
    i++;
  }
  return true;
}

/** Workspace symbols for the codebook's codes: "CT.EXT Violent extremism", at the id in the codebook. */
export function codeSymbols(codebook: Codebook | null, query: string, token: CancellationToken): SymbolInformation[] {
  if (!codebook || token.isCancellationRequested) return [];
  const out: SymbolInformation[] = [];
  for (const code of codebook.codes.values()) {
    const name = code.label === code.id ? code.id : `${code.id} ${code.label}`;
    if (!matches(query, name)) continue;
    out.push({
      name,
      kind: code.codable ? SymbolKind.EnumMember : SymbolKind.Enum,
      location: { uri: codebook.uri, range: code.idRange },
      ...(code.parent ? { containerName: code.parent } : {}),
    });
  }
  return out;
}
