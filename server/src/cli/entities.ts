import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse } from 'yaml';
import { MAX_ALIAS_COUNT } from '../core/entities/catalog';
import { buildEntityIndex, type CatalogText, type EntityContext } from '../core/entities/workspaceEntities';
import { defaultSettings } from '../core/settings';
import { NodeFileSystem } from '../node/nodeFileSystem';
import { analyzeFile } from './analyzeFiles';
import { parseOptions, UsageError, type CliIo, type Command } from './command';
import { expandInputs } from './inputs';

/**
 * The entity context of a CLI run: the bundled gazetteer plus the `entities:` sections of the catalogs
 * listed under `catalogs:` in ./.policy-annotator.yaml and given with --catalog. Catalog problems are
 * printed as path:line:col lines on stderr; `errors` counts the errors among them.
 */
export function cliEntityContext(cwd: string, extraCatalogs: readonly string[], io: CliIo): { context: EntityContext; errors: number } {
  const files: string[] = [];
  const configPath = path.join(cwd, '.policy-annotator.yaml');
  if (existsSync(configPath)) {
    let config: { catalogs?: unknown } | null;
    try {
      config = parse(readFileSync(configPath, 'utf8'), { maxAliasCount: MAX_ALIAS_COUNT }) as { catalogs?: unknown } | null;
    } catch (error) {
      throw new UsageError(`.policy-annotator.yaml: ${(error as Error).message.split('\n')[0]}`);
    }
    const listed = config?.catalogs ?? [];
    if (!Array.isArray(listed)) throw new UsageError(".policy-annotator.yaml: 'catalogs' must be a list of paths");
    files.push(...listed.filter((p): p is string => typeof p === 'string').map((p) => path.resolve(cwd, p)));
  }
  files.push(...extraCatalogs.map((p) => path.resolve(cwd, p)));
  const catalogs: CatalogText[] = files.map((file) => {
    if (!existsSync(file)) throw new UsageError(`catalog not found: ${display(cwd, file)}`);
    return { uri: pathToFileURL(file).href, text: readFileSync(file, 'utf8') };
  });
  const { index, results } = buildEntityIndex(catalogs);
  let errors = 0;
  catalogs.forEach((catalog, i) => {
    for (const p of results.get(catalog.uri)?.problems ?? []) {
      const severity = p.severity === 1 ? 'error' : 'warning';
      if (severity === 'error') errors++;
      io.err(`${display(cwd, files[i])}:${p.range.start.line + 1}:${p.range.start.character + 1} ${severity} ${p.code} ${p.message}\n`);
    }
  });
  return { context: { index }, errors };
}

export const entitiesCommand: Command = {
  name: 'entities',
  summary: 'List the entities (or the unknown names) each statement names',
  usage: `Usage: policy-annotator entities [--unknown] [--catalog FILE]... [paths|globs...]

Lists the entities each statement names (default: the statement files under the current directory),
one line per mention: path:line:col  type  id  "text as written".
With --unknown, lists instead the capitalised names that no catalog knows, with how often each occurs.
Workspace catalogs: the 'catalogs:' list of ./.policy-annotator.yaml, and --catalog; their 'entities:'
sections add to and override the bundled gazetteer (format: docs/ENTITIES.md).

Options:
  --unknown       List unknown names instead of entities
  --catalog FILE  Also read this catalog (repeatable)
  -h, --help      Show this help

Exit code: 0 done, 1 a catalog has errors, 2 bad arguments or missing files.`,
  async run(args: string[], io: CliIo): Promise<number> {
    const { values, positionals } = parseOptions(args, { unknown: { type: 'boolean' }, catalog: { type: 'string', multiple: true } });
    const { context, errors } = cliEntityContext(io.cwd, values.catalog ?? [], io);
    const fs = new NodeFileSystem();
    for (const input of await expandInputs(fs, io.cwd, positionals.length > 0 ? positionals : ['.'])) {
      const { analysis } = await analyzeFile(fs, input, defaultSettings, undefined, context);
      if (!analysis) continue;
      const at = (r: { start: { line: number; character: number } }) => `${input.path}:${r.start.line + 1}:${r.start.character + 1}`;
      if (values.unknown) {
        for (const u of analysis.entities.unknown) io.out(`${at(u.occurrences[0].range)}  ${JSON.stringify(u.text)}  ${u.occurrences.length}×\n`);
      } else {
        for (const m of analysis.entities.mentions) io.out(`${at(m.range)}  ${m.type}  ${m.id}  ${JSON.stringify(m.text.replace(/\s+/g, ' '))}\n`);
      }
    }
    return errors > 0 ? 1 : 0;
  },
};

function display(cwd: string, file: string): string {
  const rel = path.relative(cwd, file);
  return (rel.startsWith('..') || path.isAbsolute(rel) ? file : rel).split(path.sep).join('/');
}
