import { parseArgs } from 'node:util';
import { buildReport, reportCsv, reportMarkdown, reportRows, type ReportRow } from '../core/coding/report';
import { CliError, displayPath, formatProblem, loadCodebook, loadCoded, parseStorage, runCommand, statementFiles, writeOutput, type CliIo } from './codingFiles';

export const REPORT_USAGE = `Usage: policy-annotator report [paths…] [--format markdown|csv] [--codebook FILE] [--storage frontMatter|sidecar] [--output FILE]
  Coding report over statements (directories are searched): frequencies, co-occurrence, codes by paragraph kind
  and cited document, coded paragraphs. --format csv writes one row per paragraph.
`;

/** `policy-annotator report`: problems with the codings go to stderr as path:line:col; the report to stdout. */
export function reportCommand(args: string[], io: CliIo): Promise<number> {
  return runCommand(io, async () => {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        format: { type: 'string', default: 'markdown' },
        codebook: { type: 'string' },
        storage: { type: 'string' },
        output: { type: 'string', short: 'o' },
        help: { type: 'boolean', short: 'h' },
      },
    });
    if (values.help) {
      io.stdout(REPORT_USAGE);
      return 0;
    }
    if (values.format !== 'markdown' && values.format !== 'csv') throw new CliError(`--format must be markdown or csv, not '${values.format}'`);
    const storage = parseStorage(values.storage);
    const files = await statementFiles(io, positionals);
    const loaded = await loadCodebook(io, values.codebook, positionals[0] ?? '.');
    const codebook = loaded?.codebook ?? null;
    if (loaded) for (const p of loaded.codebook.problems) io.stderr(formatProblem(io, loaded.file, p) + '\n');
    const rows: ReportRow[] = [];
    for (const file of files) {
      const coded = await loadCoded(file, storage, codebook);
      for (const p of coded.codings.problems) io.stderr(formatProblem(io, coded.codingsFile, p) + '\n');
      rows.push(...reportRows(displayPath(io, file), coded.statement, coded.codings));
    }
    const text = values.format === 'csv' ? reportCsv(rows) : reportMarkdown(buildReport(rows, codebook), codebook);
    await writeOutput(io, values.output, text);
    return 0;
  });
}
