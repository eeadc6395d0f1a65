import { isAlias, isMap, isScalar, isSeq, parseDocument, type Document, type Node, type Pair } from 'yaml';
import type { Range } from 'vscode-languageserver-types';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { LastGoodFiles } from '../lastGoodFiles';
import type { Problem } from '../model';
import { LineIndex } from '../text';
import type { Body } from './types';

/** One catalog entry, as docs/CATALOG.md documents it. */
export interface CatalogEntry {
  symbol: string;
  body?: Body;
  number?: number | string;
  /** Adoption date, YYYY-MM-DD. */
  date?: string;
  title?: string;
  subjects?: string[];
  /** "15-0-0" (in favour, against, abstentions), optionally "-N" non-voting; or "without a vote". */
  vote?: string;
  /** Official link: http(s) only. */
  link?: string;
  aliases?: string[];
  notes?: string;
  /** Facts from memory, not yet confirmed against UN records. */
  approximate?: boolean;
}

/** An entry with where it came from (the last file that set one of its fields wins the location). */
export interface LocatedEntry extends CatalogEntry {
  source: { uri: string; range: Range | null };
}

export interface ParsedCatalog {
  /** Null when the file has errors: its last good version stays in use. */
  entries: LocatedEntry[] | null;
  problems: Problem[];
}

/** Bounds that keep a hostile catalog from exhausting memory. */
export const CATALOG_LIMITS = { maxBytes: 10_000_000, maxAliasCount: 100 };

export const BODIES: readonly Body[] = ['SC', 'GA', 'HRC', 'ECOSOC'];
const VOTE = /^(\d{1,3})-(\d{1,3})-(\d{1,3})(?:-(\d{1,3}))?$|^without a vote$/;
const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

type FieldCheck = (node: Node | null, doc: Document) => string | null;

function scalarValue(node: Node | null, doc: Document): unknown {
  const target = isAlias(node) ? node.resolve(doc) : node;
  return isScalar(target) ? target.value : target;
}
const isString: FieldCheck = (n, d) => (typeof scalarValue(n, d) === 'string' && scalarValue(n, d) !== '' ? null : 'must be a non-empty string');
const stringList: FieldCheck = (n, d) => {
  const target = isAlias(n) ? n.resolve(d) : n;
  if (!isSeq(target)) return 'must be a list of strings';
  return target.items.every((i) => typeof scalarValue(i as Node, d) === 'string') ? null : 'must be a list of strings';
};

/** The entry fields and how each is checked; kept in step with server/data/schemas/catalog.schema.json. */
export const ENTRY_FIELDS: Record<keyof CatalogEntry, FieldCheck> = {
  symbol: isString,
  body: (n, d) => (BODIES.includes(scalarValue(n, d) as Body) ? null : `must be one of ${BODIES.join(', ')}`),
  number: (n, d) => {
    const v = scalarValue(n, d);
    return (typeof v === 'number' && Number.isInteger(v) && v > 0) || (typeof v === 'string' && v !== '') ? null : 'must be a positive whole number or a string';
  },
  date: (n, d) => (DATE.test(String(scalarValue(n, d))) ? null : 'must be a date written YYYY-MM-DD'),
  title: isString,
  subjects: stringList,
  vote: (n, d) => (VOTE.test(String(scalarValue(n, d))) ? null : 'must be "in favour-against-abstentions" like "15-0-0", or "without a vote"'),
  link: (n, d) => {
    const v = scalarValue(n, d);
    return typeof v === 'string' && /^https?:\/\/[^\s]+$/i.test(v) ? null : 'must be an http(s) URL';
  },
  aliases: stringList,
  notes: isString,
  approximate: (n, d) => (typeof scalarValue(n, d) === 'boolean' ? null : 'must be true or false'),
};
/** `entities` belongs to the entity catalog (docs/ENTITIES.md), which may share the file. */
const ROOT_KEYS = new Set(['version', 'entries', 'entities', '$schema', '$comment']);

/** The key that identifies a document: spacing dropped, and the year dropped from "S/RES/N (YYYY)" (numbers are unique). */
const keys = new Map<string, string>();
export function symbolKey(symbol: string): string {
  let key = keys.get(symbol);
  if (key === undefined) {
    if (keys.size > 10_000) keys.clear();
    key = computeSymbolKey(symbol);
    keys.set(symbol, key);
  }
  return key;
}

function computeSymbolKey(symbol: string): string {
  const compact = symbol.replace(/[\s\u00A0\u2007\u2009\u200A\u202F]+/g, '').toUpperCase();
  const sc = /^S\/RES\/0*(\d+)(?:\(\d{4}\))?$/.exec(compact);
  return sc ? `S/RES/${sc[1]}` : compact;
}

