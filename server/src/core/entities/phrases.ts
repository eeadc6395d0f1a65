import { APOSTROPHE, FOLD, SPACE, UPPER, WORD } from './normalize';

/** A run of capitalised words ("Funding Facility for Expanded Stabilization"). */
export interface CapitalisedPhrase {
  start: number;
  end: number;
  /** Word offsets [start, end) within the text; a possessive "’s" is left out. */
  words: Array<[number, number]>;
  /** True when the first word opens a sentence (its capital then says nothing). */
  sentenceStart: boolean;
}

/** Lowercase words that may join capitalised ones inside a name. */
const CONNECTORS = new Set(['of', 'for', 'the', 'and', 'on', 'in', 'to', 'de', 'del', 'des', 'du', 'la', 'le', 'al', 'el', 'bin', 'ibn', 'van', 'von', 'der', 'da', 'e']);
/** 1 for the characters that join the parts of one word: hyphens (joined as well by apostrophes). */
const JOINERS = new Uint8Array(65536);
for (const c of [0x2d, 0x2010, 0x2011]) JOINERS[c] = 1;
const SENTENCE_END = new Set(['.', '!', '?', ':', ')', ';']);
const CLOSERS = new Set(['"', '\u201d', '\u2019', "'"]);
const OPENERS = new Set(['"', '\u201c', '\u2018', '(', '\u00ab', '[']);

/**
 * Capitalised phrases of a text range, in order, in one pass over the characters. Words join a phrase
 * when only spaces and at most one line break separate them, with lower-case connectors (of, for, al…)
 * allowed inside. Heading lines — standing alone, no sentence end, at least three longer words and 60%
 * of them capitalised — are left out: capitals there say nothing about names.
 */
export function capitalisedPhrases(text: string, from = 0, to = text.length): CapitalisedPhrase[] {
  // Local copies: module bindings may compile to property reads, which this loop cannot afford.
  const word = WORD;
  const fold = FOLD;
  const upper = UPPER;
  const joiners = JOINERS;
  const space = SPACE;
  const apostrophe = APOSTROPHE;
  const out: CapitalisedPhrase[] = [];
  const headings: Array<[number, number]> = [];
  let current: Array<[number, number]> = [];
  let connectors: Array<[number, number]> = [];
  let currentSentenceStart = false;
  let gapBroken = true;
  let gapNewlines = 0;
  let sentenceStart = true;
  let afterSentenceEnd = false;
  // Heading statistics of the current line.
  let lineStart = from;
  let longWords = 0;
  let capitalLongWords = 0;
  let lineEndsSentence = false;

  const flush = () => {
    if (current.length) out.push({ start: current[0][0], end: current[current.length - 1][1], words: current, sentenceStart: currentSentenceStart });
    current = [];
    connectors = [];
  };
  const endLine = (end: number, next: number) => {
    if (longWords >= 3 && !lineEndsSentence && capitalLongWords / longWords >= 0.6) {
      let k = next;
      while (k < to && (text.charCodeAt(k) === 32 || text.charCodeAt(k) === 9)) k++;
      if (k >= to || text.charCodeAt(k) === 10 || text.charCodeAt(k) === 13) headings.push([lineStart, end]);
    }
    lineStart = next;
    longWords = 0;
    capitalLongWords = 0;
    lineEndsSentence = false;
  };

  let i = from;
  while (i < to) {
    const c = text.charCodeAt(i);
    if (!word[c]) {
      if (c === 10 || c === 13) {
        const next = c === 13 && text.charCodeAt(i + 1) === 10 ? i + 2 : i + 1;
        endLine(i, next);
        gapNewlines++;
        if (gapNewlines >= 2) {
          gapBroken = true;
          sentenceStart = true;
        }
        i = next;
        continue;
      }
      if (fold[c] !== space || joiners[c]) {
        const ch = text.charAt(i);
        gapBroken = true;
        if (SENTENCE_END.has(ch)) {
          sentenceStart = true;
          afterSentenceEnd = ch !== ')' && ch !== ':';
          if (ch !== ')' && (i + 1 >= to || fold[text.charCodeAt(i + 1)] === space)) lineEndsSentence = true;
        } else if (CLOSERS.has(ch) && afterSentenceEnd) {
          sentenceStart = true;
        } else if (!OPENERS.has(ch)) {
          sentenceStart = false;
        }
      }
      i++;
      continue;
    }
    // A word: letters and digits, joined by hyphens and apostrophes.
    const start = i;
    i++;
    while (i < to) {
      const d = text.charCodeAt(i);
      if (word[d]) i++;
      else if ((joiners[d] || fold[d] === apostrophe) && i + 1 < to && word[text.charCodeAt(i + 1)]) i += 2;
      else break;
    }
    let end = i;
    const possessive = end - start > 2 && text.charCodeAt(end - 1) === 115 && fold[text.charCodeAt(end - 2)] === apostrophe;
    if (possessive) end -= 2;
    const capital = upper[c] === 1;
    if (end - start >= 4) {
      longWords++;
      if (capital) capitalLongWords++;
    }
    const contiguous = !gapBroken && gapNewlines <= 1;
    if (!contiguous) flush();
    if (capital) {
      if (current.length) current.push(...connectors);
      else currentSentenceStart = sentenceStart;
      connectors = [];
      current.push([start, end]);
    } else if (current.length && CONNECTORS.has(text.slice(start, end))) {
      connectors.push([start, end]);
    } else {
      flush();
    }
    if (possessive) flush();
    gapBroken = false;
    gapNewlines = 0;
    sentenceStart = false;
    afterSentenceEnd = false;
  }
  flush();
  endLine(to, to);
  return headings.length ? withoutHeadings(out, headings) : out;
}

/** Drops the words that sit on heading lines, splitting phrases that leave one. */
function withoutHeadings(phrases: CapitalisedPhrase[], headings: Array<[number, number]>): CapitalisedPhrase[] {
  const onHeading = (offset: number) => headings.some(([s, e]) => offset >= s && offset < e);
  const out: CapitalisedPhrase[] = [];
  for (const p of phrases) {
    let run: Array<[number, number]> = [];
    const push = () => {
      if (run.length) out.push({ start: run[0][0], end: run[run.length - 1][1], words: run, sentenceStart: p.sentenceStart && run[0] === p.words[0] });
      run = [];
    };
    for (const w of p.words) {
      if (onHeading(w[0])) push();
      else run.push(w);
    }
    push();
  }
  return out;
}
