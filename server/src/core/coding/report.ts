import type { Paragraph, ParagraphKind, Statement } from '../model';
import type { Codebook } from './codebook';
import type { Codings } from './codings';

/** One paragraph of one file, as reports and the CSV export see it. */
export interface ReportRow {
  file: string;
  path: string;
  kind: ParagraphKind;
  codes: string[];
  memo: string;
  /** Canonical symbols of the documents the paragraph cites. */
  references: string[];
  entities: string[];
  excerpt: string;
}

/** What other analyses know about a paragraph (references, entities); empty lists when they are absent. */
export type ParagraphFacts = (p: Paragraph) => { references: string[]; entities: string[] };

const EXCERPT_MAX = 200;

function excerptOf(statement: Statement, p: Paragraph): string {
  const text = statement.text.slice(p.textStart, Math.min(p.end, p.textStart + EXCERPT_MAX * 2 + 64)).replace(/\s+/g, ' ').trim();
  if (text.length <= EXCERPT_MAX) return text;
  const cut = text.lastIndexOf(' ', EXCERPT_MAX);
  return text.slice(0, cut > EXCERPT_MAX / 2 ? cut : EXCERPT_MAX) + '…';
}

/** Every paragraph of a statement in document order, with its codes and memo. */
export function reportRows(file: string, statement: Statement, codings: Codings, facts?: ParagraphFacts): ReportRow[] {
  return statement.paragraphs.map((p) => {
    const coded = codings.byParagraph.get(p.index);
    const known = facts?.(p);
    return {
      file,
      path: p.path,
      kind: p.kind,
      codes: coded?.codes ?? [],
      memo: coded?.memos.join('\n') ?? '',
      references: known?.references ?? [],
      entities: known?.entities ?? [],
      excerpt: excerptOf(statement, p),
    };
  });
}

type Counter<K> = Map<K, number>;

function bump<K>(map: Counter<K>, key: K, by = 1): void {
  map.set(key, (map.get(key) ?? 0) + by);
}

function nested<A, B>(map: Map<A, Counter<B>>, a: A): Counter<B> {
  let inner = map.get(a);
  if (!inner) map.set(a, (inner = new Map()));
  return inner;
}

export interface CodingReport {
  files: string[];
  /** Codes used, in codebook order, then unknown codes alphabetically. */
  codes: string[];
  /** Paragraphs coded with each code, per file. */
  frequency: Map<string, Counter<string>>;
  /** For codes with sub-codes: paragraphs coded with the code or any descendant, over all files. */
  withDescendants: Counter<string>;
  /** "A\u0000B" (A before B in `codes`) -> paragraphs coded with both. */
  cooccurrence: Counter<string>;
  byKind: Map<string, Counter<ParagraphKind>>;
  byDocument: Map<string, Counter<string>>;
  coded: Map<string, ReportRow[]>;
  paragraphs: number;
  codedParagraphs: number;
}

export function buildReport(rows: ReportRow[], codebook?: Codebook | null): CodingReport {
  const used = new Set<string>();
  for (const row of rows) for (const c of row.codes) used.add(c);
  const order = codebook ? [...codebook.codes.keys()] : [];
  const codes = [...order.filter((c) => used.has(c)), ...[...used].filter((c) => !codebook?.codes.has(c)).sort()];
  const rank = new Map(codes.map((c, i) => [c, i]));
  const report: CodingReport = {
    files: [...new Set(rows.map((r) => r.file))],
    codes,
    frequency: new Map(),
    withDescendants: new Map(),
    cooccurrence: new Map(),
    byKind: new Map(),
    byDocument: new Map(),
    coded: new Map(),
    paragraphs: rows.length,
    codedParagraphs: 0,
  };
  for (const row of rows) {
    if (row.codes.length === 0) continue;
    report.codedParagraphs++;
    const sorted = [...row.codes].sort((a, b) => rank.get(a)! - rank.get(b)!);
    for (let i = 0; i < sorted.length; i++) {
      const code = sorted[i];
      bump(nested(report.frequency, code), row.file);
      bump(nested(report.byKind, code), row.kind);
      for (const doc of new Set(row.references)) bump(nested(report.byDocument, code), doc);
      let list = report.coded.get(code);
      if (!list) report.coded.set(code, (list = []));
      list.push(row);
      for (let j = i + 1; j < sorted.length; j++) bump(report.cooccurrence, `${code}\u0000${sorted[j]}`);
    }
    if (codebook) {
      const ancestors = new Set<string>();
      for (const code of row.codes) {
        for (let c = codebook.codes.get(code); c; c = c.parent ? codebook.codes.get(c.parent) : undefined) {
          if (c.children.length > 0) ancestors.add(c.id);
          if (ancestors.size > 64) break;
        }
      }
      for (const a of ancestors) bump(report.withDescendants, a);
    }
  }
  return report;
}

// ---------------------------------------------------------------------------------------------------------