/**
 * Parses and checks a catalog file (YAML, or JSON which is YAML). Problems carry exact ranges in `text`;
 * any error makes `entries` null so that the caller keeps the last good version.
 */
export function parseCatalog(text: string, uri: string): ParsedCatalog {
  const lines = new LineIndex(text);
  const problems: Problem[] = [];
  const problem = (start: number, end: number, severity: DiagnosticSeverity, code: string, message: string) =>
    problems.push({ range: lines.range(start, end), severity, code, message });
  const at = (node: Node | Pair | null | undefined): [number, number] => {
    const r = node && 'range' in node && node.range ? node.range : null;
    return r ? [r[0], r[1]] : [0, 0];
  };
  if (text.length > CATALOG_LIMITS.maxBytes) {
    problem(0, 0, DiagnosticSeverity.Error, 'catalog-too-large', `Catalog is larger than ${CATALOG_LIMITS.maxBytes / 1_000_000} MB; it is not read.`);
    return { entries: null, problems };
  }
  const doc = parseDocument(text, { uniqueKeys: true, prettyErrors: false });
  // yaml points some errors at one character; widen them to the token there (a duplicate key, a bad word).
  const token = (start: number, end: number): [number, number] => {
    if (end - start > 1 || !/[^\s:]/.test(text[start] ?? ' ')) return [start, end];
    const m = /[^\s:,\[\]{}]*/y;
    m.lastIndex = start;
    m.exec(text);
    return [start, Math.max(end, m.lastIndex)];
  };
  for (const e of doc.errors) problem(...token(e.pos[0], e.pos[1]), DiagnosticSeverity.Error, 'catalog-yaml-error', firstLine(e.message));
  for (const w of doc.warnings) problem(...token(w.pos[0], w.pos[1]), DiagnosticSeverity.Warning, 'catalog-yaml-warning', firstLine(w.message));
  if (doc.errors.length > 0) return { entries: null, problems };
  try {
    doc.toJS({ maxAliasCount: CATALOG_LIMITS.maxAliasCount });
  } catch (err) {
    problem(0, 0, DiagnosticSeverity.Error, 'catalog-yaml-error', `Catalog not read: ${firstLine((err as Error).message)}`);
    return { entries: null, problems };
  }
  const root = doc.contents;
  if (!isMap(root)) {
    const [s, e] = at(root as Node | null);
    problem(s, e, DiagnosticSeverity.Error, 'catalog-invalid', 'A catalog is a mapping with "version: 1" and "entries:".');
    return { entries: null, problems };
  }
  let entriesNode: Node | null = null;
  for (const pair of root.items) {
    const key = String(scalarValue(pair.key as Node, doc));
    const [ks, ke] = at(pair.key as Node);
    if (key === 'version') {
      if (scalarValue(pair.value as Node, doc) !== 1) {
        const [s, e] = at(pair.value as Node);
        problem(s, e, DiagnosticSeverity.Error, 'catalog-invalid', '"version" must be 1.');
      }
    } else if (key === 'entries') entriesNode = pair.value as Node;
    else if (!ROOT_KEYS.has(key)) problem(ks, ke, DiagnosticSeverity.Warning, 'catalog-unknown-key', `Unknown key "${key}" (expected version, entries).`);
  }
  const entries: LocatedEntry[] = [];
  // A file with only an entity catalog has no document entries, and nothing wrong with it.
  if (!entriesNode && root.has('entities')) return { entries, problems };
  const seq = isAlias(entriesNode) ? entriesNode.resolve(doc) : entriesNode;
  if (!isSeq(seq)) {
    const [s, e] = entriesNode ? at(entriesNode) : at(root);
    problem(s, entriesNode ? e : s, DiagnosticSeverity.Error, 'catalog-invalid', '"entries" must be a list of entries.');
    return { entries: null, problems };
  }
  const seen = new Map<string, string>();
  for (const item of seq.items as Node[]) {
    const [is, ie] = at(item);
    const node = isAlias(item) ? item.resolve(doc) : item;
    if (!isMap(node)) {
      problem(is, ie, DiagnosticSeverity.Error, 'catalog-invalid', 'Each entry must be a mapping with at least "symbol".');
      continue;
    }
    const entry: Partial<CatalogEntry> = {};
    let valid = true;
    for (const pair of node.items) {
      const key = String(scalarValue(pair.key as Node, doc));
      const [ks, ke] = at(pair.key as Node);
      const check = (ENTRY_FIELDS as Record<string, FieldCheck>)[key];
      if (check === undefined) {
        problem(ks, ke, DiagnosticSeverity.Warning, 'catalog-unknown-key', `Unknown entry key "${key}" (expected ${Object.keys(ENTRY_FIELDS).join(', ')}).`);
        continue;
      }
      const message = check(pair.value as Node, doc);
      if (message !== null) {
        const [vs, ve] = pair.value ? at(pair.value as Node) : [ks, ke];
        problem(vs, ve, DiagnosticSeverity.Error, 'catalog-invalid', `"${key}" ${message}.`);
        valid = false;
        continue;
      }
      (entry as Record<string, unknown>)[key] = toPlain(pair.value as Node, doc);
    }
    if (entry.symbol === undefined) {
      if (valid) problem(is, is, DiagnosticSeverity.Error, 'catalog-invalid', 'Entry has no "symbol".');
      continue;
    }
    const key = symbolKey(entry.symbol);
    const before = seen.get(key);
    if (before !== undefined) {
      problem(is, ie, DiagnosticSeverity.Warning, 'catalog-duplicate-entry', `"${entry.symbol}" is already listed as "${before}"; this entry overrides it.`);
    }
    seen.set(key, entry.symbol);
    if (valid) entries.push({ ...(entry as CatalogEntry), source: { uri, range: lines.range(is, ie) } });
  }
  const hasError = problems.some((p) => p.severity === DiagnosticSeverity.Error);
  return { entries: hasError ? null : entries, problems };
}

