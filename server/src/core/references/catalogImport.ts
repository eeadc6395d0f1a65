import { Document } from 'yaml';
import type { CatalogEntry } from './catalog';
import { officialLink } from './problems';
import type { Body } from './types';

/** Splits CSV text fed in chunks into records; quoted fields may hold commas, doubled quotes and line breaks. */
export class CsvReader {
  private field = '';
  private record: string[] = [];
  private quoted = false;
  private afterQuote = false;
  private pendingCR = false;
  private line = 1;
  private recordLine = 1;
  private out: { line: number; fields: string[] }[] = [];

  /** Feeds a chunk; returns the records completed by it, each with the line it starts on. */
  push(chunk: string): { line: number; fields: string[] }[] {
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk[i];
      if (this.pendingCR) {
        this.pendingCR = false;
        if (c === '\n') continue;
      }
      if (this.quoted) {
        if (c === '"') {
          this.quoted = false;
          this.afterQuote = true;
        } else {
          if (c === '\n' || c === '\r') this.line++;
          if (c === '\r') this.pendingCR = true;
          this.field += c;
        }
        continue;
      }
      if (c === '"') {
        // A doubled quote inside a quoted field, or the opening quote.
        if (this.afterQuote) this.field += '"';
        this.quoted = true;
        this.afterQuote = false;
      } else if (c === ',') {
        this.endField();
      } else if (c === '\n' || c === '\r') {
        if (c === '\r') this.pendingCR = true;
        this.endRecord();
        this.line++;
        this.recordLine = this.line;
      } else {
        this.afterQuote = false;
        this.field += c;
      }
    }
    return this.take();
  }

  /** The last record when the text does not end with a line break. */
  end(): { line: number; fields: string[] }[] {
    if (this.field !== '' || this.record.length > 0) this.endRecord();
    return this.take();
  }

  private endField(): void {
    this.record.push(this.field);
    this.field = '';
    this.afterQuote = false;
  }

  private endRecord(): void {
    this.endField();
    if (!(this.record.length === 1 && this.record[0] === '')) this.out.push({ line: this.recordLine, fields: this.record });
    this.record = [];
  }

  private take() {
    const out = this.out;
    this.out = [];
    return out;
  }
}

const VOTING_COLUMNS = ['resolution', 'date', 'ms_vote'] as const;
const SIMPLE_COLUMNS = ['number', 'symbol', 'date', 'title'] as const;

export interface ImportError {
  line: number;
  message: string;
}

export interface ImportSummary {
  flavour: 'voting-data' | 'simple';
  rows: number;
  entries: number;
  errors: number;
}

interface VoteCount {
  yes: number;
  no: number;
  abstentions: number;
  nonVoting: number;
}

interface Pending {
  entry: CatalogEntry;
  line: number;
  totals: VoteCount | null;
  counted: VoteCount;
  withoutVote: boolean;
}

/** "S/RES/2254(2015)", "S/RES/2254 (2015)" → parts; other symbols as they are. */
function parseSymbol(raw: string): { symbol: string; body: Body | null; number: number | null; year: string | null } | null {
  const s = raw.trim().replace(/\s+/g, ' ');
  if (s === '') return null;
  const sc = /^S\/RES\/(\d{1,5}) ?\((\d{4})\)$/.exec(s);
  if (sc) return { symbol: `S/RES/${Number(sc[1])} (${sc[2]})`, body: 'SC', number: Number(sc[1]), year: sc[2] };
  const body: Body | null = s.startsWith('A/HRC/RES/') ? 'HRC' : s.startsWith('A/RES/') ? 'GA' : s.startsWith('E/RES/') ? 'ECOSOC' : s.startsWith('S/RES/') ? 'SC' : null;
  if (body === null) return null;
  return { symbol: s, body, number: null, year: null };
}

function isoDate(raw: string): string | null {
  const m = /^(\d{4}-\d{2}-\d{2})(?:[T ].*)?$/.exec(raw.trim());
  return m ? m[1] : null;
}

function count(raw: string | undefined): number | null {
  if (raw === undefined || raw.trim() === '') return null;
  const n = Number(raw.trim());
  return Number.isInteger(n) && n >= 0 ? n : NaN;
}

/**
 * Builds catalog entries from a CSV: the UN Digital Library Security Council voting data (one row per member
 * vote, grouped here per resolution) or a simple `number,symbol,date,title` list. Feed records in order.
 */
export class CatalogImporter {
  private columns: Map<string, number> | null = null;
  private flavour: ImportSummary['flavour'] | null = null;
  private readonly pending = new Map<string, Pending>();
  private rows = 0;
  readonly errors: ImportError[] = [];

  /** Reads one record; the first is the header. Throws when the header is neither flavour. */
  add(record: { line: number; fields: string[] }): void {
    if (this.columns === null) {
      const names = record.fields.map((f) => f.trim().replace(/^\uFEFF/, '').toLowerCase());
      this.columns = new Map(names.map((n, i) => [n, i]));
      if (VOTING_COLUMNS.every((c) => this.columns?.has(c))) this.flavour = 'voting-data';
      else if (SIMPLE_COLUMNS.every((c) => this.columns?.has(c))) this.flavour = 'simple';
      else {
        throw new Error(
          `line ${record.line}: unknown CSV header. Expected the UN Digital Library voting data (columns ${VOTING_COLUMNS.join(', ')} …) or "${SIMPLE_COLUMNS.join(',')}".`,
        );
      }
      return;
    }
    this.rows++;
    const get = (name: string) => {
      const i = this.columns?.get(name);
      return i === undefined ? undefined : record.fields[i];
    };
    const fail = (message: string) => this.errors.push({ line: record.line, message });
    if (record.fields.length !== this.columns.size) {
      fail(`expected ${this.columns.size} fields, found ${record.fields.length}`);
      return;
    }
    if (this.flavour === 'simple') this.addSimple(record.line, get, fail);
    else this.addVote(record.line, get, fail);
  }

