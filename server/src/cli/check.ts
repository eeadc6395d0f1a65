import { defaultSettings } from '../core/settings';
import { NodeFileSystem } from '../node/nodeFileSystem';
import { version } from '../../../package.json';
import { analyzeFile, diagnosticJson, severityName, type AnalyzedFile } from './analyzeFiles';
import { cliEntityContext, mergeCatalogFiles } from './entities';
import { parseOptions, UsageError, type CliIo, type Command } from './command';
import { expandInputs } from './inputs';
import { loadProjectCatalogs } from './referenceCatalogs';
import { sarifLog } from './sarif';

export const checkCommand: Command = {
  name: 'check',
  summary: 'Check statements and print their diagnostics',
  usage: `Usage: policy-annotator check [options] [paths|globs...]

Checks statement files (default: the statement files under the current directory) and prints
one line per finding: path:line:col severity code message.

Options:
  --format text|json|sarif  Output format (default: text; sarif is SARIF 2.1.0)
  --max-warnings N          Also fail when there are more than N warnings
  -h, --help                Show this help

Exit code: 0 no errors, 1 errors (or too many warnings), 2 bad arguments or missing files.`,
  async run(args: string[], io: CliIo): Promise<number> {
    const { values, positionals } = parseOptions(args, {
      format: { type: 'string', default: 'text' },
      'max-warnings': { type: 'string' },
    });
    const format = values.format;
    if (format !== 'text' && format !== 'json' && format !== 'sarif') {
      throw new UsageError(`unknown format '${format}' (expected text, json or sarif)`);
    }
    const maxWarnings = values['max-warnings'] === undefined ? Infinity : Number(values['max-warnings']);
    if (!Number.isInteger(maxWarnings) && maxWarnings !== Infinity) throw new UsageError('--max-warnings needs a whole number');
    if (maxWarnings < 0) throw new UsageError('--max-warnings needs a whole number');

    const fs = new NodeFileSystem();
    const entities = cliEntityContext(io.cwd, []);
    const inputs = await expandInputs(fs, io.cwd, positionals.length > 0 ? positionals : ['.']);
    const project = await loadProjectCatalogs(fs, io.cwd);
    const files: AnalyzedFile[] = mergeCatalogFiles(project.catalogs, entities.catalogs).filter((c) => c.diagnostics.length > 0);
    for (const input of inputs) files.push(await analyzeFile(fs, input, defaultSettings, project.context, entities.context));

    const all = files.flatMap((file) => file.diagnostics);
    const errors = all.filter((d) => severityName(d) === 'error').length;
    const warnings = all.filter((d) => severityName(d) === 'warning').length;
    if (format === 'json') {
      const json = {
        schemaVersion: 1,
        files: files.map((file) => ({ path: file.path, diagnostics: file.diagnostics.map(diagnosticJson) })),
        summary: { files: files.length, errors, warnings, total: all.length },
      };
      io.out(`${JSON.stringify(json, null, 2)}\n`);
    } else if (format === 'sarif') {
      io.out(`${JSON.stringify(sarifLog(files, io.cwd, version), null, 2)}\n`);
    } else {
      for (const file of files) {
        for (const d of file.diagnostics) {
          io.out(`${file.path}:${d.range.start.line + 1}:${d.range.start.character + 1} ${severityName(d)} ${d.code} ${d.message}\n`);
        }
      }
      if (all.length > 0) io.err(`${summary(all.map(severityName))} in ${plural(files.length, 'file')}\n`);
    }
    if (warnings > maxWarnings) io.err(`too many warnings: ${warnings} (--max-warnings ${maxWarnings})\n`);
    return errors > 0 || warnings > maxWarnings ? 1 : 0;
  },
};

/** "3 problems (1 error, 2 hints)". */
function summary(severities: string[]): string {
  const counts = ['error', 'warning', 'info', 'hint']
    .map((severity) => [severity, severities.filter((s) => s === severity).length] as const)
    .filter(([, count]) => count > 0)
    .map(([severity, count]) => plural(count, severity));
  return `${plural(severities.length, 'problem')} (${counts.join(', ')})`;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
