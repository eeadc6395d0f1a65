import type { LineIndex } from '../text';
import { APOSTROPHE, FOLD, IGNORED, SPACE, UNSPACED, WORD, foldKey } from './normalize';
import type { Entity, EntityMention, MentionKind } from './types';

interface Target {
  entity: Entity;
  mention: MentionKind;
  /** Also a personal name: needs context (see `Entity.ambiguous`). */
  ambiguous: boolean;
}

const RANK: Record<MentionKind, number> = { name: 0, acronym: 1, alias: 2, demonym: 3, translation: 4 };

/** Every (text, kind) by which an entity may be named. */
export function entityNames(entity: Entity): Array<[string, MentionKind]> {
  const out: Array<[string, MentionKind]> = [[entity.name, 'name']];
  for (const a of entity.acronyms) out.push([a, 'acronym']);
  for (const a of entity.aliases) out.push([a, 'alias']);
  for (const a of entity.ambiguous) out.push([a, 'alias']);
  for (const d of entity.demonyms) out.push([d, 'demonym']);
  for (const list of Object.values(entity.names)) for (const n of list ?? []) out.push([n, 'translation']);
  return out;
}

/**
 * Finds catalog names in text in one left-to-right pass. Names are folded into a character trie
 * (edges in one Map keyed by node and folded code unit); the scanner walks the trie from each word
 * start, so the work per character depends on the text, not on how many names the catalog holds.
 * The longest name that ends at a word boundary wins; matches never overlap.
 */
export class EntityMatcher {
  private readonly edges = new Map<number, number>();
  private readonly targets: Array<Target | undefined> = [undefined];
  private readonly first = new Uint8Array(65536);
  private nodeCount = 1;

  /** Earlier entities win when two share a name of the same kind. */
  constructor(entities: readonly Entity[]) {
    for (const entity of entities) {
      const ambiguous = new Set(entity.ambiguous.map(foldKey));
      for (const [text, mention] of entityNames(entity)) {
        const key = foldKey(text);
        if (!key) continue;
        const target = { entity, mention, ambiguous: ambiguous.has(key) };
        this.add(key, target);
        // "al-Nusra Front" opens sentences as "Al-Nusra Front".
        const upper = key.charAt(0).toUpperCase();
        if (upper !== key.charAt(0)) this.add(upper + key.slice(1), target);
      }
    }
  }

  get size(): number {
    return this.nodeCount;
  }

  private add(key: string, target: Target): void {
    let node = 0;
    for (let i = 0; i < key.length; i++) {
      const c = key.charCodeAt(i);
      const edge = node * 65536 + c;
      let next = this.edges.get(edge);
      if (next === undefined) {
        next = this.nodeCount++;
        this.edges.set(edge, next);
        this.targets.push(undefined);
      }
      node = next;
    }
    this.first[key.charCodeAt(0)] = 1;
    const old = this.targets[node];
    if (!old || RANK[target.mention] < RANK[old.mention]) this.targets[node] = target;
  }

  /** Mentions in `text[from, to)`, in document order. */
  find(text: string, lines: LineIndex, from = 0, to = text.length): EntityMention[] {
    const out: EntityMention[] = [];
    const { edges, targets, first } = this;
    let i = from;
    while (i < to) {
      const c = text.charCodeAt(i);
      if (!first[FOLD[c]] || (i > 0 && WORD[text.charCodeAt(i - 1)] && !UNSPACED[c])) {
        i++;
        continue;
      }
      let node = 0;
      let j = i;
      let best: Target | undefined;
      let bestEnd = -1;
      while (j < to) {
        let f = FOLD[text.charCodeAt(j)];
        if (f === IGNORED) {
          j++;
          continue;
        }
        let next: number | undefined;
        if (f === SPACE) {
          next = edges.get(node * 65536 + SPACE);
          if (next === undefined) break;
          j++;
          while (j < to && ((f = FOLD[text.charCodeAt(j)]) === SPACE || f === IGNORED)) j++;
          node = next;
          continue;
        }
        next = edges.get(node * 65536 + f);
        if (next === undefined) break;
        node = next;
        const last = text.charCodeAt(j);
        j++;
        const target = targets[node];
        if (target && (j >= to || !WORD[text.charCodeAt(j)] || UNSPACED[last])) {
          best = target;
          bestEnd = j;
        }
      }
      if (!best || (best.ambiguous && !ambiguousFits(text, i, bestEnd))) {
        i++;
        continue;
      }
      out.push({
        text: text.slice(i, bestEnd),
        start: i,
        end: bestEnd,
        range: lines.range(i, bestEnd),
        id: best.entity.id,
        type: best.entity.type,
        name: best.entity.name,
        mention: best.mention,
      });
      i = bestEnd;
    }
    return out;
  }
}

/** "Chad" is the state mid-sentence, but not in "Chad Smith" nor as the first word of a sentence. */
function ambiguousFits(text: string, start: number, end: number): boolean {
  if (isSentenceStart(text, start)) return false;
  let k = end;
  while (k < text.length && FOLD[text.charCodeAt(k)] === SPACE) k++;
  const next = text.charAt(k);
  return !(WORD[next.charCodeAt(0)] && next !== next.toLowerCase());
}

/**
 * True when `start` opens a sentence: at the start of the text, after . ! ? (and closing quotes),
 * after a paragraph marker such as "1.", or after a blank line. A single line break is a hard wrap.
 */
export function isSentenceStart(text: string, start: number): boolean {
  let k = start - 1;
  let newlines = 0;
  while (k >= 0) {
    const c = text.charCodeAt(k);
    if (c === 10 || c === 13) {
      if (c === 10 && k > 0 && text.charCodeAt(k - 1) === 13) k--;
      newlines++;
    } else if (FOLD[c] !== SPACE && !OPENERS.includes(text.charAt(k))) break;
    k--;
  }
  if (k < 0 || newlines >= 2) return true;
  const c = text.charAt(k);
  if (c === '.' || c === '!' || c === '?' || c === ':' || c === ')') return true;
  return FOLD[c.charCodeAt(0)] === APOSTROPHE || c === '"' || c === '\u201d' ? '.!?'.includes(text.charAt(k - 1)) : false;
}

const OPENERS = '"\u201c\u2018(\u00ab[';