  private addSimple(line: number, get: (n: string) => string | undefined, fail: (m: string) => void): void {
    const parsed = parseSymbol(get('symbol') ?? '');
    if (parsed === null) return void fail(`"${get('symbol')}" is not a UN resolution symbol`);
    const number = Number(get('number'));
    if (!Number.isInteger(number) || number < 1) return void fail(`"${get('number')}" is not a resolution number`);
    if (parsed.number !== null && parsed.number !== number) return void fail(`number ${number} does not match symbol ${parsed.symbol}`);
    const date = isoDate(get('date') ?? '');
    if (date === null) return void fail(`"${get('date')}" is not a date (YYYY-MM-DD)`);
    if (parsed.year !== null && parsed.year !== date.slice(0, 4)) return void fail(`date ${date} is not in the year of ${parsed.symbol}`);
    if (this.pending.has(parsed.symbol)) return void fail(`${parsed.symbol} appears twice (first on line ${this.pending.get(parsed.symbol)?.line})`);
    const title = (get('title') ?? '').trim();
    const entry: CatalogEntry = {
      symbol: parsed.symbol, ...(parsed.body ? { body: parsed.body } : {}), number, date,
      ...(title ? { title } : {}), link: officialLink(parsed.symbol),
    };
    this.pending.set(parsed.symbol, { entry, line, totals: null, counted: { yes: 0, no: 0, abstentions: 0, nonVoting: 0 }, withoutVote: false });
  }

  private addVote(line: number, get: (n: string) => string | undefined, fail: (m: string) => void): void {
    const parsed = parseSymbol(get('resolution') ?? '');
    if (parsed === null) return void fail(`"${get('resolution')}" is not a UN resolution symbol`);
    const date = isoDate(get('date') ?? '');
    if (date === null) return void fail(`"${get('date')}" is not a date (YYYY-MM-DD)`);
    let p = this.pending.get(parsed.symbol);
    if (p === undefined) {
      const title = (get('description') ?? '').trim();
      const subjects = (get('subjects') ?? '').split(/\s*[|;]\s*/).map((s) => s.trim()).filter((s) => s !== '');
      const undl = (get('undl_link') ?? '').trim();
      const entry: CatalogEntry = {
        symbol: parsed.symbol, ...(parsed.body ? { body: parsed.body } : {}),
        ...(parsed.number !== null ? { number: parsed.number } : {}), date,
        ...(title ? { title } : {}), ...(subjects.length > 0 ? { subjects: [...new Set(subjects)] } : {}),
        link: officialLink(parsed.symbol),
        ...(/^https?:\/\/\S+$/.test(undl) ? { notes: `UN Digital Library record: ${undl}` } : {}),
      };
      const totals = ['total_yes', 'total_no', 'total_abstentions', 'total_non_voting'].map((c) => count(get(c)));
      if (totals.some((n) => Number.isNaN(n))) return void fail('vote totals must be whole numbers');
      p = {
        entry, line, counted: { yes: 0, no: 0, abstentions: 0, nonVoting: 0 },
        totals: totals[0] !== null ? { yes: totals[0], no: totals[1] ?? 0, abstentions: totals[2] ?? 0, nonVoting: totals[3] ?? 0 } : null,
        withoutVote: /without vote|without a vote|consensus/i.test(get('modality') ?? ''),
      };
      this.pending.set(parsed.symbol, p);
    } else if (p.entry.date !== date) {
      return void fail(`${parsed.symbol} has date ${date} here but ${p.entry.date} on line ${p.line}`);
    }
    const vote = (get('ms_vote') ?? '').trim().toUpperCase();
    if (vote === 'Y') p.counted.yes++;
    else if (vote === 'N') p.counted.no++;
    else if (vote === 'A') p.counted.abstentions++;
    else if (vote === 'X' || vote === '') p.counted.nonVoting++;
    else fail(`unknown member vote "${vote}" (expected Y, N, A or X)`);
  }

  /** The catalog entries, in symbol order (Security Council by number). */
  entries(): CatalogEntry[] {
    return [...this.pending.values()]
      .map((p) => {
        const v = p.totals ?? p.counted;
        const cast = v.yes + v.no + v.abstentions;
        const vote = p.withoutVote ? 'without a vote' : cast > 0 ? `${v.yes}-${v.no}-${v.abstentions}${v.nonVoting > 0 ? `-${v.nonVoting}` : ''}` : undefined;
        return this.flavour === 'voting-data' && vote !== undefined ? { ...p.entry, vote } : p.entry;
      })
      .sort((a, b) => (typeof a.number === 'number' && typeof b.number === 'number' ? a.number - b.number : a.symbol.localeCompare(b.symbol)));
  }

  summary(): ImportSummary {
    return { flavour: this.flavour ?? 'simple', rows: this.rows, entries: this.pending.size, errors: this.errors.length };
  }
}

/** The catalog YAML for imported entries, written with the yaml Document API. */
export function catalogYaml(entries: CatalogEntry[], source: string): string {
  const doc = new Document({ version: 1, entries });
  doc.commentBefore = ` Imported by "policy-annotator catalog import" from ${source}.\n Format: docs/CATALOG.md`;
  return doc.toString({ lineWidth: 0 });
}
