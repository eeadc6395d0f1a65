import type { CancellationToken } from 'vscode-languageserver-protocol';
import type { DocumentAnalysis } from '../core/analysis';
import { compareCodings, type AgreementReport } from '../core/coding/agreement';
import type { Codebook } from '../core/coding/codebook';
import type { Codings } from '../core/coding/codings';
import { factsOf } from '../core/coding/facts';
import { buildReport, reportMarkdown, reportRows, type ReportRow } from '../core/coding/report';
import type { Statement } from '../core/model';

/** "Show Coding Report": the Markdown report over the given statements (`name` gives each file's display name). */
export function codingReportMarkdown(docs: Iterable<DocumentAnalysis>, codebook: Codebook | null, name: (uri: string) => string, token: CancellationToken): string {
  const rows: ReportRow[] = [];
  for (const doc of docs) {
    if (token.isCancellationRequested) break;
    rows.push(...reportRows(name(doc.statement.uri), doc.statement, doc.codings, factsOf(doc)));
  }
  return reportMarkdown(buildReport(rows, codebook), codebook);
}

const fixed = (x: number | null): string => (x === null ? 'n/a' : x.toFixed(3));

export function agreementMarkdown(report: AgreementReport, a: string, b: string): string {
  const out = [`# Coding agreement`, '', `A: ${a}  `, `B: ${b}`, '', `${report.units} paragraphs compared.`, ''];
  const codes = Object.keys(report.codes);
  if (codes.length === 0) return [...out, 'Neither coding has codes.', ''].join('\n');
  out.push('| Code | Agreement | Cohen’s kappa | Krippendorff’s alpha |', '| --- | ---: | ---: | ---: |');
  for (const c of codes) {
    const s = report.codes[c];
    out.push(`| ${c} | ${fixed(s.agreement)} | ${fixed(s.kappa)} | ${fixed(s.alpha)} |`);
  }
  out.push('', `**Overall alpha:** ${fixed(report.overall.alpha)}`, '');
  if (report.disagreements.length === 0) out.push('No disagreements.');
  else {
    out.push(`## Disagreements (${report.disagreements.length})`, '', '| Paragraph | A | B |', '| --- | --- | --- |');
    for (const d of report.disagreements) out.push(`| ${d.paragraph} | ${d.a.join(', ')} | ${d.b.join(', ')} |`);
  }
  return out.join('\n') + '\n';
}

/** Agreement between two codings; units are A's paragraphs, then any only B has. */
export function compareStatements(a: { statement: Statement; codings: Codings }, b: { statement: Statement; codings: Codings }, codebook: Codebook | null): AgreementReport {
  const units = a.statement.paragraphs.map((p) => p.path);
  for (const p of b.statement.paragraphs) if (!units.includes(p.path)) units.push(p.path);
  const byPath = (c: Codings) => new Map([...c.byParagraph.values()].map((pc) => [pc.path, pc.codes]));
  return compareCodings(units, byPath(a.codings), byPath(b.codings), codebook ? [...codebook.codes.keys()] : []);
}
