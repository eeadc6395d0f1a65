/** A run of capitalised words ("Funding Facility for Expanded Stabilization"). */
export interface CapitalisedPhrase {
  start: number;
  end: number;
  /** Word offsets [start, end) within the text. */
  words: Array<[number, number]>;
}

/** Lowercase words that may join capitalised ones inside a name. */
const CONNECTORS = new Set(['of', 'for', 'the', 'and', 'on', 'in', 'to', 'de', 'del', 'des', 'du', 'la', 'le', 'al', 'el', 'bin', 'ibn', 'van', 'von', 'der', 'da', 'e']);
const WORD = /[\p{L}\p{N}]+(?:[-'’\u2010\u2011][\p{L}\p{N}]+)*(?:['’]s)?/gu;
/** Between two words of one name: spaces, NBSP and at most one line break. */
const GAP = /^[ \t\u00a0\u202f]*(?:\r\n|\r|\n)?[ \t\u00a0\u202f]*$/;

function capitalised(word: string): boolean {
  const c = word.charAt(0);
  return c !== c.toLowerCase();
}

/**
 * Capitalised phrases of a text range, in order. Lines that look like headings (most words
 * capitalised) are skipped: capitals there say nothing about names.
 */
export function capitalisedPhrases(text: string, from = 0, to = text.length): CapitalisedPhrase[] {
  const out: CapitalisedPhrase[] = [];
  let current: Array<[number, number]> = [];
  let pendingConnectors: Array<[number, number]> = [];
  let lastEnd = -1;
  const flush = () => {
    if (current.length) out.push({ start: current[0][0], end: current[current.length - 1][1], words: current });
    current = [];
    pendingConnectors = [];
  };
  const headings = headingLines(text, from, to);
  WORD.lastIndex = from;
  for (let m = WORD.exec(text); m && m.index < to; m = WORD.exec(text)) {
    const start = m.index;
    let end = start + m[0].length;
    const word = m[0];
    if (/['’]s$/.test(word) && word.length > 2) end -= 2;
    const contiguous = lastEnd >= 0 && GAP.test(text.slice(lastEnd, start));
    if (!contiguous) flush();
    lastEnd = start + m[0].length;
    if (headings.some(([s, e]) => start >= s && start < e)) {
      flush();
      continue;
    }
    if (capitalised(word) && !/^\p{N}/u.test(word)) {
      if (current.length) current.push(...pendingConnectors);
      pendingConnectors = [];
      current.push([start, end]);
      // A possessive ends the name: "Turkey’s border".
      if (end !== lastEnd) {
        flush();
        lastEnd = -1;
      }
    } else if (current.length && CONNECTORS.has(word)) {
      pendingConnectors.push([start, end]);
    } else {
      flush();
    }
  }
  flush();
  return out;
}

/**
 * Offsets [start, end) of heading lines: standing alone (a blank line or the text's edge after them),
 * holding no sentence end, with at least three words and 60% of the longer words capitalised.
 */
function headingLines(text: string, from: number, to: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  const lineRe = /[^\r\n]+/g;
  lineRe.lastIndex = from;
  for (let m = lineRe.exec(text); m && m.index < to; m = lineRe.exec(text)) {
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 4);
    if (!/^(\r?\n|\r)?[ \t]*(\r?\n|\r|$)/.test(after)) continue;
    const words = m[0].match(/[\p{L}][\p{L}'’-]{3,}/gu) ?? [];
    if (words.length < 3 || /[.;:!?](\s|$)/.test(m[0])) continue;
    const caps = words.filter(capitalised).length;
    if (caps / words.length >= 0.6) out.push([m.index, m.index + m[0].length]);
  }
  return out;
}

