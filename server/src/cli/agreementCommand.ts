import path from 'node:path';
import { parseArgs } from 'node:util';
import type { AgreementReport } from '../core/coding/agreement';
import { compareStatements } from '../features/codingReport';
import { CliError, displayPath, formatProblem, loadCodebook, loadCoded, parseStorage, runCommand, type CliIo } from './codingFiles';

export const AGREEMENT_USAGE = `Usage: policy-annotator agreement A B [--format text|json] [--codebook FILE] [--storage frontMatter|sidecar] [--statement FILE]
  Inter-coder agreement between two codings of the same text: statement files, their sidecars
  (<statement>.codes.yaml), or any codings YAML file coding the other argument's statement or --statement FILE.
  Per code: percent agreement, Cohen's kappa and Krippendorff's alpha over paragraphs; overall alpha.
`;

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
export function agreementCommand(args: string[], io: CliIo): Promise<number> {
  return runCommand(io, async () => {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        format: { type: 'string', default: 'text' },
        codebook: { type: 'string' },
        storage: { type: 'string' },
        statement: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
    if (values.help) {
      io.stdout(AGREEMENT_USAGE);
      return 0;
    }
    if (positionals.length !== 2) throw new CliError('agreement needs two codings: A B');
    if (values.format !== 'text' && values.format !== 'json') throw new CliError(`--format must be text or json, not '${values.format}'`);
    const storage = parseStorage(values.storage);
    // A codings file that is not a sidecar codes the statement named by --statement, or the other argument.
    const statementFor = values.statement ?? positionals.find((p) => !/\.ya?ml$/i.test(p));
    const loaded = await loadCodebook(io, values.codebook, path.dirname(positionals[0]));
    const [a, b] = await Promise.all(positionals.map((p) => loadCoded(path.resolve(io.cwd, p), storage, loaded?.codebook ?? null, statementFor && path.resolve(io.cwd, statementFor))));
    for (const coded of [a, b]) for (const p of coded.codings.problems) io.stderr(formatProblem(io, coded.codingsFile, p) + '\n');
    const report = compareStatements(a, b, loaded?.codebook ?? null);
    if (report.units !== a.statement.paragraphs.length || a.statement.paragraphs.length !== b.statement.paragraphs.length) {
      io.stderr(`policy-annotator: warning: A and B have different paragraphs; comparing over ${report.units} paragraph paths\n`);
    }
    io.stdout(values.format === 'json' ? JSON.stringify(report, null, 2) + '\n' : agreementText(report, displayPath(io, a.codingsFile), displayPath(io, b.codingsFile)));
    return 0;
  });
}
