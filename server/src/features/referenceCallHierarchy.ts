import type { CancellationToken } from 'vscode-languageserver-protocol';
import {
  SymbolKind,
  type CallHierarchyIncomingCall,
  type CallHierarchyItem,
  type CallHierarchyOutgoingCall,
  type Position,
  type Range,
} from 'vscode-languageserver-types';
import type { DocumentAnalysis } from '../core/analysis';
import { symbolKey } from '../core/references/catalog';
import type { ReferenceContext } from '../core/references/documentReferences';
import type { Citation } from '../core/references/workspace';
import { referenceAt } from './referenceAt';

/** What an item of the citation graph stands for: a cited document (by symbol) and/or a workspace file. */
interface ItemData {
  symbol: string | null;
  uri: string | null;
}

/**
 * The citation graph as a call hierarchy: on a reference, the cited document; elsewhere, this statement.
 * Incoming calls are the statements citing a document; outgoing calls are what a statement (or the
 * workspace text of a cited document) cites.
 */
export function prepareCitationHierarchy(doc: DocumentAnalysis, position: Position, token: CancellationToken): CallHierarchyItem[] | null {
  if (token.isCancellationRequested) return null;
  const context = doc.references.context;
  const ref = referenceAt(doc, position);
  if (ref !== undefined) return [documentItem(ref.symbol, context, { uri: doc.statement.uri, range: ref.range })];
  const s = doc.statement;
  const own = s.frontMatter?.data?.symbol;
  const range = s.title?.range ?? s.lines.range(s.bodyStart, s.bodyStart);
  return [{
    name: s.title?.text ?? lastSegment(s.uri),
    kind: SymbolKind.File,
    detail: typeof own === 'string' ? own : 'statement',
    uri: s.uri,
    range,
    selectionRange: range,
    data: { symbol: typeof own === 'string' ? own : null, uri: s.uri } satisfies ItemData,
  }];
}

export function citationIncomingCalls(item: CallHierarchyItem, context: ReferenceContext, token: CancellationToken): CallHierarchyIncomingCall[] {
  const data = item.data as ItemData | undefined;
  if (!data?.symbol || context.index === null) return [];
  const byFile = groupByFile(context.index.citationsOf(data.symbol));
  const calls: CallHierarchyIncomingCall[] = [];
  for (const [uri, citations] of byFile) {
    if (token.isCancellationRequested) return [];
    calls.push({ from: fileItem(uri, context), fromRanges: citations.map((c) => c.range) });
  }
  return calls;
}

export function citationOutgoingCalls(item: CallHierarchyItem, context: ReferenceContext, token: CancellationToken): CallHierarchyOutgoingCall[] {
  const data = item.data as ItemData | undefined;
  if (context.index === null || data === undefined) return [];
  const uri = data.uri ?? (data.symbol ? context.index.fileFor(data.symbol)?.uri : undefined);
  if (!uri) return [];
  const byDocument = new Map<string, Citation[]>();
  for (const c of context.index.citationsIn(uri)) {
    const key = symbolKey(c.symbol);
    byDocument.set(key, [...(byDocument.get(key) ?? []), c]);
  }
  const calls: CallHierarchyOutgoingCall[] = [];
  for (const citations of byDocument.values()) {
    if (token.isCancellationRequested) return [];
    calls.push({ to: documentItem(citations[0].symbol, context, citations[0]), fromRanges: citations.map((c) => c.range) });
  }
  return calls;
}

/** A cited document: its workspace file when there is one, else where it was cited from. */
function documentItem(symbol: string, context: ReferenceContext, citedAt: { uri: string; range: Range }): CallHierarchyItem {
  const file = context.index?.fileFor(symbol);
  const entry = context.catalog.lookup(symbol);
  const at = file ?? citedAt;
  return {
    name: entry?.symbol ?? symbol,
    kind: file ? SymbolKind.File : SymbolKind.Object,
    detail: entry?.title ?? file?.title ?? 'UN document',
    uri: at.uri,
    range: at.range,
    selectionRange: at.range,
    data: { symbol: entry?.symbol ?? symbol, uri: file?.uri ?? null } satisfies ItemData,
  };
}

function fileItem(uri: string, context: ReferenceContext): CallHierarchyItem {
  const info = context.index?.fileInfo(uri);
  const defines = context.index?.definedBy(uri) ?? null;
  const range = info?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  return {
    name: info?.title ?? lastSegment(uri),
    kind: SymbolKind.File,
    detail: defines?.symbol ?? 'statement',
    uri,
    range,
    selectionRange: range,
    data: { symbol: defines?.symbol ?? null, uri } satisfies ItemData,
  };
}

function groupByFile(citations: Citation[]): Map<string, Citation[]> {
  const out = new Map<string, Citation[]>();
  for (const c of citations) out.set(c.uri, [...(out.get(c.uri) ?? []), c]);
  return out;
}

function lastSegment(uri: string): string {
  return decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1));
}
