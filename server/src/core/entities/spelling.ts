import { distance } from 'fastest-levenshtein';
import { UPPER, detached, foldKey } from './normalize';
import type { CapitalisedPhrase } from './phrases';
import { entityNames } from './recognizer';
import type { Entity } from './types';

export interface SpellingSuggestion {
  start: number;
  end: number;
  /** The text as written, spaces collapsed. */
  written: string;
  entity: Entity;
  /** The catalog name it is close to. */
  suggestion: string;
}

interface Candidate {
  key: string;
  name: string;
  entity: Entity;
}

const MEMO_LIMIT = 100_000;

/**
 * Looks for near misses of capitalised multi-word catalog names ("Steffan de Mistura"). Only
 * names of two or more words that start with a capital are candidates, only spans of the same
 * number of words that start and end with a capitalised word are compared, and the first letters
 * must agree: one or two typing errors, not a different name.
 */
export class SpellingIndex {
  /** Candidates by word count, length and first letter: a window meets only names it could be a typo of. */
  private readonly buckets = new Map<string, Candidate[]>();
  private readonly exact = new Set<string>();
  /** Statements repeat their names: each distinct window is looked up once (bounded; cleared when full). */
  private readonly memo = new Map<string, Candidate | null>();

  constructor(entities: readonly Entity[]) {
    for (const entity of entities) {
      for (const [name, kind] of entityNames(entity)) {
        const key = foldKey(name);
        this.exact.add(key);
        if (kind === 'acronym' || kind === 'demonym') continue;
        const words = key.split(' ');
        if (words.length < 2 || !/^\p{Lu}/u.test(key)) continue;
        const bucket = `${words.length}:${key.length}:${key.charAt(0)}`;
        let list = this.buckets.get(bucket);
        if (!list) this.buckets.set(bucket, (list = []));
        list.push({ key, name, entity });
      }
    }
  }

  /** Near misses in the given phrases; at most one per phrase window, never overlapping. */
  suggest(text: string, phrases: readonly CapitalisedPhrase[]): SpellingSuggestion[] {
    const out: SpellingSuggestion[] = [];
    const memo = this.memo;
    if (memo.size > MEMO_LIMIT) memo.clear();
    const upper = UPPER;
    for (const phrase of phrases) {
      const words = phrase.words;
      let i = 0;
      while (i < words.length) {
        let found: SpellingSuggestion | undefined;
        for (let n = Math.min(6, words.length - i); n >= 2 && !found; n--) {
          const [start] = words[i];
          const [lastStart, end] = words[i + n - 1];
          if (!upper[text.charCodeAt(start)] || !upper[text.charCodeAt(lastStart)]) continue;
          const key = foldKey(text.slice(start, end));
          if (this.exact.has(key)) {
            i += n - 1;
            break;
          }
          let best = memo.get(key);
          if (best === undefined) memo.set(detached(key), (best = this.closest(key, n) ?? null));
          if (best) found = { start, end, written: key, entity: best.entity, suggestion: best.name };
        }
        if (found) {
          out.push(found);
          while (i < words.length && words[i][0] < found.end) i++;
        } else i++;
      }
    }
    return out;
  }

  private closest(key: string, wordCount: number): Candidate | undefined {
    const limit = key.length >= 12 ? 2 : 1;
    let best: Candidate | undefined;
    let bestDistance = limit + 1;
    for (let len = key.length - limit; len <= key.length + limit; len++) {
      for (const c of this.buckets.get(`${wordCount}:${len}:${key.charAt(0)}`) ?? []) {
        const d = distance(c.key, key);
        if (d > 0 && d < bestDistance && !isInflection(c.key, key)) {
          best = c;
          bestDistance = d;
        }
      }
    }
    return best;
  }
}

/** "Foreign Ministers" is the plural of "Foreign Minister", not a typo of it: words differ only by a final s or es. */
function isInflection(a: string, b: string): boolean {
  const aw = a.split(' ');
  const bw = b.split(' ');
  return aw.length === bw.length && aw.every((w, i) => w === bw[i] || plural(w, bw[i]) || plural(bw[i], w));
}

function plural(singular: string, candidate: string): boolean {
  return candidate === `${singular}s` || candidate === `${singular}es`;
}
