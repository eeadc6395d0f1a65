import path from 'node:path';
import type { AgreementReport } from '../core/coding/agreement';
import { compareStatements } from '../features/codingReport';
import { parseOptions, UsageError, type CliIo, type Command } from './command';
import { displayPath, formatProblem, loadCodebook, loadCoded, parseStorage } from './codingFiles';

const fixed = (x: number | null): string => (x === null ? 'n/a' : x.toFixed(3));

export function agreementText(report: AgreementReport, a: string, b: string): string {
  const out = [`A: ${a}`, `B: ${b}`, `Units: ${report.units} paragraphs`, ''];
  const codes = Object.keys(report.codes);
  const width = Math.max(4, ...codes.map((c) => c.length));
  out.push(`${'Code'.padEnd(width)}  Agreement  Kappa   Alpha`);
  for (const c of codes) {
    const s = report.codes[c];
    out.push(`${c.padEnd(width)}  ${fixed(s.agreement).padStart(9)}  ${fixed(s.kappa).padStart(6)}  ${fixed(s.alpha).padStart(6)}`);
  }
  out.push('', `Overall alpha: ${fixed(report.overall.alpha)}`, '');
  if (report.disagreements.length === 0) out.push('No disagreements.');
  else {
    out.push(`Disagreements (${report.disagreements.length}):`);
    for (const d of report.disagreements) out.push(`  ${d.paragraph}: A [${d.a.join(', ')}]  B [${d.b.join(', ')}]`);
  }
  return out.join('\n') + '\n';
}

/** `policy-annotator agreement A B`. */
export const agreementCommand: Command = {
  name: 'agreement',
  summary: "Inter-coder agreement of two codings: percent agreement, Cohen's kappa, Krippendorff's alpha",
  usage: `Usage: policy-annotator agreement A B [--format text|json] [--codebook FILE] [--statement FILE]

Compares two codings of the same text, paragraph by paragraph: statement files, their sidecars
(<statement>.codes.yaml), or any codings YAML file coding the other argument's statement or --statement FILE.
Per code: percent agreement, Cohen's kappa and Krippendorff's alpha (nominal); overall alpha over all codes;
the paragraphs the coders disagree on. JSON: {"units","codes":{ID:{"agreement","kappa","alpha"}},
"overall":{"alpha"},"disagreements":[{"paragraph","a","b"}]} (null where a statistic is undefined).

Options:
  --format text|json             Output format (default text)
  --codebook FILE                Codebook YAML (orders the codes; checks code ids)
  --statement FILE               The statement a codings YAML file codes
  --storage frontMatter|sidecar  Which codings win when a statement has both (default frontMatter)
  -h, --help                     Show this help`,
  async run(args: string[], io: CliIo): Promise<number> {
    const { values, positionals } = parseOptions(args, {
      format: { type: 'string', default: 'text' },
      codebook: { type: 'string' },
      storage: { type: 'string' },
      statement: { type: 'string' },
    });
    if (positionals.length !== 2) throw new UsageError('expected two codings: A B');
    if (values.format !== 'text' && values.format !== 'json') throw new UsageError(`unknown format '${values.format}' (expected text or json)`);
    const storage = parseStorage(values.storage);
    // A codings file that is not a sidecar codes the statement named by --statement, or the other argument.
    const statementFor = values.statement ?? positionals.find((p) => !/\.ya?ml$/i.test(p));
    const loaded = await loadCodebook(io, values.codebook, path.dirname(positionals[0]));
    const [a, b] = await Promise.all(positionals.map((p) => loadCoded(path.resolve(io.cwd, p), storage, loaded?.codebook ?? null, statementFor && path.resolve(io.cwd, statementFor))));
    for (const coded of [a, b]) for (const p of coded.codings.problems) io.err(formatProblem(io, coded.codingsFile, p) + '\n');
    const report = compareStatements(a, b, loaded?.codebook ?? null);
    if (report.units !== a.statement.paragraphs.length || a.statement.paragraphs.length !== b.statement.paragraphs.length) {
      io.err(`policy-annotator agreement: warning: A and B have different paragraphs; comparing over ${report.units} paragraph paths\n`);
    }
    io.out(values.format === 'json' ? JSON.stringify(report, null, 2) + '\n' : agreementText(report, displayPath(io, a.codingsFile), displayPath(io, b.codingsFile)));
    return 0;
  },
};
