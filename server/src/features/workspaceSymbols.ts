import { SymbolKind, type SymbolInformation } from 'vscode-languageserver-types';
import type { CancellationToken } from 'vscode-languageserver-protocol';
import type { DocumentAnalysis } from '../core/analysis';
import type { Paragraph, Statement } from '../core/model';
import { basename } from '../core/uris';
import { paragraphSymbolName } from './documentSymbols';

/** At most this many symbols per request: an empty query over a large workspace must stay cheap. */
export const MAX_WORKSPACE_SYMBOLS = 500;
const WINDOW = 60;

/**
 * Paragraphs of all indexed statements matching `query`: by label or path ("3", "3.a", "PP2") or by words
 * (every query word must start a word of the paragraph, case-insensitive). When the words are found past
 * the excerpt, the name shows the text around them, so that the editor's own filtering on names agrees.
 */
export function workspaceSymbols(
  analyses: Iterable<DocumentAnalysis>,
  query: string,
  token: CancellationToken,
): SymbolInformation[] {
  const words = query.toLowerCase().split(/\s+/).filter((word) => word !== '');
  const label = query.trim().replace(/^\(|[.)]$/g, '').toLowerCase();
  const hits: Array<{ symbol: SymbolInformation; score: number }> = [];
  for (const analysis of analyses) {
    if (token.isCancellationRequested) return [];
    const statement = analysis.statement;
    const lower = words.length > 0 ? lowerText(statement) : '';
    const container = statement.title?.text ?? basename(statement.uri);
    for (const paragraph of statement.paragraphs) {
      const byLabel = label !== '' && labelMatches(paragraph, label);
      const at = byLabel || words.length === 0 ? paragraph.textStart : findWords(lower, paragraph, words);
      if (at < 0) continue;
      hits.push({
        symbol: {
          name: symbolName(statement, paragraph, at, byLabel ? [] : words),
          kind: paragraph.kind === 'subparagraph' ? SymbolKind.EnumMember : SymbolKind.String,
          location: { uri: statement.uri, range: paragraph.range },
          containerName: container,
        },
        score: byLabel ? 0 : 1,
      });
    }
  }
  // Stable sort keeps document order within a score.
  hits.sort((a, b) => a.score - b.score);
  return hits.slice(0, MAX_WORKSPACE_SYMBOLS).map((hit) => hit.symbol);
}

function labelMatches(paragraph: Paragraph, label: string): boolean {
  const path = paragraph.path.toLowerCase();
  return paragraph.label?.toLowerCase() === label || path === label || path.startsWith(`${label}.`);
}

/** Offset of the first query word in the paragraph's own text when every word starts a word there, else -1. */
function findWords(lower: string, paragraph: Paragraph, words: string[]): number {
  let first = -1;
  for (const word of words) {
    const at = findWordStart(lower, word, paragraph.textStart, paragraph.end);
    if (at < 0) return -1;
    if (first < 0 || at < first) first = at;
  }
  return first;
}

function findWordStart(lower: string, word: string, from: number, to: number): number {
  for (let at = lower.indexOf(word, from); at >= 0 && at + word.length <= to; at = lower.indexOf(word, at + 1)) {
    if (at === from || !isWordChar(lower.charCodeAt(at - 1))) return at;
  }
  return -1;
}

function isWordChar(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 97 && code <= 122) || code > 127;
}

/** The outline's name when its excerpt shows the query words, else the marker and the text from the first word. */
function symbolName(statement: Statement, paragraph: Paragraph, at: number, words: string[]): string {
  const excerpt = paragraph.excerpt.toLowerCase();
  if (words.every((word) => findWordStart(excerpt, word, 0, excerpt.length) >= 0)) return paragraphSymbolName(paragraph);
  let end = Math.min(paragraph.end, at + WINDOW);
  if (end < paragraph.end) {
    // Cut at a word boundary, like the excerpt.
    const space = statement.text.slice(at, end + 1).search(/\s\S*$/);
    if (space > 0) end = at + space;
  }
  const text = statement.text.slice(at, end).replace(/\s+/g, ' ').trim();
  return `${paragraph.marker ? `${paragraph.marker} ` : ''}…${text}${end < paragraph.end ? '…' : ''}`;
}

const lowered = new WeakMap<Statement, string>();

/** Lower-cased text, computed once per analysed version (toLowerCase keeps UTF-16 offsets for our scripts). */
function lowerText(statement: Statement): string {
  let lower = lowered.get(statement);
  if (lower === undefined) {
    lower = statement.text.toLowerCase();
    if (lower.length !== statement.text.length) lower = statement.text.replace(/[^]/g, (c) => (c.toLowerCase().length === 1 ? c.toLowerCase() : c));
    lowered.set(statement, lower);
  }
  return lower;
}
