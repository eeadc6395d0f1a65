import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { parse } from 'yaml';
import { MAX_ALIAS_COUNT } from '../core/entities/catalog';
import { buildEntityIndex, statementEntities, type CatalogText } from '../core/entities/workspaceEntities';
import { parseStatement } from '../core/statement';

/** Where the command writes (structurally the CLI's CliIo). */
export interface EntitiesIo {
  cwd: string;
  out(text: string): void;
  err(text: string): void;
}

export const ENTITIES_USAGE = `Usage: policy-annotator entities [--unknown] [--catalog FILE]... [paths...]

Lists the entities each statement names (default: the statement files under the current directory):
  path:line:col  type  id  "text as written"
With --unknown, lists the capitalised names that no catalog knows, with how often each occurs.
Workspace catalogs come from the 'catalogs:' list of .policy-annotator.yaml in the current directory
and from --catalog; their 'entities:' sections add to and override the bundled gazetteer.

Options:
  --unknown       List unknown names instead of entities
  --catalog FILE  Also read this catalog (repeatable)
  -h, --help      Show this help`;

/** `policy-annotator entities`: 0 done, 1 a catalog has errors, 2 usage or input error. */
export async function runEntities(args: string[], io: EntitiesIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args, allowPositionals: true, strict: true, options: { unknown: { type: 'boolean' }, catalog: { type: 'string', multiple: true }, help: { type: 'boolean', short: 'h' } } });
  } catch (e) {
    io.err(`policy-annotator entities: ${(e as Error).message.split('. ')[0]}\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.out(`${ENTITIES_USAGE}\n`);
    return 0;
  }
  const catalogPaths: string[] = [];
  const configPath = path.join(io.cwd, '.policy-annotator.yaml');
  if (existsSync(configPath)) {
    try {
      const config = parse(readFileSync(configPath, 'utf8'), { maxAliasCount: MAX_ALIAS_COUNT }) as { catalogs?: unknown } | null;
      const listed = config?.catalogs;
      if (Array.isArray(listed)) catalogPaths.push(...listed.filter((p): p is string => typeof p === 'string').map((p) => path.resolve(io.cwd, p)));
    } catch (e) {
      io.err(`.policy-annotator.yaml: ${(e as Error).message.split('\n')[0]}\n`);
      return 2;
    }
  }
  catalogPaths.push(...(values.catalog ?? []).map((p) => path.resolve(io.cwd, p)));

  const catalogs: CatalogText[] = [];
  for (const file of catalogPaths) {
    if (!existsSync(file)) {
      io.err(`${display(io.cwd, file)}: catalog not found\n`);
      return 2;
    }
    catalogs.push({ uri: pathToFileURL(file).href, text: readFileSync(file, 'utf8') });
  }
  const { index, results } = buildEntityIndex(catalogs);
  let status = 0;
  catalogPaths.forEach((file, i) => {
    for (const p of results.get(catalogs[i].uri)?.problems ?? []) {
      const severity = p.severity === 1 ? 'error' : 'warning';
      if (severity === 'error') status = 1;
      io.err(`${display(io.cwd, file)}:${p.range.start.line + 1}:${p.range.start.character + 1} ${severity} ${p.code} ${p.message}\n`);
    }
  });

  let files: string[];
  try {
    files = expand(io.cwd, positionals.length ? positionals : ['.']);
  } catch (e) {
    io.err(`policy-annotator entities: ${(e as Error).message}\n`);
    return 2;
  }
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const statement = parseStatement({ uri: pathToFileURL(file).href, version: 0, text });
    const { mentions, unknown } = statementEntities(statement, index);
    const shown = display(io.cwd, file);
    const at = (r: { start: { line: number; character: number } }) => `${shown}:${r.start.line + 1}:${r.start.character + 1}`;
    if (values.unknown) {
      for (const u of unknown) io.out(`${at(u.occurrences[0].range)}  ${JSON.stringify(u.text)}  ${u.occurrences.length}×\n`);
    } else {
      for (const m of mentions) io.out(`${at(m.range)}  ${m.type}  ${m.id}  ${JSON.stringify(m.text.replace(/\s+/g, ' '))}\n`);
    }
  }
  return status;
}

const STATEMENT = /\.(statement|stmt)$/;

/** Files as given; directories give their statement files (hidden folders and node_modules skipped). */
function expand(cwd: string, args: string[]): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (STATEMENT.test(entry.name)) out.push(full);
    }
  };
  for (const arg of args) {
    const full = path.resolve(cwd, arg);
    if (!existsSync(full)) throw new Error(`cannot find '${arg}'`);
    if (statSync(full).isDirectory()) walk(full);
    else out.push(full);
  }
  return out;
}

function display(cwd: string, file: string): string {
  const rel = path.relative(cwd, file);
  return (rel.startsWith('..') || path.isAbsolute(rel) ? file : rel).split(path.sep).join('/');
}
