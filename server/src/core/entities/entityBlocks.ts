import type { Range } from 'vscode-languageserver-types';
import { LineIndex } from '../text';
import type { EntityIndex } from './entityIndex';
import { FOLD, SPACE, WORD, detached } from './normalize';
import { capitalisedPhrases, type CapitalisedPhrase } from './phrases';
import type { SpellingIndex, SpellingSuggestion } from './spelling';
import type { EntityMention } from './types';

/**
 * What entity analysis finds in one block of text (a paragraph, or paragraphs between blank lines).
 * Nothing found in a block depends on the text outside it but its `context`, so a one-key edit
 * re-analyses one block and reuses the others with shifted offsets.
 */
export interface BlockEntities {
  /** What the results depend on besides the block's text: the text before the first block, the character after. */
  context: string;
  /** Offset and line of the block in the document these results are placed in. */
  start: number;
  line: number;
  mentions: EntityMention[];
  spelling: SpellingSuggestion[];
  /** Acronyms that the block defines for something else ("International Stabilization Force (ISF)"). */
  local: string[];
  /** Capitalised phrases with the offsets of the version the block was analysed in (at `keyStart`). */
  phrases: CapitalisedPhrase[];
  keyStart: number;
}

type BlockAnalysis = (text: string, lines: LineIndex, from: number, to: number, phrases: CapitalisedPhrase[]) => Pick<BlockEntities, 'mentions' | 'spelling' | 'local'>;

interface DocumentBlocks {
  index: EntityIndex;
  speller: SpellingIndex;
  /** By block text, every placement in document order. */
  blocks: Map<string, BlockEntities[]>;
}

/** Documents whose blocks are kept: each keeps only its last analysed version, so memory stays bounded. */
const MAX_DOCUMENTS = 8;
const cache = new Map<string, DocumentBlocks>();

const NEWLINE = String.raw`(?:\r\n|\r(?!\n)|\n)`;
/**
 * Where the scanners' state is the same as at the start of a text, so that a block can be analysed alone:
 * after a blank line, at a line opening with a word; or after a sentence end (. ; : ! ?), at a line
 * opening with a paragraph marker ("12.", "3)", "(a)", "(iv)").
 */
const BOUNDARY = new RegExp(
  String.raw`${NEWLINE}[ \t]*${NEWLINE}(?=[ \t]*(\S))|[.;:!?][ \t]*${NEWLINE}(?:[ \t]*${NEWLINE})*(?=[ \t]*(?:\d+[.)]|\([a-z\d]+\))[ \t])`,
  'g',
);

/** Block starts in `text[from, to)`, each at the start of a line (but the first, at `from`). */
export function blockStarts(text: string, from: number, to: number): number[] {
  const starts = [from];
  BOUNDARY.lastIndex = from;
  for (let m = BOUNDARY.exec(text); m && m.index < to; m = BOUNDARY.exec(text)) {
    const start = m.index + m[0].length;
    if (start < to && start > from && (m[1] === undefined || WORD[m[1].charCodeAt(0)])) starts.push(start);
  }
  return starts;
}

/**
 * Entity results of every block of `text[from, to)`, in order, reusing the blocks of the document's
 * previous analysis (same URI, same index and speller) whose text and context did not change.
 */
export function entityBlocks(
  uri: string,
  text: string,
  lines: LineIndex,
  from: number,
  to: number,
  index: EntityIndex,
  speller: SpellingIndex,
  analyse: BlockAnalysis,
): BlockEntities[] {
  let previous = cache.get(uri);
  if (previous && (previous.index !== index || previous.speller !== speller)) previous = undefined;
  const next = new Map<string, BlockEntities[]>();
  const out: BlockEntities[] = [];
  const starts = blockStarts(text, from, to);
  // Mentions repeat their names: one detached copy of each per analysis.
  const copies = new Map<string, string>();
  for (let b = 0; b < starts.length; b++) {
    const start = starts[b];
    const end = b + 1 < starts.length ? starts[b + 1] : to;
    // The first block sees the front matter before it (sentence starts look back); every block sees the
    // first character after it (an ambiguous name is not one before a capitalised word).
    let k = end;
    while (k < text.length && FOLD[text.charCodeAt(k)] === SPACE) k++;
    const context = (b === 0 ? text.slice(0, start) : '') + text.charAt(k);
    const key = text.slice(start, end);
    const line = lines.positionAt(start).line;
    // A text repeated in the document (same subparagraph twice) keeps one placement per occurrence.
    let placements = next.get(key);
    if (!placements) next.set(key, (placements = []));
    const earlier = previous?.blocks.get(key);
    let block = earlier?.[placements.length] ?? earlier?.[0] ?? placements[0];
    if (block && block.context === context) block = placed(block, start, line);
    else block = analyseBlock(text, lines, start, end, context, line, analyse, copies);
    placements.push(block);
    out.push(block);
  }
  cache.delete(uri);
  cache.set(uri, { index, speller, blocks: next });
  if (cache.size > MAX_DOCUMENTS) cache.delete(cache.keys().next().value!);
  return out;
}

/** Analyses a block in place; its results keep no slice of the document text (that would keep it alive). */
function analyseBlock(text: string, lines: LineIndex, start: number, end: number, context: string, line: number, analyse: BlockAnalysis, copies: Map<string, string>): BlockEntities {
  const phrases = capitalisedPhrases(text, start, end);
  const found = analyse(text, lines, start, end, phrases);
  const copy = (written: string) => {
    let c = copies.get(written);
    if (c === undefined) copies.set(written, (c = detached(written)));
    return c;
  };
  for (const m of found.mentions) m.text = copy(m.text);
  for (const s of found.spelling) s.written = copy(s.written);
  return { mentions: found.mentions, spelling: found.spelling, local: found.local.map(copy), context: detached(context), start, line, phrases, keyStart: start };
}

/** The block's results moved to `start` (at the start of `line`); the same object when it has not moved. */
function placed(block: BlockEntities, start: number, line: number): BlockEntities {
  const shift = start - block.start;
  const lineShift = line - block.line;
  if (shift === 0 && lineShift === 0) return block;
  const position = (p: { line: number; character: number }) => ({ line: p.line + lineShift, character: p.character });
  // Blocks start lines: unless lines were added or removed before it, every range stays as it is.
  const range = lineShift === 0 ? (r: Range) => r : (r: Range) => ({ start: position(r.start), end: position(r.end) });
  return {
    context: block.context,
    start,
    line,
    mentions: block.mentions.map((m) => ({
      text: m.text,
      start: m.start + shift,
      end: m.end + shift,
      range: range(m.range),
      id: m.id,
      type: m.type,
      name: m.name,
      mention: m.mention,
    })),
    spelling: block.spelling.map((s) => ({ ...s, start: s.start + shift, end: s.end + shift })),
    local: block.local,
    phrases: block.phrases,
    keyStart: block.keyStart,
  };
}

/** The blocks' phrases with document offsets. */
export function documentPhrases(blocks: readonly BlockEntities[]): CapitalisedPhrase[] {
  const out: CapitalisedPhrase[] = [];
  for (const b of blocks) {
    const shift = b.start - b.keyStart;
    for (const p of b.phrases) {
      out.push(shift === 0 ? p : { start: p.start + shift, end: p.end + shift, words: p.words.map(([s, e]) => [s + shift, e + shift]), sentenceStart: p.sentenceStart });
    }
  }
  return out;
}
