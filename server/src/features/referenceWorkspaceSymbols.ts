import type { CancellationToken } from 'vscode-languageserver-protocol';
import { SymbolKind, type WorkspaceSymbol } from 'vscode-languageserver-types';
import type { ReferenceContext } from '../core/references/documentReferences';

/** Workspace symbols for cited documents: "2254" or "syria road map" finds S/RES/2254 (2015). */
export function citedDocumentSymbols(context: ReferenceContext, query: string, token: CancellationToken, limit = 500): WorkspaceSymbol[] {
  const index = context.index;
  if (index === null) return [];
  const words = query.toLowerCase().split(/\s+/).filter((w) => w !== '');
  const out: WorkspaceSymbol[] = [];
  for (const doc of index.citedDocuments()) {
    if (token.isCancellationRequested || out.length >= limit) break;
    const entry = context.catalog.lookup(doc.symbol);
    const name = entry?.symbol ?? doc.symbol;
    const haystack = `${name} ${entry?.title ?? ''} ${(entry?.subjects ?? []).join(' ')}`.toLowerCase();
    if (!words.every((w) => haystack.includes(w))) continue;
    const file = index.fileFor(doc.symbol);
    const first = file ?? index.citationsOf(doc.symbol)[0];
    out.push({
      name,
      kind: file ? SymbolKind.File : SymbolKind.Object,
      containerName: `${entry?.title ? `${entry.title} · ` : ''}cited ${doc.citations}× in ${doc.files} file${doc.files === 1 ? '' : 's'}`,
      location: { uri: first.uri, range: first.range },
    });
  }
  return out.sort((a, b) => a.name.localeCompare(b.name, 'en', { numeric: true }));
}
