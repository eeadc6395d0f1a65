import { buildReport, reportCsv, reportMarkdown, reportRows, type ReportRow } from '../core/coding/report';
import { parseOptions, UsageError, type CliIo, type Command } from './command';
import { displayPath, formatProblem, loadCodebook, loadCoded, parseStorage, statementFiles, writeOutput } from './codingFiles';

/** `policy-annotator report`: problems with the codings go to stderr as path:line:col; the report to stdout. */
export const reportCommand: Command = {
  name: 'report',
  summary: 'Coding report: code frequencies, co-occurrence, coded paragraphs (Markdown or CSV)',
  usage: `Usage: policy-annotator report [paths...] [--format markdown|csv] [--codebook FILE] [--storage frontMatter|sidecar] [--output FILE]

Reports the qualitative coding of statements (default: those under the current directory): frequency of each
code per file and overall, code co-occurrence, codes by paragraph kind and by cited document, and the coded
paragraphs under each code. --format csv writes one row per paragraph (file, path, kind, codes, memo,
references, entities, excerpt) for R or pandas. The codebook is --codebook or \`codebook:\` in the nearest
.policy-annotator.yaml.

Options:
  --format markdown|csv          Output format (default markdown)
  --codebook FILE                Codebook YAML
  --storage frontMatter|sidecar  Which codings win when a statement has both (default frontMatter)
  -o, --output FILE              Write to FILE instead of stdout
  -h, --help                     Show this help`,
  async run(args: string[], io: CliIo): Promise<number> {
    const { values, positionals } = parseOptions(args, {
      format: { type: 'string', default: 'markdown' },
      codebook: { type: 'string' },
      storage: { type: 'string' },
      output: { type: 'string', short: 'o' },
    });
    if (values.format !== 'markdown' && values.format !== 'csv') throw new UsageError(`unknown format '${values.format}' (expected markdown or csv)`);
    const storage = parseStorage(values.storage);
    const files = await statementFiles(io, positionals);
    const loaded = await loadCodebook(io, values.codebook, positionals[0] ?? '.');
    const codebook = loaded?.codebook ?? null;
    if (loaded) for (const p of loaded.codebook.problems) io.err(formatProblem(io, loaded.file, p) + '\n');
    const rows: ReportRow[] = [];
    for (const file of files) {
      const coded = await loadCoded(file, storage, codebook);
      for (const p of coded.codings.problems) io.err(formatProblem(io, coded.codingsFile, p) + '\n');
      rows.push(...reportRows(displayPath(io, file), coded.statement, coded.codings, coded.facts));
    }
    const text = values.format === 'csv' ? reportCsv(rows) : reportMarkdown(buildReport(rows, codebook), codebook);
    await writeOutput(io, values.output, text);
    return 0;
  },
};
