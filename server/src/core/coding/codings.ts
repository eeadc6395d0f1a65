import { isMap, isScalar, isSeq, Scalar, YAMLMap, YAMLSeq, type Document, type Node } from 'yaml';
import { DiagnosticSeverity, type Range, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver-types';
import { frontMatterDocument } from '../frontMatter';
import type { Fix, Paragraph, Problem, Statement } from '../model';
import { LineIndex } from '../text';
import { addCodeEdit, type Codebook } from './codebook';
import { closest, prefixDistance } from './fuzzy';
import { eolOf, MAX_YAML_CHARS, minimalEdit, nodeRange, offsetRange, parseBlock, stringifyYaml, type YamlBlock } from './yamlText';

/** Where a statement's codings live: its front matter, or the sidecar `<statement file>.codes.yaml`. */
export type CodingStorage = 'frontMatter' | 'sidecar';

export interface CodingSource {
  kind: CodingStorage;
  block: YamlBlock;
}

export interface CodeRef {
  id: string;
  range: Range;
}

/** How an entry found its paragraph. */
export type AnchorState =
  | 'exact' // the paragraph at `paragraph` starts with `quote` (or there is no quote and the path exists)
  | 'edited' // the paragraph at `paragraph` still starts with roughly `quote`
  | 'moved' // `quote` now opens another paragraph
  | 'lost' // nothing starts with `quote`
  | 'missing'; // no quote and no paragraph at `paragraph`

export interface CodingEntry {
  /** Position in the `codings` list. */
  index: number;
  paragraph: string | null;
  codes: CodeRef[];
  quote: string | null;
  memo: string | null;
  coder: string | null;
  /** Range of the `paragraph` value (of the whole entry when it has none). */
  paragraphRange: Range;
  range: Range;
  /** Index in `Statement.paragraphs` this entry codes now, or null when it cannot be placed. */
  anchor: number | null;
  state: AnchorState;
}

/** What a paragraph is coded with, merged over every entry anchored to it. */
export interface ParagraphCodes {
  paragraph: number;
  path: string;
  codes: string[];
  memos: string[];
  coders: string[];
  entries: number[];
}

export interface Codings {
  /** Null when the statement has no codings yet. */
  source: CodingSource | null;
  entries: CodingEntry[];
  /** By paragraph index, in document order. */
  byParagraph: Map<number, ParagraphCodes>;
  /** Located in `source.block.uri` (the statement itself for front matter). */
  problems: Problem[];
}

export interface ReadCodingsOptions {
  /** The sidecar file, when it exists. */
  sidecar?: { uri: string; text: string } | null;
  /** Where codings are looked up first when both places hold some. */
  storage?: CodingStorage;
  /** Enables `unknown-code` and `code-not-codable`. */
  codebook?: Codebook | null;
}

const ENTRY_KEYS = ['paragraph', 'codes', 'quote', 'memo', 'coder'];
/** Quotes are compared on at most this many normalised characters. */
const QUOTE_MAX = 200;
/** A quote still anchors when at most this share of its characters changed. */
const FUZZY_SHARE = 0.25;
const FUZZY_MIN_QUOTE = 8;
const PREFIX_KEY = 32;

export function sidecarUri(statementUri: string): string {
  return statementUri + '.codes.yaml';
}

/** Whitespace collapsed and typographic quotes and dashes folded, so reflowed or retyped text still matches. */
export function normalizeText(text: string): string {
  return text
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/[\u2013\u2014]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The opening of a paragraph's own text (after its marker), normalised, at most `max` characters. */
export function paragraphOpening(statement: Statement, p: Paragraph, max = QUOTE_MAX): string {
  return normalizeText(statement.text.slice(p.textStart, Math.min(p.end, p.textStart + max * 2 + 64))).slice(0, max);
}

/** The quote stored with a new coding: the paragraph's first words, about 30 to 60 characters. */
export function quoteFor(statement: Statement, p: Paragraph): string {
  const opening = paragraphOpening(statement, p, 120);
  if (opening.length <= 60) return opening;
  let end = opening.indexOf(' ', 30);
  if (end < 0 || end > 60) end = opening.lastIndexOf(' ', 60);
  return opening.slice(0, end > 0 ? end : 60);
}

function scalarText(node: unknown): string | null {
  if (!isScalar(node) || node.value === null || node.value === undefined) return null;
  if (typeof node.value === 'string') return node.value;
  return node.source ?? String(node.value);
}

function frontMatterBlock(statement: Statement): YamlBlock | null {
  const fm = statement.frontMatter;
  if (!fm) return null;
  return { uri: statement.uri, hostText: statement.text, lines: statement.lines, start: fm.contentStart, end: fm.contentEnd };
}

function sidecarBlock(sidecar: { uri: string; text: string }): YamlBlock {
  return { uri: sidecar.uri, hostText: sidecar.text, lines: new LineIndex(sidecar.text), start: 0, end: sidecar.text.length };
}

function hasCodingsKey(doc: Document): boolean {
  return isMap(doc.contents) && doc.contents.has('codings');
}

/** Finds paragraphs again from their stored path and opening quote. */
class Anchorer {
  private readonly byPath = new Map<string, number>();
  private readonly openings: (string | undefined)[] = [];
  private readonly byPrefix = new Map<number, Map<string, number[]>>();

  constructor(private readonly statement: Statement) {
    for (const p of statement.paragraphs) if (!this.byPath.has(p.path)) this.byPath.set(p.path, p.index);
  }

  indexOf(path: string | null): number | undefined {
    return path === null ? undefined : this.byPath.get(path);
  }

  /**
   * Where a paragraph that is gone probably was: after the last paragraph whose leading number is not
   * larger than the path's ("7.b" after paragraph 6), else just after the previous anchored entry.
   */
  expectedIndex(path: string | null, previous: number): number {
    const n = path === null ? NaN : parseInt(path, 10);
    if (Number.isNaN(n)) return previous + 1;
    let best = -1;
    for (const p of this.statement.paragraphs) {
      const m = parseInt(p.path, 10);
      if (!Number.isNaN(m) && m <= n) best = p.index;
    }
    return best >= 0 ? best : previous + 1;
  }

  opening(i: number): string {
    return (this.openings[i] ??= paragraphOpening(this.statement, this.statement.paragraphs[i]));
  }

  /**
   * Paragraphs whose opening starts with `quote`, via an index on their first min(|quote|, 32) characters
   * (one index per key length), so that openings sharing a long formula ("We note item…") stay cheap.
   */
  private exactMatches(quote: string): number[] {
    const k = Math.min(quote.length, PREFIX_KEY);
    let index = this.byPrefix.get(k);
    if (!index) {
      index = new Map();
      for (let i = 0; i < this.statement.paragraphs.length; i++) {
        const key = this.opening(i).slice(0, k);
        const list = index.get(key);
        if (list) list.push(i);
        else index.set(key, [i]);
      }
      this.byPrefix.set(k, index);
    }
    const candidates = index.get(quote.slice(0, k)) ?? [];
    return k === quote.length ? candidates : candidates.filter((i) => this.opening(i).startsWith(quote));
  }

  /**
   * Places a quote: the paragraph at `expected` if it still opens with it, else the nearest paragraph that does,
   * else the paragraph whose opening is closest (few edits), preferring ones near `expected`.
   */
  locate(quote: string, expected: number, atPath: number | undefined): { index: number; exact: boolean } | null {
    if (atPath !== undefined && this.opening(atPath).startsWith(quote)) return { index: atPath, exact: true };
    const nearest = (list: number[]): number => list.reduce((a, b) => (Math.abs(b - expected) < Math.abs(a - expected) ? b : a));
    const exact = this.exactMatches(quote);
    if (exact.length > 0) return { index: nearest(exact), exact: true };
    if (quote.length < FUZZY_MIN_QUOTE) return null;
    const max = Math.floor(quote.length * FUZZY_SHARE);
    const n = this.statement.paragraphs.length;
    let best: number | null = null;
    let bestScore = -Infinity;
    for (let i = 0; i < n; i++) {
      const d = prefixDistance(quote, this.opening(i), max);
      if (d > max) continue;
      // Similarity dominates; distance from the old position only breaks near-ties, as in Hypothesis.
      const score = 1 - d / quote.length - 0.05 * Math.min(1, Math.abs(i - expected) / Math.max(1, n));
      if (score > bestScore) {
        bestScore = score;
        best = i;
      }
    }
    return best === null ? null : { index: best, exact: false };
  }
}

class CodingsReader {
  readonly problems: Problem[] = [];
  readonly entries: CodingEntry[] = [];
  /** "Add to the codebook" edits by code id: an unknown code used many times costs one codebook edit. */
  private readonly addEdits = new Map<string, WorkspaceEdit | null>();

  constructor(
    private readonly statement: Statement,
    private readonly source: CodingSource,
    private readonly doc: Document,
  ) {}

  get uri(): string {
    return this.source.block.uri;
  }

  range(node: unknown): Range {
    return nodeRange(this.source.block, node as Node);
  }

  problem(range: Range, code: string, message: string, severity: DiagnosticSeverity, fixes?: Fix[]): void {
    this.problems.push({ range, severity, code, message, ...(fixes && fixes.length > 0 ? { fixes } : {}) });
  }

  read(): void {
    const block = this.source.block;
    for (const error of this.doc.errors) {
      this.problem(offsetRange(block, error.pos[0], error.pos[1]), 'codings-invalid', error.message.split('\n')[0], DiagnosticSeverity.Error);
    }
    const top = this.doc.contents;
    if (!isMap(top)) {
      if (this.source.kind === 'sidecar' && top !== null) this.problem(this.range(top), 'codings-invalid', 'A codings file must be a mapping with a `codings:` list', DiagnosticSeverity.Error);
      return;
    }
    const list = top.get('codings', true);
    if (list === undefined || (isScalar(list) && list.value === null)) return;
    if (!isSeq(list)) {
      this.problem(this.range(list), 'codings-invalid', '`codings` must be a list of `- paragraph: … codes: […]` entries', DiagnosticSeverity.Error);
      return;
    }
    list.items.forEach((item, index) => this.readEntry(item, index));
  }

  readEntry(item: unknown, index: number): void {
    if (!isMap(item)) {
      this.problem(this.range(item), 'codings-invalid', 'A coding must be a mapping with `paragraph` and `codes`', DiagnosticSeverity.Error);
      return;
    }
    for (const pair of item.items) {
      const key = scalarText(pair.key);
      if (key !== null && ENTRY_KEYS.includes(key)) continue;
      const range = this.range(pair.key);
      const guess = key === null ? null : closest(key, ENTRY_KEYS);
      const fixes = guess ? [{ title: `Change to '${guess}'`, isPreferred: true, edit: { changes: { [this.uri]: [{ range, newText: guess }] } } }] : undefined;
      this.problem(range, 'codings-unknown-key', `Unknown key '${key ?? '?'}' in a coding${guess ? ` (did you mean '${guess}'?)` : ''}`, DiagnosticSeverity.Warning, fixes);
    }
    const text = (key: string): string | null => {
      const node = item.get(key, true);
      if (node === undefined || (isScalar(node) && node.value === null)) return null;
      const value = scalarText(node);
      if (value === null) this.problem(this.range(node), 'codings-invalid', `\`${key}\` must be text`, DiagnosticSeverity.Error);
      return value;
    };
    const paragraphNode = item.get('paragraph', true);
    const paragraph = text('paragraph');
    const codes: CodeRef[] = [];
    const codesNode = item.get('codes', true);
    if (isSeq(codesNode)) {
      for (const c of codesNode.items) {
        const id = scalarText(c);
        if (id === null) this.problem(this.range(c), 'codings-invalid', 'A code must be a code id', DiagnosticSeverity.Error);
        else codes.push({ id, range: this.range(c) });
      }
    } else if (codesNode !== undefined && !(isScalar(codesNode) && codesNode.value === null)) {
      this.problem(this.range(codesNode), 'codings-invalid', '`codes` must be a list like [HUM, CT.EXT]', DiagnosticSeverity.Error);
    }
    const range = this.range(item);
    if (paragraph === null && paragraphNode === undefined) {
      this.problem(range, 'codings-invalid', 'This coding has no `paragraph`', DiagnosticSeverity.Error);
    }
    const quote = text('quote');
    this.entries.push({
      index,
      paragraph,
      codes,
      quote,
      memo: text('memo'),
      coder: text('coder'),
      paragraphRange: paragraphNode === undefined ? range : this.range(paragraphNode),
      range,
      anchor: null,
      state: 'missing',
    });
  }

  anchor(): void {
    const anchorer = new Anchorer(this.statement);
    let previous = -1;
    for (const entry of this.entries) {
      const atPath = anchorer.indexOf(entry.paragraph);
      const quote = entry.quote === null ? '' : normalizeText(entry.quote).slice(0, QUOTE_MAX);
      if (quote === '') {
        entry.anchor = atPath ?? null;
        entry.state = atPath === undefined ? 'missing' : 'exact';
      } else {
        const found = anchorer.locate(quote, atPath ?? anchorer.expectedIndex(entry.paragraph, previous), atPath);
        entry.anchor = found?.index ?? null;
        entry.state = !found ? 'lost' : found.index !== atPath ? 'moved' : found.exact ? 'exact' : 'edited';
      }
      if (entry.anchor !== null) previous = entry.anchor;
    }
  }

  /** Replaces an entry's `paragraph` (and stale quote) so that it names the paragraph it anchors to. */
  reanchorEdits(entry: CodingEntry): TextEdit[] {
    const p = this.statement.paragraphs[entry.anchor!];
    const edits: TextEdit[] = [];
    if (entry.paragraph !== p.path) {
      const hasValue = entry.paragraphRange !== entry.range;
      if (hasValue) edits.push({ range: entry.paragraphRange, newText: JSON.stringify(p.path) });
    }
    if (entry.state === 'edited' || (entry.state === 'moved' && !this.quoteMatches(entry, p))) {
      const quoteRange = this.quoteRange(entry);
      if (quoteRange) edits.push({ range: quoteRange, newText: JSON.stringify(quoteFor(this.statement, p)) });
    }
    return edits;
  }

  private quoteMatches(entry: CodingEntry, p: Paragraph): boolean {
    return entry.quote !== null && paragraphOpening(this.statement, p).startsWith(normalizeText(entry.quote).slice(0, QUOTE_MAX));
  }

  private quoteRange(entry: CodingEntry): Range | null {
    const list = isMap(this.doc.contents) ? this.doc.contents.get('codings', true) : null;
    const item = isSeq(list) ? list.items[entry.index] : null;
    return isMap(item) && item.has('quote') ? this.range(item.get('quote', true)) : null;
  }

  reportAnchors(): void {
    const moved = this.entries.filter((e) => e.state === 'moved' && e.paragraph !== null);
    const bulk: Fix | null = moved.length > 1
      ? { title: `Update all ${moved.length} moved codings`, edit: { changes: { [this.uri]: moved.flatMap((e) => this.reanchorEdits(e)) } } }
      : null;
    for (const entry of this.entries) {
      if (entry.state === 'exact' || (entry.state === 'missing' && entry.paragraph === null)) continue;
      const where = entry.paragraph === null ? 'this coding' : `paragraph ${entry.paragraph}`;
      const quote = entry.quote === null ? '' : ` “${truncate(entry.quote, 40)}”`;
      if (entry.state === 'moved') {
        const p = this.statement.paragraphs[entry.anchor!];
        const fix: Fix = { title: `Update coding to paragraph ${p.path}`, isPreferred: true, edit: { changes: { [this.uri]: this.reanchorEdits(entry) } } };
        this.problem(entry.paragraphRange, 'coding-anchor-moved', `The text coded at ${where}${quote} is now paragraph ${p.path}`, DiagnosticSeverity.Warning, bulk ? [fix, bulk] : [fix]);
      } else if (entry.state === 'edited') {
        const edits = this.reanchorEdits(entry);
        const fixes = edits.length > 0 ? [{ title: 'Update the quote to the paragraph’s new opening', isPreferred: true, edit: { changes: { [this.uri]: edits } } }] : [];
        this.problem(entry.paragraphRange, 'coding-quote-outdated', `Paragraph ${entry.paragraph} was edited and no longer starts with${quote}`, DiagnosticSeverity.Hint, fixes);
      } else if (entry.state === 'lost') {
        const why = entry.paragraph !== null && this.statement.paragraphs.some((p) => p.path === entry.paragraph) ? `paragraph ${entry.paragraph} now starts differently` : `${where} no longer exists`;
        this.problem(entry.paragraphRange, 'coding-anchor-lost', `Coding anchor lost: no paragraph starts with${quote} (${why}); its codes are not counted`, DiagnosticSeverity.Warning);
      } else if (entry.state === 'missing' && entry.paragraph !== null) {
        this.problem(entry.paragraphRange, 'codes-for-missing-paragraph', `Codes for paragraph ${entry.paragraph}, which does not exist in this statement`, DiagnosticSeverity.Warning);
      }
    }
  }

  checkCodes(codebook: Codebook | null | undefined, seen: Map<number, Map<string, CodeRef>>): void {
    for (const entry of this.entries) {
      const inEntry = new Set<string>();
      const previous = entry.anchor === null ? null : seen.get(entry.anchor) ?? new Map<string, CodeRef>();
      if (entry.anchor !== null && previous) seen.set(entry.anchor, previous);
      entry.codes.forEach((code, position) => {
        if (inEntry.has(code.id) || previous?.has(code.id)) {
          const first = inEntry.has(code.id) ? null : previous!.get(code.id)!;
          const remove = this.removeCodeFix(entry.index, position, code.id);
          this.problem(code.range, 'duplicate-code', first ? `'${code.id}' is already coded on this paragraph (line ${first.range.start.line + 1})` : `'${code.id}' is listed twice`, DiagnosticSeverity.Warning, remove ? [remove] : []);
          return;
        }
        inEntry.add(code.id);
        if (codebook) this.checkKnown(codebook, code);
      });
      if (previous) for (const code of entry.codes) if (!previous.has(code.id)) previous.set(code.id, code);
    }
  }

  private checkKnown(codebook: Codebook, code: CodeRef): void {
    const known = codebook.codes.get(code.id);
    if (!known) {
      const fixes: Fix[] = [];
      const guess = closest(code.id, [...codebook.codes.values()].filter((c) => c.codable).map((c) => c.id));
      if (guess) fixes.push({ title: `Change to '${guess}'`, isPreferred: true, edit: { changes: { [this.uri]: [{ range: code.range, newText: guess }] } } });
      if (!this.addEdits.has(code.id)) this.addEdits.set(code.id, addCodeEdit(codebook, code.id));
      const add = this.addEdits.get(code.id);
      if (add) fixes.push({ title: `Add '${code.id}' to the codebook`, edit: add });
      this.problem(code.range, 'unknown-code', `Unknown code '${code.id}'${guess ? ` (did you mean '${guess}'?)` : ''}`, DiagnosticSeverity.Error, fixes);
    } else if (!known.codable) {
      const children = known.children.slice(0, 4).join(', ');
      this.problem(code.range, 'code-not-codable', `'${code.id}' is a category, not a code${children ? `: use one of ${children}${known.children.length > 4 ? ', …' : ''}` : ''}`, DiagnosticSeverity.Warning);
    }
  }

  private removeCodeFix(entryIndex: number, position: number, id: string): Fix | null {
    const edit = editYaml(this.source, null, (_doc, list) => {
      const entry = list.items[entryIndex];
      const codes = isMap(entry) ? entry.get('codes', true) : null;
      if (!isSeq(codes)) return 'entry changed';
      codes.items.splice(position, 1);
      return null;
    });
    return 'edit' in edit ? { title: `Remove the duplicate '${id}'`, isPreferred: true, edit: edit.edit } : null;
  }
}

function truncate(text: string, max: number): string {
  const t = normalizeText(text);
  return t.length <= max ? t : t.slice(0, max - 1) + '…';
}

/**
 * Reads and checks a statement's codings and anchors every entry to a paragraph. Never throws: malformed YAML
 * and unknown shapes become problems in the file that holds the codings.
 */
export function readCodings(statement: Statement, options: ReadCodingsOptions = {}): Codings {
  const candidates: { source: CodingSource; doc: Document.Parsed }[] = [];
  const fmBlock = frontMatterBlock(statement);
  if (fmBlock && statement.frontMatter?.data && 'codings' in statement.frontMatter.data) {
    // The statement parser's own parse of the front matter, when it has one: codings are only read from it.
    const doc = frontMatterDocument(statement.frontMatter) ?? parseBlock(fmBlock);
    candidates.push({ source: { kind: 'frontMatter', block: fmBlock }, doc });
  }
  if (options.sidecar) {
    const block = sidecarBlock(options.sidecar);
    if (block.end > MAX_YAML_CHARS) {
      return {
        source: { kind: 'sidecar', block },
        entries: [],
        byParagraph: new Map(),
        problems: [{ range: block.lines.range(0, 0), severity: DiagnosticSeverity.Error, code: 'codings-invalid', message: `The codings file is larger than ${MAX_YAML_CHARS / 1e6} MB and was not read` }],
      };
    }
    const doc = parseBlock(block);
    if (hasCodingsKey(doc) || doc.errors.length > 0 || candidates.length === 0) candidates.push({ source: { kind: 'sidecar', block }, doc });
  }
  if (candidates.length === 0) return { source: null, entries: [], byParagraph: new Map(), problems: [] };
  const preferred = options.storage ?? 'frontMatter';
  const chosen = candidates.find((c) => c.source.kind === preferred) ?? candidates[0];
  const reader = new CodingsReader(statement, chosen.source, chosen.doc);
  reader.read();
  if (candidates.length > 1) {
    const other = candidates.find((c) => c !== chosen)!;
    const key = isMap(chosen.doc.contents) ? chosen.doc.contents.items.find((p) => scalarText(p.key) === 'codings')?.key : null;
    const otherName = other.source.kind === 'sidecar' ? 'the sidecar file ' + other.source.block.uri.split('/').pop() : 'the statement’s front matter';
    reader.problem(reader.range(key), 'codings-in-two-places', `Codings also exist in ${otherName}; they are ignored (setting policyAnnotator.codingStorage is '${preferred}')`, DiagnosticSeverity.Warning);
  }
  if (statement.skipped === null) {
    reader.anchor();
    reader.reportAnchors();
    reader.checkCodes(options.codebook, new Map());
  }
  return { source: chosen.source, entries: reader.entries, byParagraph: mergeByParagraph(statement, reader.entries), problems: reader.problems };
}

function mergeByParagraph(statement: Statement, entries: CodingEntry[]): Map<number, ParagraphCodes> {
  const merged = new Map<number, ParagraphCodes>();
  for (const entry of entries) {
    if (entry.anchor === null) continue;
    let pc = merged.get(entry.anchor);
    if (!pc) {
      pc = { paragraph: entry.anchor, path: statement.paragraphs[entry.anchor].path, codes: [], memos: [], coders: [], entries: [] };
      merged.set(entry.anchor, pc);
    }
    pc.entries.push(entry.index);
    for (const c of entry.codes) if (!pc.codes.includes(c.id)) pc.codes.push(c.id);
    if (entry.memo !== null) pc.memos.push(entry.memo);
    if (entry.coder !== null && !pc.coders.includes(entry.coder)) pc.coders.push(entry.coder);
  }
  return new Map([...merged.entries()].sort((a, b) => a[0] - b[0]));
}

// ---------------------------------------------------------------------------------------------------------
// Edits: every change to codings is one WorkspaceEdit computed with the yaml Document API, so comments, key
// order and untouched lines stay as written and one undo reverts it.

export interface CodingEditContext {
  statement: Statement;
  /** The codings read from the same text versions the edit applies to. */
  codings: Codings;
  /** Where to create codings when there are none yet. */
  storage: CodingStorage;
}

export type CodingEditResult = { edit: WorkspaceEdit } | { error: string };

/**
 * Applies `mutate` to the `codings` list of `source` (or of a new block when `source` is null) and returns
 * the edit. `mutate` may return an error message to abort.
 */
function editYaml(source: CodingSource | null, create: { ctx: CodingEditContext } | null, mutate: (doc: Document, list: YAMLSeq) => string | null): CodingEditResult {
  let doc: Document;
  if (source) {
    doc = parseBlock(source.block);
    if (doc.errors.length > 0) return { error: `The codings in ${source.block.uri} have YAML errors; fix them first` };
  } else {
    doc = parseBlock({ uri: '', hostText: '', lines: new LineIndex(''), start: 0, end: 0 });
  }
  if (doc.contents !== null && !isMap(doc.contents)) return { error: 'The codings YAML is not a mapping' };
  let list: unknown = isMap(doc.contents) ? doc.contents.get('codings', true) : undefined;
  if (list === undefined || (isScalar(list) && list.value === null)) {
    list = new YAMLSeq(doc.schema);
    doc.set('codings', list);
  }
  if (!isSeq(list)) return { error: '`codings` is not a list' };
  const error = mutate(doc, list);
  if (error) return { error };
  if (source) {
    const edit = minimalEdit(source.block, stringifyYaml(doc, eolOf(source.block.hostText)));
    return { edit: { changes: { [source.block.uri]: edit ? [edit] : [] } } };
  }
  const statement = create!.ctx.statement;
  if (create!.ctx.storage === 'frontMatter') {
    const eol = eolOf(statement.text);
    const origin = { line: 0, character: 0 };
    return { edit: { changes: { [statement.uri]: [{ range: { start: origin, end: origin }, newText: `---${eol}${stringifyYaml(doc, eol)}---${eol}` }] } } };
  }
  const uri = sidecarUri(statement.uri);
  const origin = { line: 0, character: 0 };
  return {
    edit: {
      documentChanges: [
        { kind: 'create', uri, options: { ignoreIfExists: true } },
        { textDocument: { uri, version: null }, edits: [{ range: { start: origin, end: origin }, newText: stringifyYaml(doc, '\n') }] },
      ],
    },
  };
}

/** The YAML source edits go to: the existing codings, or the statement's front matter when that is where new ones go. */
function targetSource(ctx: CodingEditContext): CodingSource | null | string {
  if (ctx.codings.source) return ctx.codings.source;
  if (ctx.storage === 'sidecar') return null;
  const fm = ctx.statement.frontMatter;
  if (!fm) return null;
  if (fm.data === null) return 'The front matter is not valid YAML; fix it before adding codings';
  return { kind: 'frontMatter', block: frontMatterBlock(ctx.statement)! };
}

function quoted(text: string): Scalar {
  const s = new Scalar(text);
  s.type = text.includes('\n') ? Scalar.BLOCK_LITERAL : Scalar.QUOTE_DOUBLE;
  return s;
}

function flowList(ids: string[]): YAMLSeq {
  const seq = new YAMLSeq();
  seq.flow = true;
  seq.items = ids.map((id) => new Scalar(id));
  return seq;
}

/** Runs `change` with the paragraphs for `paths` and, for each, the list items anchored to it. */
function editParagraphs(
  ctx: CodingEditContext,
  paths: string[],
  change: (list: YAMLSeq, targets: { paragraph: Paragraph; items: YAMLMap[] }[], insert: (p: Paragraph, entry: YAMLMap) => void) => void,
): CodingEditResult {
  const paragraphs: Paragraph[] = [];
  for (const path of paths) {
    const p = ctx.statement.paragraphs.find((q) => q.path === path);
    if (!p) return { error: `No paragraph ${path} in this statement` };
    if (!paragraphs.includes(p)) paragraphs.push(p);
  }
  paragraphs.sort((a, b) => a.index - b.index);
  const source = targetSource(ctx);
  if (typeof source === 'string') return { error: source };
  return editYaml(source, { ctx }, (_doc, list) => {
    // Anchors of the list items, kept in step with insertions so new entries land in document order.
    const anchors: (number | null)[] = list.items.map((_, i) => ctx.codings.entries.find((e) => e.index === i)?.anchor ?? null);
    const targets = paragraphs.map((paragraph) => ({
      paragraph,
      items: list.items.filter((item, i): item is YAMLMap => anchors[i] === paragraph.index && isMap(item)),
    }));
    const insert = (p: Paragraph, entry: YAMLMap): void => {
      let at = anchors.findIndex((a) => a !== null && a > p.index);
      if (at < 0) at = list.items.length;
      // yaml keeps a comment above the first item on the list: keep it with that item when inserting before it.
      if (at === 0 && list.commentBefore && list.items.length > 0) {
        const first = list.items[0] as Node;
        first.commentBefore = first.commentBefore ? `${list.commentBefore}\n${first.commentBefore}` : list.commentBefore;
        list.commentBefore = undefined;
      }
      list.items.splice(at, 0, entry);
      anchors.splice(at, 0, p.index);
    };
    change(list, targets, insert);
    return null;
  });
}

function newEntry(statement: Statement, p: Paragraph, codes: string[], extra: Record<string, string> = {}): YAMLMap {
  const entry = new YAMLMap();
  entry.set('paragraph', quoted(p.path));
  entry.set('codes', flowList(codes));
  entry.set('quote', quoted(quoteFor(statement, p)));
  for (const [k, v] of Object.entries(extra)) entry.set(k, quoted(v));
  return entry;
}

/** Brings a re-anchored entry's path and quote up to date while it is being edited anyway. */
function refreshAnchor(statement: Statement, p: Paragraph, entry: YAMLMap): void {
  if (scalarText(entry.get('paragraph', true)) !== p.path) entry.set('paragraph', quoted(p.path));
  const quote = scalarText(entry.get('quote', true));
  if (quote !== null && !paragraphOpening(statement, p).startsWith(normalizeText(quote).slice(0, QUOTE_MAX))) entry.set('quote', quoted(quoteFor(statement, p)));
}

function codeCount(entry: YAMLMap): number {
  const codes = entry.get('codes', true);
  return isSeq(codes) ? codes.items.length : 0;
}

/** Drops entries that hold neither codes nor a memo any more. */
function dropEmpty(list: YAMLSeq, items: YAMLMap[]): void {
  for (const item of items) if (codeCount(item) === 0 && !item.has('memo')) list.items.splice(list.items.indexOf(item), 1);
}

function codesOf(entry: YAMLMap): YAMLSeq {
  const codes = entry.get('codes', true);
  if (isSeq(codes)) return codes;
  const seq = flowList([]);
  entry.set('codes', seq);
  return seq;
}

/** Adds `codes` to every paragraph in `paths` (creating entries, and the front matter or sidecar, as needed). */
export function tagParagraphs(ctx: CodingEditContext, paths: string[], codes: string[], coder?: string): CodingEditResult {
  return setParagraphCodes(ctx, paths, codes, [], coder);
}

/** Removes `code` from every paragraph in `paths`; entries left with neither codes nor memo are removed. */
export function removeCode(ctx: CodingEditContext, paths: string[], code: string): CodingEditResult {
  return setParagraphCodes(ctx, paths, [], [code]);
}

/** Adds and removes codes in one edit (what the multi-select picker produces). */
export function setParagraphCodes(ctx: CodingEditContext, paths: string[], add: string[], remove: string[], coder?: string): CodingEditResult {
  return editParagraphs(ctx, paths, (list, targets, insert) => {
    for (const { paragraph, items } of targets) {
      if (items.length === 0) {
        if (add.length > 0) insert(paragraph, newEntry(ctx.statement, paragraph, add, coder ? { coder } : {}));
        continue;
      }
      const present = new Set<string>();
      for (const item of items) {
        const seq = item.get('codes', true);
        if (isSeq(seq)) {
          seq.items = seq.items.filter((c) => !remove.includes(scalarText(c) ?? ''));
          for (const c of seq.items) present.add(scalarText(c) ?? '');
        }
        refreshAnchor(ctx.statement, paragraph, item);
      }
      const missing = add.filter((c) => !present.has(c));
      if (missing.length > 0) codesOf(items[0]).items.push(...missing.map((id) => new Scalar(id)));
      dropEmpty(list, items);
    }
  });
}

/** Sets the memo of a paragraph's coding (an empty memo removes it). */
export function setMemo(ctx: CodingEditContext, path: string, memo: string): CodingEditResult {
  return editParagraphs(ctx, [path], (list, [{ paragraph, items }], insert) => {
    if (items.length === 0) {
      if (memo !== '') insert(paragraph, newEntry(ctx.statement, paragraph, [], { memo }));
      return;
    }
    const [first, ...rest] = items;
    if (memo === '') first.delete('memo');
    else first.set('memo', quoted(memo));
    for (const item of rest) item.delete('memo');
    refreshAnchor(ctx.statement, paragraph, first);
    dropEmpty(list, items);
  });
}

/** Exact-range edits renaming a code id in these codings (for renaming a code across the workspace). */
export function renameCodeEdits(codings: Codings, from: string, to: string): TextEdit[] {
  return codings.entries.flatMap((e) => e.codes.filter((c) => c.id === from).map((c) => ({ range: c.range, newText: to })));
}
