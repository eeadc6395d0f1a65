// Coding measurements for `npm run bench` (scripts/bench.ts adds them to its list).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { analyzeDocument } from '../server/src/core/analysis';
import { parseCodebook } from '../server/src/core/coding/codebook';
import { factsOf } from '../server/src/core/coding/facts';
import { readCodings } from '../server/src/core/coding/codings';
import { buildReport, reportCsv, reportMarkdown, reportRows, type ReportRow } from '../server/src/core/coding/report';
import { parseStatement } from '../server/src/core/statement';

const codebook = parseCodebook('bench:///codebook.yaml', readFileSync(path.resolve(__dirname, '..', 'samples', 'codebook.yaml'), 'utf8'));
const codable = [...codebook.codes.values()].filter((c) => c.codable).map((c) => c.id);
const words = ['humanitarian', 'access', 'ceasefire', 'negotiations', 'extremism', 'sanctions', 'elections', 'pledges', 'civilians', 'dialogue'];

/** A statement of `n` numbered paragraphs, every one coded with two or three codes in its front matter. */
function codedStatement(n: number, seed: number): string {
  const codings: string[] = ['codings:'];
  const body: string[] = [`Statement ${seed}`, ''];
  for (let i = 1; i <= n; i++) {
    const opening = `We note item ${seed}-${i} on ${words[(i + seed) % words.length]} and ${words[(i * 7) % words.length]}`;
    body.push(`${i}. ${opening}, and call on all parties to act on it without delay.`, '');
    const codes = [codable[i % codable.length], codable[(i * 3 + seed) % codable.length], ...(i % 3 === 0 ? [codable[(i * 5) % codable.length]] : [])];
    codings.push(`  - paragraph: "${i}"`, `    codes: [${[...new Set(codes)].join(', ')}]`, `    quote: "${opening.slice(0, 40)}"`);
    if (i % 10 === 0) codings.push(`    memo: "memo ${i}"`);
  }
  return ['---', ...codings, '---', ...body].join('\n');
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

const FILES = 100;
const PER_FILE = 50;
const texts = Array.from({ length: FILES }, (_, i) => codedStatement(PER_FILE, i));

/**
 * What `policy-annotator report` does, without disk I/O: analyse each statement (paragraphs, references,
 * entities, codings anchored and checked), then build the report and write Markdown and CSV.
 */
function report(): void {
  const rows: ReportRow[] = [];
  texts.forEach((text, i) => {
    const doc = analyzeDocument(`bench:///s${i}.statement`, 0, text, { coding: { codebook } });
    rows.push(...reportRows(`s${i}.statement`, doc.statement, doc.codings, factsOf(doc)));
  });
  reportMarkdown(buildReport(rows, codebook), codebook);
  reportCsv(rows);
}

/** 900 codings whose paragraphs were all renumbered (one inserted at the top): every one re-anchored by quote. */
const renumbered = (() => {
  const text = codedStatement(900, 1);
  const at = text.indexOf('\n1. ');
  return `${text.slice(0, at)}\n1. A new opening paragraph was inserted here.\n${text.slice(at).replace(/^(\d+)\. /gm, (_, n: string) => `${Number(n) + 1}. `)}`;
})();

export const codingMeasurements = [
  {
    name: `Coding report over ${FILES * PER_FILE} coded paragraphs in ${FILES} files (full analysis, Markdown + CSV; median of 5)`,
    unit: 'ms' as const,
    target: 1000,
    async run() {
      report();
      const times: number[] = [];
      for (let i = 0; i < 5; i++) {
        const start = process.hrtime.bigint();
        report();
        times.push(Number(process.hrtime.bigint() - start) / 1e6);
      }
      return median(times);
    },
  },
  {
    name: 'Re-anchoring 900 codings after renumbering (in-process, median of 5)',
    unit: 'ms' as const,
    async run() {
      const statement = parseStatement({ uri: 'bench:///renumbered.statement', version: 0, text: renumbered });
      const times: number[] = [];
      for (let i = 0; i < 6; i++) {
        const start = process.hrtime.bigint();
        const codings = readCodings(statement, { codebook });
        if (i === 0 && codings.entries.filter((e) => e.state === 'moved').length !== 900) throw new Error('benchmark codings did not all move');
        if (i > 0) times.push(Number(process.hrtime.bigint() - start) / 1e6);
      }
      return median(times);
    },
  },
];
