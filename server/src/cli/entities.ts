import { withoutRepeats } from '../core/problems';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildEntityIndex, type CatalogText, type EntityContext } from '../core/entities/workspaceEntities';
import { catalogSources, parseProjectConfig, PROJECT_CONFIG } from '../core/projectConfig';
import { defaultSettings } from '../core/settings';
import { NodeFileSystem } from '../node/nodeFileSystem';
import { toDiagnostic } from '../features/diagnostics';
import { analyzeFile, severityName, type AnalyzedFile } from './analyzeFiles';
import { parseOptions, UsageError, type CliIo, type Command } from './command';
import { expandInputs } from './inputs';

/**
 * The entity context of a CLI run: the bundled gazetteer plus the `entities:` sections of the catalogs
 * listed under `catalogs:` in ./.policy-annotator.yaml and given with --catalog. `catalogs` holds each
 * catalog file as a checked file with its problems as diagnostics (path:line:col like any other finding).
 */
export function cliEntityContext(cwd: string, extraCatalogs: readonly string[]): { context: EntityContext; catalogs: AnalyzedFile[] } {
  const configPath = path.join(cwd, PROJECT_CONFIG);
  const config = parseProjectConfig(existsSync(configPath) ? readFileSync(configPath, 'utf8') : null);
  const listed = catalogSources(pathToFileURL(cwd).href, config.catalogs, undefined);
  const [error] = [...config.errors, ...listed.errors];
  if (error !== undefined) throw new UsageError(error);
  const files = listed.uris.map((uri) => fileURLToPath(uri));
  files.push(...extraCatalogs.map((p) => path.resolve(cwd, p)));
  const texts: CatalogText[] = files.map((file) => {
    if (!existsSync(file)) throw new UsageError(`catalog not found: ${display(cwd, file)}`);
    return { uri: pathToFileURL(file).href, text: readFileSync(file, 'utf8') };
  });
  const { index, results } = buildEntityIndex(texts);
  const catalogs = texts.map((t, i) => ({
    path: display(cwd, files[i]),
    uri: t.uri,
    analysis: null,
    diagnostics: (results.get(t.uri)?.problems ?? []).map(toDiagnostic),
  }));
  return { context: { index }, catalogs };
}

/** Adds entity catalog problems to the reference catalogs' checked files (one file may be both). */
export function mergeCatalogFiles(files: AnalyzedFile[], entityCatalogs: readonly AnalyzedFile[]): AnalyzedFile[] {
  const out = files.map((f) => ({ ...f, diagnostics: [...f.diagnostics] }));
  for (const c of entityCatalogs) {
    if (c.diagnostics.length === 0) continue;
    const same = out.find((f) => f.uri === c.uri);
    if (same) same.diagnostics = withoutRepeats([...same.diagnostics, ...c.diagnostics]);
    else out.push(c);
  }
  return out;
}

/** Catalog problems on stderr, for commands whose stdout is not a list of findings. */
export function reportCatalogProblems(catalogs: readonly AnalyzedFile[], io: CliIo): number {
  let errors = 0;
  for (const c of catalogs) {
    for (const d of c.diagnostics) {
      if (severityName(d) === 'error') errors++;
      io.err(`${c.path}:${d.range.start.line + 1}:${d.range.start.character + 1} ${severityName(d)} ${d.code} ${d.message}\n`);
    }
  }
  return errors;
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
    const { context, catalogs } = cliEntityContext(io.cwd, values.catalog ?? []);
    const errors = reportCatalogProblems(catalogs, io);
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
