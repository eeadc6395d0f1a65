import fs from 'node:fs/promises';
import path from 'node:path';
import { exportQdc, importQdc } from '../core/coding/qdc';
import { parseOptions, UsageError, type CliIo, type Command } from './command';
import { formatProblem, loadCodebook, writeOutput } from './codingFiles';

/** `policy-annotator codebook export`: the codebook as a REFI-QDA Codebook (.qdc). */
export const codebookExportCommand: Command = {
  name: 'codebook export',
  summary: 'Write the codebook as a REFI-QDA codebook (.qdc) for NVivo, ATLAS.ti, MAXQDA, QualCoder',
  usage: `Usage: policy-annotator codebook export --format qdc [--codebook FILE] [--output FILE.qdc]

Writes the codebook (--codebook, or \`codebook:\` in the nearest .policy-annotator.yaml) as a REFI-QDA Codebook.
Code GUIDs are derived from the code ids (UUID v5), so exporting again gives an identical file. A codebook
with errors is not exported (exit 1); the errors are printed as path:line:col.

Options:
  --format qdc       Output format (qdc is the only one, and the default)
  --codebook FILE    Codebook YAML
  -o, --output FILE  Write to FILE instead of stdout
  -h, --help         Show this help`,
  async run(args: string[], io: CliIo): Promise<number> {
    const { values, positionals } = parseOptions(args, {
      format: { type: 'string', default: 'qdc' },
      codebook: { type: 'string' },
      output: { type: 'string', short: 'o' },
    });
    if (values.format !== 'qdc') throw new UsageError(`unknown format '${values.format}' (expected qdc)`);
    if (positionals.length > 0) throw new UsageError(`unexpected argument '${positionals[0]}' (use --codebook FILE)`);
    const loaded = await loadCodebook(io, values.codebook, '.');
    if (!loaded) throw new UsageError('no codebook: pass --codebook FILE or set `codebook:` in .policy-annotator.yaml');
    for (const p of loaded.codebook.problems) io.err(formatProblem(io, loaded.file, p) + '\n');
    const errors = loaded.codebook.problems.filter((p) => p.severity === 1).length;
    if (errors > 0) {
      io.err(`policy-annotator codebook export: the codebook has ${errors} error${errors === 1 ? '' : 's'}; not exported\n`);
      return 1;
    }
    await writeOutput(io, values.output, exportQdc(loaded.codebook));
    return 0;
  },
};

/** `policy-annotator codebook import FILE.qdc`: a REFI-QDA codebook as codebook YAML. */
export const codebookImportCommand: Command = {
  name: 'codebook import',
  summary: 'Read a REFI-QDA codebook (.qdc) into codebook YAML',
  usage: `Usage: policy-annotator codebook import FILE.qdc [--output codebook.yaml] [--force]

Reads a REFI-QDA Codebook written by NVivo, ATLAS.ti, MAXQDA, QualCoder or Policy Annotator and prints it as
codebook YAML (or writes it to --output, which must not exist unless --force is given).

Options:
  -o, --output FILE  Write to FILE instead of stdout
  --force            Overwrite an existing --output file
  -h, --help         Show this help`,
  async run(args: string[], io: CliIo): Promise<number> {
    const { values, positionals } = parseOptions(args, { output: { type: 'string', short: 'o' }, force: { type: 'boolean' } });
    if (positionals.length !== 1) throw new UsageError('expected one .qdc file');
    const [input] = positionals;
    const xml = await fs.readFile(path.resolve(io.cwd, input), 'utf8').catch(() => {
      throw new UsageError(`${input}: no such file`);
    });
    const result = importQdc(xml, input);
    if ('error' in result) {
      io.err(`policy-annotator codebook import: ${result.error}\n`);
      return 1;
    }
    for (const w of result.warnings) io.err(`${input}: warning: ${w}\n`);
    if (values.output && !values.force) {
      const exists = await fs.stat(path.resolve(io.cwd, values.output)).then(() => true, () => false);
      if (exists) throw new UsageError(`${values.output} exists; pass --force to overwrite it`);
    }
    await writeOutput(io, values.output, result.yaml);
    if (values.output) io.err(`Imported ${result.codes} codes into ${values.output}\n`);
    return 0;
  },
};
