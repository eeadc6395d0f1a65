import fs from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { exportQdc, importQdc } from '../core/coding/qdc';
import { CliError, formatProblem, loadCodebook, runCommand, writeOutput, type CliIo } from './codingFiles';

export const CODEBOOK_USAGE = `Usage: policy-annotator codebook export [--codebook FILE] --format qdc [--output FILE.qdc]
       policy-annotator codebook import FILE.qdc [--output codebook.yaml] [--force]
  Exchange codebooks with NVivo, ATLAS.ti, MAXQDA and QualCoder as REFI-QDA Codebook (.qdc) files.
`;

/** `policy-annotator codebook export|import`. */
export function codebookCommand(args: string[], io: CliIo): Promise<number> {
  return runCommand(io, async () => {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        format: { type: 'string', default: 'qdc' },
        codebook: { type: 'string' },
        output: { type: 'string', short: 'o' },
        force: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
    const [verb, ...rest] = positionals;
    if (values.help || verb === undefined) {
      (values.help ? io.stdout : io.stderr)(CODEBOOK_USAGE);
      return values.help ? 0 : 2;
    }
    if (values.format !== 'qdc') throw new CliError(`--format must be qdc, not '${values.format}'`);
    if (verb === 'export') {
      if (rest.length > 0) throw new CliError(`codebook export takes no paths (use --codebook FILE), got '${rest[0]}'`);
      const loaded = await loadCodebook(io, values.codebook, '.');
      if (!loaded) throw new CliError('no codebook: pass --codebook FILE or set `codebook:` in .policy-annotator.yaml');
      const errors = loaded.codebook.problems.filter((p) => p.severity === 1);
      for (const p of loaded.codebook.problems) io.stderr(formatProblem(io, loaded.file, p) + '\n');
      if (errors.length > 0) {
        io.stderr(`policy-annotator: the codebook has ${errors.length} error${errors.length === 1 ? '' : 's'}; not exported\n`);
        return 1;
      }
      await writeOutput(io, values.output, exportQdc(loaded.codebook));
      return 0;
    }
    if (verb === 'import') {
      if (rest.length !== 1) throw new CliError('codebook import takes one .qdc file');
      const input = path.resolve(io.cwd, rest[0]);
      const xml = await fs.readFile(input, 'utf8').catch(() => {
        throw new CliError(`${rest[0]}: no such file`);
      });
      const result = importQdc(xml, rest[0]);
      if ('error' in result) {
        io.stderr(`policy-annotator: ${result.error}\n`);
        return 1;
      }
      for (const w of result.warnings) io.stderr(`${rest[0]}: warning: ${w}\n`);
      if (values.output && !values.force) {
        const exists = await fs.stat(path.resolve(io.cwd, values.output)).then(() => true, () => false);
        if (exists) throw new CliError(`${values.output} exists; pass --force to overwrite it`);
      }
      await writeOutput(io, values.output, result.yaml);
      if (values.output) io.stderr(`Imported ${result.codes} codes into ${values.output}\n`);
      return 0;
    }
    throw new CliError(`unknown codebook command '${verb}' (expected export or import)`);
  });
}
