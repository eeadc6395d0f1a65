import type { CancellationToken } from 'vscode-languageserver-protocol';
import { SymbolKind, type DocumentSymbol, type Range } from 'vscode-languageserver-types';
import type { DocumentAnalysis } from '../core/analysis';
import type { Paragraph, Statement } from '../core/model';

/** The outline: the title, holding the paragraphs, each holding its subparagraphs. */
export function documentSymbols(doc: DocumentAnalysis, token: CancellationToken): DocumentSymbol[] {
  const s = doc.statement;
  const roots: DocumentSymbol[] = [];
  const symbols: DocumentSymbol[] = [];
  for (const p of s.paragraphs) {
    if (token.isCancellationRequested) return [];
    const symbol = paragraphSymbol(s, p);
    symbols.push(symbol);
    if (p.parent === null) roots.push(symbol);
    else symbols[p.parent].children!.push(symbol);
  }
  if (!s.title) return roots;
  const end = s.paragraphs.length > 0 ? Math.max(s.title.end, ...s.paragraphs.filter((p) => p.parent === null).map((p) => p.subtreeEnd)) : s.title.end;
  return [{ name: s.title.text, kind: SymbolKind.File, detail: 'title', range: s.lines.range(s.title.start, end), selectionRange: s.title.range, children: roots }];
}

export function paragraphSymbolName(p: Paragraph): string {
  const name = p.marker ? `${p.marker} ${p.excerpt}` : p.excerpt;
  return name.trim() || p.path;
}

function paragraphSymbol(s: Statement, p: Paragraph): DocumentSymbol {
  return {
    name: paragraphSymbolName(p),
    detail: p.kind,
    kind: p.kind === 'subparagraph' ? SymbolKind.EnumMember : SymbolKind.String,
    range: s.lines.range(p.start, p.subtreeEnd),
    selectionRange: selectionRangeOf(s, p),
    children: [],
  };
}

/** The marker, or the first line of an unnumbered paragraph. */
export function selectionRangeOf(s: Statement, p: Paragraph): Range {
  if (p.markerRange) return p.markerRange;
  const firstLine = p.range.start.line;
  return s.lines.range(p.start, Math.min(p.end, s.lines.lineEnd(firstLine)));
}