function toPlain(node: Node, doc: Document): unknown {
  const target = isAlias(node) ? node.resolve(doc) : node;
  if (isSeq(target)) return target.items.map((i) => scalarValue(i as Node, doc));
  return scalarValue(target as Node, doc);
}

function firstLine(message: string): string {
  return message.split('\n')[0].trim();
}

/** Entries of a bundled catalog (JSON imported into the bundle), checked like any catalog. */
export function bundledEntries(json: unknown, uri: string): LocatedEntry[] {
  const parsed = parseCatalog(JSON.stringify(json), uri);
  if (parsed.entries === null) {
    throw new Error(`Bundled catalog ${uri} is invalid: ${parsed.problems.map((p) => p.message).join('; ')}`);
  }
  return parsed.entries.map((e) => ({ ...e, source: { uri, range: null } }));
}

/**
 * The catalogs in use: the bundled layer, then workspace files in merge order (`.policy-annotator.yaml`
 * `catalogs:` first, then the `policyAnnotator.catalogs` setting). Later layers add entries and override fields.
 * A file that fails to parse keeps its last good version.
 */
export class CatalogStore {
  private readonly files = new LastGoodFiles<ParsedCatalog>();
  private order: string[] = [];
  private merged: Map<string, LocatedEntry> | null = null;
  /** Bumped on every change, so that caches keyed on it stay right. */
  version = 0;

  constructor(private readonly bundled: LocatedEntry[]) {}

  /** Sets the workspace catalog files, in merge order (lowest precedence first). */
  setSources(uris: string[]): void {
    this.order = [...uris];
    this.files.retain(this.order);
    this.changed();
  }

  get sources(): readonly string[] {
    return this.order;
  }

  /** Reads a new version of one workspace catalog; returns its problems. */
  update(uri: string, text: string): Problem[] {
    const parsed = parseCatalog(text, uri);
    this.files.set(uri, parsed, parsed.entries !== null);
    this.changed();
    return parsed.problems;
  }

  /** The file is gone: its entries leave the catalog. */
  remove(uri: string): void {
    this.files.delete(uri);
    this.changed();
  }

  problems(uri: string): Problem[] {
    return this.files.latest(uri)?.problems ?? [];
  }

  lookup(symbol: string): LocatedEntry | undefined {
    return this.index().get(symbolKey(symbol));
  }

  private changed(): void {
    this.merged = null;
    this.version++;
  }

  private index(): Map<string, LocatedEntry> {
    if (this.merged !== null) return this.merged;
    const byKey = new Map<string, LocatedEntry>();
    const layers = [this.bundled, ...this.order.map((uri) => this.files.good(uri)?.entries ?? [])];
    for (const layer of layers) {
      for (const entry of layer) {
        const key = symbolKey(entry.symbol);
        const merged = { ...byKey.get(key), ...entry };
        byKey.set(key, merged);
        for (const alias of merged.aliases ?? []) byKey.set(symbolKey(alias), merged);
      }
    }
    // Aliases set before an override must point at the merged entry too.
    for (const [key, entry] of byKey) {
      const main = byKey.get(symbolKey(entry.symbol));
      if (main !== undefined && main !== entry) byKey.set(key, main);
    }
    this.merged = byKey;
    return byKey;
  }
}
