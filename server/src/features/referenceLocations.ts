import type { CancellationToken } from 'vscode-languageserver-protocol';
import { DocumentHighlightKind, type DocumentHighlight, type Location, type Position } from 'vscode-languageserver-types';
import type { DocumentAnalysis } from '../core/analysis';
import { symbolKey } from '../core/references/catalog';
import { referenceAt } from './referenceAt';

/** Find references: every citation of the same document, in any form, across the workspace. */
export function referenceLocations(doc: DocumentAnalysis, position: Position, includeDeclaration: boolean, token: CancellationToken): Location[] | null {
  const ref = referenceAt(doc, position) ?? ownSymbolAt(doc, position);
  if (ref === undefined || token.isCancellationRequested) return null;
  const { index } = doc.references.context;
  const locations: Location[] = [];
  const file = index?.fileFor(ref.symbol);
  if (includeDeclaration && file !== undefined) locations.push({ uri: file.uri, range: file.range });
  // The index for other files; this document's own, freshest citations for itself.
  const key = symbolKey(ref.symbol);
  const own = doc.references.items.filter((r) => symbolKey(r.symbol) === key).map((r) => ({ uri: doc.statement.uri, range: r.range }));
  const others = (index?.citationsOf(ref.symbol) ?? []).filter((c) => c.uri !== doc.statement.uri).map((c) => ({ uri: c.uri, range: c.range }));
  locations.push(...[...own, ...others].sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0)));
  return locations;
}

/** Document highlights: the other citations of the same document in this file. */
export function referenceHighlights(doc: DocumentAnalysis, position: Position, token: CancellationToken): DocumentHighlight[] | null {
  const ref = referenceAt(doc, position);
  if (ref === undefined || token.isCancellationRequested) return null;
  const key = symbolKey(ref.symbol);
  return doc.references.items.filter((r) => symbolKey(r.symbol) === key).map((r) => ({ range: r.range, kind: DocumentHighlightKind.Text }));
}

/** On the title of a file that is itself a cited document, find references finds its citations. */
function ownSymbolAt(doc: DocumentAnalysis, position: Position): { symbol: string } | undefined {
  const symbol = doc.statement.frontMatter?.data?.symbol;
  const title = doc.statement.title?.range;
  if (typeof symbol !== 'string' || title === undefined) return undefined;
  return position.line === title.start.line ? { symbol } : undefined;
}
