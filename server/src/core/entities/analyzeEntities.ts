import { DiagnosticSeverity, type Range } from 'vscode-languageserver-types';
import type { Problem } from '../model';
import type { LineIndex } from '../text';
import type { EntityIndex } from './entityIndex';
import { foldKey } from './normalize';
import { documentPhrases, entityBlocks } from './entityBlocks';
import type { CapitalisedPhrase } from './phrases';
import { SpellingIndex, type SpellingSuggestion } from './spelling';
import type { EntityMention } from './types';

/** A capitalised name that no catalog knows, with every place it occurs in the file. */
export interface UnknownName {
  /** As written the first time, spaces collapsed. */
  text: string;
  occurrences: Array<{ start: number; end: number; range: Range }>;
}

export interface EntityAnalysis {
  /** The index the mentions were found with (ids resolve here). */
  index: EntityIndex;
  /** In document order. */
  mentions: EntityMention[];
  spelling: SpellingSuggestion[];
  readonly unknown: UnknownName[];
  /** `entity-spelling` (information) and, when asked, `entity-unknown` (hint). */
  problems: Problem[];
}

export interface EntityAnalysisInput {
  uri: string;
  text: string;
  lines: LineIndex;
  /** Analysed range; front matter is left out by starting after it. */
  from?: number;
  to?: number;
  /** Spans found by other analyses (references to UN documents): never unknown names. */
  known?: ReadonlyArray<{ start: number; end: number }>;
}

export interface EntityAnalysisOptions {
  /** Report unknown names as hints (setting `policyAnnotator.entities.unknownNamesAsHints`). */
  unknownAsHints?: boolean;
}

/** Words that are capitalised for reasons other than being names. */
const NOT_NAMES = new Set([
  'January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December',
  'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday', 'I', 'Mr', 'Mrs', 'Ms', 'Dr', 'OK',
]);
const CONNECTOR = /^\p{Ll}/u;

const spellingIndexes = new WeakMap<EntityIndex, SpellingIndex>();

export function analyzeEntities(input: EntityAnalysisInput, index: EntityIndex, options: EntityAnalysisOptions = {}): EntityAnalysis {
  const { text, lines, uri } = input;
  const from = input.from ?? 0;
  const to = input.to ?? text.length;
  let speller = spellingIndexes.get(index);
  if (!speller) spellingIndexes.set(index, (speller = new SpellingIndex(index.entities)));
  const blocks = entityBlocks(uri, text, lines, from, to, index, speller, (blockText, blockLines, start, end, phrases) => {
    const found = index.find(blockText, blockLines, start, end);
    return { mentions: found, spelling: speller.suggest(blockText, phrases), local: [...locallyDefinedAcronyms(blockText, found, phrases)] };
  });
  const found: EntityMention[] = [];
  const spelling: SpellingSuggestion[] = [];
  // An acronym defined anywhere in the document is local everywhere in it.
  const local = new Set<string>();
  for (const b of blocks) {
    for (const m of b.mentions) found.push(m);
    for (const s of b.spelling) spelling.push(s);
    for (const a of b.local) local.add(a);
  }
  const mentions = local.size ? found.filter((m) => !(m.mention === 'acronym' && local.has(m.text))) : found;
  let unknown: UnknownName[] | undefined;
  const unknownOf = () => (unknown ??= unknownNames(text, lines, documentPhrases(blocks), [...mentions, ...spelling, ...(input.known ?? [])]));

  const problems: Problem[] = spelling.map((s) => ({
    range: lines.range(s.start, s.end),
    severity: DiagnosticSeverity.Information,
    code: 'entity-spelling',
    message: `Did you mean ${s.suggestion}?`,
    fixes: [{
      title: `Replace with '${s.suggestion}'`,
      isPreferred: true,
      edit: { changes: { [uri]: [{ range: lines.range(s.start, s.end), newText: s.suggestion }] } },
    }],
  }));
  if (options.unknownAsHints) {
    for (const name of unknownOf()) {
      for (const o of name.occurrences) {
        problems.push({ range: o.range, severity: DiagnosticSeverity.Hint, code: 'entity-unknown', message: `'${name.text}' is not in any entity catalog` });
      }
    }
  }
  return {
    index,
    mentions,
    spelling,
    problems,
    // Only the CLI, the code actions and the hints setting need them: collected on first use.
    get unknown() {
      return unknownOf();
    },
  };
}

