/** Offsets [start, end) of the sentences in text[from, to): ends at . ! ? (and closing quotes) before a capital. */
export function sentenceSpans(text: string, from: number, to: number): [number, number][] {
  const spans: [number, number][] = [];
  const END = /[.!?]+["”’)\]]*(?=\s+["“‘(\[]?[\p{Lu}\p{N}])/gu;
  END.lastIndex = from;
  let start = skipSpace(text, from, to);
  for (let m = END.exec(text); m && m.index < to; m = END.exec(text)) {
    const end = m.index + m[0].length;
    if (isAbbreviation(text, m.index)) continue;
    spans.push([start, end]);
    start = skipSpace(text, end, to);
  }
  if (start < to) spans.push([start, trimEnd(text, start, to)]);
  return spans;
}

/** Words as a reader counts them (letters or digits, with inner apostrophes and hyphens). */
export function countWords(text: string, from: number, to: number): number {
  const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu;
  WORD.lastIndex = from;
  let n = 0;
  for (let m = WORD.exec(text); m && m.index < to; m = WORD.exec(text)) n++;
  return n;
}

/** "U.S.", "e.g.", "No." and single initials do not end sentences. */
function isAbbreviation(text: string, dot: number): boolean {
  const before = /(?:^|[\s(])((?:\p{L}\.)*\p{L}|e\.g|i\.e|No|Nos|Art|para|paras|Mr|Mrs|Ms|Dr|St|cf|etc|vs)$/u.exec(text.slice(Math.max(0, dot - 12), dot));
  return before !== null && before[1] !== 'etc';
}

function skipSpace(text: string, from: number, to: number): number {
  while (from < to && /\s/.test(text[from])) from++;
  return from;
}

function trimEnd(text: string, from: number, to: number): number {
  while (to > from && /\s/.test(text[to - 1])) to--;
  return to;
}
