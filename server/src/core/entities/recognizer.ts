import type { Position } from 'vscode-languageserver-types';
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
  private readonly edges = new EdgeTable();
  /** Children of the root, indexed by folded code unit (-1: none): the first step costs one array read. */
  private readonly rootEdges = new Int32Array(65536).fill(-1);
  private readonly targets: Array<Target | undefined> = [undefined];
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
      let next = node === 0 ? this.rootEdges[c] : this.edges.get(node, c);
      if (next < 0) {
        next = this.nodeCount++;
        if (node === 0) this.rootEdges[c] = next;
        else this.edges.set(node, c, next);
        this.targets.push(undefined);
      }
      node = next;
    }
    const old = this.targets[node];
    if (!old || RANK[target.mention] < RANK[old.mention]) this.targets[node] = target;
  }

  /** Mentions in `text[from, to)`, in document order. */
  find(text: string, lines: LineIndex, from = 0, to = text.length): EntityMention[] {
    const out: EntityMention[] = [];
    const { edges, targets, rootEdges } = this;
    // Local copies: module bindings may compile to property reads, which this loop cannot afford.
    const fold = FOLD;
    const word = WORD;
    const unspaced = UNSPACED;
    const space = SPACE;
    const ignored = IGNORED;
    const positions = new PositionCursor(lines);
    let i = from;
    while (i < to) {
      const c = text.charCodeAt(i);
      const root = rootEdges[fold[c]];
      if (root < 0 || (i > 0 && word[text.charCodeAt(i - 1)] && !unspaced[c])) {
        i++;
        continue;
      }
      let node = root;
      let j = i + 1;
      let best = targets[node] && (j >= to || !word[text.charCodeAt(j)] || unspaced[c]) ? targets[node] : undefined;
      let bestEnd = best ? j : -1;
      while (j < to) {
        let f = fold[text.charCodeAt(j)];
        if (f === ignored) {
          j++;
          continue;
        }
        let next: number;
        if (f === space) {
          next = edges.get(node, space);
          if (next < 0) break;
          j++;
          while (j < to && ((f = fold[text.charCodeAt(j)]) === space || f === ignored)) j++;
          node = next;
          continue;
        }
        next = edges.get(node, f);
        if (next < 0) break;
        node = next;
        const last = text.charCodeAt(j);
        j++;
        const target = targets[node];
        if (target && (j >= to || !word[text.charCodeAt(j)] || unspaced[last])) {
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
        range: { start: positions.at(i), end: positions.at(bestEnd) },
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

/**
 * Trie edges (node, folded code unit) → child in an open-addressing hash table of typed arrays:
 * no boxed keys, and a lookup touches one or two slots whatever the table's size.
 */
class EdgeTable {
  private parents = new Int32Array(1024).fill(-1);
  private chars = new Uint16Array(1024);
  private children = new Int32Array(1024);
  private mask = 1023;
  private count = 0;

  get(node: number, c: number): number {
    const { parents, chars, mask } = this;
    for (let h = slot(node, c) & mask; ; h = (h + 1) & mask) {
      const p = parents[h];
      if (p === node && chars[h] === c) return this.children[h];
      if (p === -1) return -1;
    }
  }

  set(node: number, c: number, child: number): void {
    if ((this.count + 1) * 2 > this.mask) this.grow();
    let h = slot(node, c) & this.mask;
    while (this.parents[h] !== -1) h = (h + 1) & this.mask;
    this.parents[h] = node;
    this.chars[h] = c;
    this.children[h] = child;
    this.count++;
  }

  private grow(): void {
    const { parents, chars, children } = this;
    const size = parents.length * 2;
    this.parents = new Int32Array(size).fill(-1);
    this.chars = new Uint16Array(size);
    this.children = new Int32Array(size);
    this.mask = size - 1;
    this.count = 0;
    for (let h = 0; h < parents.length; h++) if (parents[h] !== -1) this.set(parents[h], chars[h], children[h]);
  }
}

function slot(node: number, c: number): number {
  let h = Math.imul(node, 0x9e3779b1) ^ c;
  h ^= h >>> 15;
  return Math.imul(h, 0x85ebca6b) >>> 0;
}

/** LSP positions for offsets that never decrease: a line cursor instead of a search per offset. */
class PositionCursor {
  private line = 0;
  constructor(private readonly lines: LineIndex) {}

  at(offset: number): Position {
    const starts = this.lines.lineStarts;
    if (offset < starts[this.line]) return this.lines.positionAt(offset);
    while (this.line + 1 < starts.length && starts[this.line + 1] <= offset) this.line++;
    // An offset between CR and LF (or past the end) is clamped by LineIndex.
    if (offset > this.lines.lineEnd(this.line)) return this.lines.positionAt(offset);
    return { line: this.line, character: offset - starts[this.line] };
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
