import phrases from '../../data/opening-phrases.json';

export type Opening = 'operative' | 'preambular' | null;

interface Phrase {
  /** Lower-case words. */
  words: string[];
  kind: Exclude<Opening, null> | 'adverb';
}

/** First word → phrases starting with it, longest first (operative and preambular phrases, and adverbs). */
const byFirstWord = buildTable();

function buildTable(): Map<string, Phrase[]> {
  const table = new Map<string, Phrase[]>();
  const add = (phrase: string, kind: Phrase['kind']) => {
    const words = phrase.toLowerCase().split(' ');
    const list = table.get(words[0]) ?? [];
    list.push({ words, kind });
    list.sort((a, b) => b.words.length - a.words.length);
    table.set(words[0], list);
  };
  phrases.operative.forEach((p) => add(p, 'operative'));
  phrases.preambular.forEach((p) => add(p, 'preambular'));
  phrases.adverbs.forEach((p) => add(p, 'adverb'));
  return table;
}

/** Words read from a paragraph's opening: enough for the longest phrase after a few adverbs. */
const MAX_WORDS = 8;

/**
 * Whether the paragraph text at `start` opens with an operative verb ("Decides", "Strongly condemns") or a
 * preambular phrase ("Recalling", "Deeply concerned"). Only the first few words are read, and the first one
 * must be capitalised as a paragraph opening is.
 */
export function classifyOpening(text: string, start: number, end: number): Opening {
  const c = text.charCodeAt(start);
  if (c < 65 || c > 90) return null;
  const words = openingWords(text, start, end);
  // Most paragraphs fail on their first word.
  if (words.length === 0 || !byFirstWord.has(words[0])) return null;
  let at = 0;
  for (;;) {
    const phrase = (byFirstWord.get(words[at]) ?? []).find((p) => matchesAt(words, at, p.words));
    if (!phrase) return null;
    if (phrase.kind !== 'adverb') return phrase.kind;
    at += phrase.words.length;
    // An adverb alone ("Further,") opens nothing; "Also" may itself be the phrase's first word.
    if (at >= words.length) return null;
  }
}

/** Lower-case words separated by spaces (and commas, which adverbs take), up to other punctuation. */
function openingWords(text: string, start: number, end: number): string[] {
  const words: string[] = [];
  const limit = Math.min(end, start + 120);
  let i = start;
  while (i < limit && words.length < MAX_WORDS) {
    const wordStart = i;
    while (i < limit && isWordChar(text.charCodeAt(i))) i++;
    if (i === wordStart) break;
    words.push(text.slice(wordStart, i).toLowerCase());
    if (text.charCodeAt(i) === 44 /* , */) i++;
    const separatorStart = i;
    while (i < limit && isSeparator(text.charCodeAt(i))) i++;
    if (i === separatorStart && text.charCodeAt(i - 1) !== 44) break;
  }
  return words;
}

function isSeparator(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0;
}

function isWordChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 45 /* - */;
}

function matchesAt(words: string[], at: number, phrase: string[]): boolean {
  if (at + phrase.length > words.length) return false;
  for (let i = 0; i < phrase.length; i++) if (words[at + i] !== phrase[i]) return false;
  return true;
}