/**
 * Acronyms that the text defines for something else: "the International Stabilization Force (ISF)" makes
 * ISF local to this document, so the catalog's ISF (Iraqi Security Forces) is not meant. An acronym after
 * the catalog's own long name ("Government of National Accord (GNA)") stays.
 */
function locallyDefinedAcronyms(text: string, mentions: readonly EntityMention[], phrases: readonly CapitalisedPhrase[]): Set<string> {
  const local = new Set<string>();
  let byEnd: Map<number, CapitalisedPhrase> | undefined;
  for (let i = 0; i < mentions.length; i++) {
    const m = mentions[i];
    if (m.mention !== 'acronym' || text.charAt(m.start - 1) !== '(' || local.has(m.text)) continue;
    let k = m.start - 2;
    while (k >= 0 && text.charAt(k) === ' ') k--;
    byEnd ??= new Map(phrases.map((p) => [p.end, p]));
    const phrase = byEnd.get(k + 1);
    if (!phrase) continue;
    const letters = m.text.replace(/s$/, '');
    const capitals = phrase.words.filter(([s]) => /\p{Lu}/u.test(text.charAt(s)));
    if (capitals.length < letters.length) continue;
    const tail = capitals.slice(capitals.length - letters.length);
    if (tail.map(([s]) => text.charAt(s)).join('') !== letters) continue;
    const longStart = tail[0][0];
    // Mentions are in order: only those just before the acronym can cover its long form.
    let sameEntity = false;
    for (let j = i - 1; j >= 0 && mentions[j].end > longStart && !sameEntity; j--) sameEntity = mentions[j].id === m.id;
    if (!sameEntity) local.add(m.text);
  }
  return local;
}

/**
 * Capitalised phrases minus the words already recognised (or flagged as misspelt), grouped by
 * folded text. A sentence's first word counts only when the file also capitalises it mid-sentence.
 */
function unknownNames(text: string, lines: LineIndex, phrases: CapitalisedPhrase[], known: Array<{ start: number; end: number }>): UnknownName[] {
  const sorted = [...known].sort((a, b) => a.start - b.start);
  const covered = (s: number, e: number) => {
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid].end <= s) lo = mid + 1;
      else hi = mid;
    }
    return lo < sorted.length && sorted[lo].start < e;
  };
  // Words that open a sentence count only if the file also capitalises them mid-sentence: look for those
  // few words only, comparing lengths before slicing.
  const openers = new Set<string>();
  for (const p of phrases) if (p.sentenceStart) openers.add(text.slice(p.words[0][0], p.words[0][1]));
  const openerLengths = new Set([...openers].map((w) => w.length));
  const midSentence = new Set<string>();
  for (const p of phrases) {
    for (let k = p.sentenceStart ? 1 : 0; k < p.words.length; k++) {
      const [s, e] = p.words[k];
      if (!openerLengths.has(e - s)) continue;
      const w = text.slice(s, e);
      if (openers.has(w)) midSentence.add(w);
    }
  }

  const byKey = new Map<string, UnknownName>();
  const word = (w: [number, number]) => text.slice(w[0], w[1]);
  const isConnector = (w: [number, number]) => CONNECTOR.test(word(w));
  const emit = (phrase: CapitalisedPhrase, run: Array<[number, number]>) => {
    while (run.length && (isConnector(run[run.length - 1]) || NOT_NAMES.has(word(run[run.length - 1])))) run.pop();
    if (run.length && run[0] === phrase.words[0] && phrase.sentenceStart && !midSentence.has(word(run[0]))) run.shift();
    while (run.length && (isConnector(run[0]) || NOT_NAMES.has(word(run[0])))) run.shift();
    if (run.length === 0 || (run.length === 1 && run[0][1] - run[0][0] < 2)) return;
    const start = run[0][0];
    const end = run[run.length - 1][1];
    const written = foldKey(text.slice(start, end));
    let entry = byKey.get(written);
    if (!entry) byKey.set(written, (entry = { text: text.slice(start, end).replace(/\s+/g, ' '), occurrences: [] }));
    entry.occurrences.push({ start, end, range: lines.range(start, end) });
  };
  for (const phrase of phrases) {
    let run: Array<[number, number]> = [];
    for (const w of phrase.words) {
      if (!covered(w[0], w[1])) run.push(w);
      else if (run.length) {
        emit(phrase, run);
        run = [];
      }
    }
    if (run.length) emit(phrase, run);
  }
  return [...byKey.values()];
}