/** Escapes text for a Markdown table cell or list item (no HTML, no accidental formatting). */
function md(text: string): string {
  return text.replace(/[\\`*_[\]<>|#]/g, (c) => (c === '<' ? '&lt;' : c === '>' ? '&gt;' : '\\' + c)).replace(/\s+/g, ' ');
}

/** A Markdown table whose first `textColumns` columns are left-aligned text and the rest right-aligned counts. */
function table(header: string[], rows: (string | number)[][], textColumns = 1): string[] {
  return [`| ${header.join(' | ')} |`, `|${header.map((_, i) => (i < textColumns ? ' --- ' : ' ---: ')).join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)];
}

export function reportMarkdown(report: CodingReport, codebook?: Codebook | null, title = 'Coding report'): string {
  const label = (id: string): string => {
    const code = codebook?.codes.get(id);
    return code && code.label !== id ? `${md(id)} ${md(code.label)}` : md(id);
  };
  const out: string[] = [`# ${md(title)}`, ''];
  out.push(`${report.codedParagraphs} of ${report.paragraphs} paragraphs coded in ${report.files.length} file${report.files.length === 1 ? '' : 's'}, with ${report.codes.length} code${report.codes.length === 1 ? '' : 's'}.`, '');
  if (report.codes.length === 0) return out.join('\n') + '\n';

  out.push('## Frequency', '', 'Paragraphs coded with each code; categories also count paragraphs coded with their sub-codes.', '');
  // Categories appear with their roll-up even when no paragraph carries them directly.
  const listed = codebook
    ? [...[...codebook.codes.keys()].filter((c) => report.frequency.has(c) || report.withDescendants.has(c)), ...report.codes.filter((c) => !codebook.codes.has(c))]
    : report.codes;
  const total = (c: string): number => [...(report.frequency.get(c)?.values() ?? [])].reduce((a, b) => a + b, 0);
  const showDescendants = report.withDescendants.size > 0;
  out.push(
    ...table(
      ['Code', 'Paragraphs', ...(showDescendants ? ['With sub-codes'] : [])],
      listed.map((c) => [label(c), total(c), ...(showDescendants ? [report.withDescendants.get(c) ?? ''] : [])]),
    ),
    '',
  );
  const many = report.files.length > 1;
  if (many) {
    out.push('### Per file', '');
    const rows: (string | number)[][] = [];
    for (const file of report.files) for (const c of report.codes) {
      const n = report.frequency.get(c)?.get(file);
      if (n) rows.push([md(file), label(c), n]);
    }
    out.push(...table(['File', 'Code', 'Paragraphs'], rows, 2), '');
  }

  if (report.cooccurrence.size > 0) {
    out.push('## Co-occurrence', '', 'Paragraphs coded with both codes.', '');
    const pairs = [...report.cooccurrence.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    out.push(...table(['Code', 'Code', 'Paragraphs'], pairs.map(([k, n]) => [...k.split('\u0000').map(label), n]), 2), '');
  }

  const kinds = [...new Set([...report.byKind.values()].flatMap((m) => [...m.keys()]))].sort();
  out.push('## By paragraph kind', '');
  out.push(...table(['Code', ...kinds], report.codes.map((c) => [label(c), ...kinds.map((k) => report.byKind.get(c)?.get(k) ?? 0)])), '');

  if (report.byDocument.size > 0) {
    out.push('## By cited document', '');
    const rows: (string | number)[][] = [];
    for (const c of report.codes) {
      const docs = [...(report.byDocument.get(c) ?? new Map<string, number>()).entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
      for (const [doc, n] of docs) rows.push([label(c), md(doc), n]);
    }
    out.push(...table(['Code', 'Document', 'Paragraphs'], rows, 2), '');
  }

  out.push('## Coded paragraphs', '');
  for (const c of report.codes) {
    const rows = report.coded.get(c)!;
    out.push(`### ${label(c)} (${rows.length})`, '');
    const description = codebook?.codes.get(c)?.description;
    if (description) out.push(`*${md(description)}*`, '');
    for (const row of rows) {
      const where = many ? `${md(row.file)} ¶ ${md(row.path)}` : `¶ ${md(row.path)}`;
      out.push(`- **${where}** (${row.kind}): ${md(row.excerpt)}${row.memo ? ` — *memo:* ${md(row.memo)}` : ''}`);
    }
    out.push('');
  }
  return out.join('\n');
}

/** RFC 4180: CRLF records, fields quoted when they hold a quote, comma or line break, quotes doubled. */
function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

const CSV_HEADER = ['file', 'path', 'kind', 'codes', 'memo', 'references', 'entities', 'excerpt'];

/** One row per paragraph; list columns are joined with "; " (split them with `str.split("; ")` in pandas). */
export function reportCsv(rows: ReportRow[]): string {
  const lines = [CSV_HEADER.join(',')];
  for (const r of rows) {
    lines.push([r.file, r.path, r.kind, r.codes.join('; '), r.memo, r.references.join('; '), r.entities.join('; '), r.excerpt].map(csvField).join(','));
  }
  return lines.join('\r\n') + '\r\n';
}
