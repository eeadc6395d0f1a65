import phrases from '../../data/opening-phrases.json';

export type Opening = 'operative' | 'preambular' | null;

interface PhraseTable {
  /** First word → phrases starting with it, longest first. */
  byFirstWord: Map<string, { words: string[]; kind: Exclude<Opening, null> }[]>;
  adverbs: string[][];
  adverbFirstWords: Set<string>;
}

const table = buildTable();

function buildTable(): PhraseTable {
  const byFirstWord: PhraseTable['byFirstWord'] = new Map();
  const add = (phrase: string, kind: Exclude<Opening, null>) => {
    const words = phrase.split(' ');
    const key = words[0].toLowerCase();
    const list = byFirstWord.get(key) ?? [];
    list.push({ words, kind });
    list.sort((a, b) => b.words.length - a.words.length);
    byFirstWord.set(key, list);
  };
  phrases.operative.forEach((p) => add(p, 'operative'));
  phrases.preambular.forEach((p) => add(p, 'preambular'));
  const adverbs = phrases.adverbs.map((a) => a.split(' ')).sort((a, b) => b.length - a.length);
  return { byFirstWord, adverbs, adverbFirstWords: new Set(adverbs.map((a) => a[0].toLowerCase())) };
}

/**
 * Whether the paragraph text at `start` opens with an operative verb ("Decides", "Strongly condemns") or a
 * preambular phrase ("Recalling", "Deeply concerned"). Only the first few words are read, and the first one
 * must be capitalised as a paragraph opening is.
 */
export function classifyOpening(text: string, start: number, end: number): Opening {
  const c = text.charCodeAt(start);
  if (c < 65 || c > 90) return null;
  // Most paragraphs fail on their first word, so look it up before splitting anything.
  let wordEnd = start + 1;
  while (wordEnd < end && isLetter(text.charCodeAt(wordEnd))) wordEnd++;
  const first = text.slice(start, wordEnd).toLowerCase();
  if (!table.byFirstWord.has(first) && !table.adverbFirstWords.has(first)) return null;
  const words = text.slice(start, Math.min(end, start + 120)).split(/[\s\u00A0]+/, 8).map((w) => w.replace(/[,;:.]+$/, ''));
  let at = skipAdverbs(words);
  if (at >= words.length) at = 0;
  for (const candidate of table.byFirstWord.get(words[at].toLowerCase()) ?? []) {
    if (matchesAt(words, at, candidate.words)) return candidate.kind;
  }
  return null;
}

function isLetter(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
}

function skipAdverbs(words: string[]): number {
  let at = 0;
  for (let progress = true; progress; ) {
    progress = false;
    for (const adverb of table.adverbs) {
      if (matchesAt(words, at, adverb)) {
        at += adverb.length;
        progress = true;
        break;
      }
    }
  }
  return at;
}

function matchesAt(words: string[], at: number, phrase: string[]): boolean {
  if (at + phrase.length > words.length) return false;
  return phrase.every((w, i) => words[at + i].toLowerCase() === w.toLowerCase());
}
