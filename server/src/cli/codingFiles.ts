// File loading shared by the coding subcommands (report, codebook, agreement): statements with their codings,
// and the project's codebook.
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseCodebook, type Codebook } from '../core/coding/codebook';
import { sidecarUri, type Codings, type CodingStorage } from '../core/coding/codings';
import { SIDECAR_SUFFIX } from '../core/coding/codingWorkspace';
import { factsOf } from '../core/coding/facts';
import type { ParagraphFacts } from '../core/coding/report';
import { analyzeDocument } from '../core/analysis';
import type { Problem, Statement } from '../core/model';
import { NodeFileSystem } from '../node/nodeFileSystem';
import { codebookNear } from './codingOptions';
import { UsageError, type CliIo } from './command';

const STATEMENT_FILE = /\.(statement|stmt)$/i;

export function displayPath(io: CliIo, file: string): string {
  const rel = path.relative(io.cwd, file);
  return (rel && !rel.startsWith('..') ? rel : file).split(path.sep).join('/');
}

export function formatProblem(io: CliIo, file: string, p: Problem): string {
  const severity = ['', 'error', 'warning', 'info', 'hint'][p.severity] ?? 'error';
  return `${displayPath(io, file)}:${p.range.start.line + 1}:${p.range.start.character + 1} ${severity} ${p.code} ${p.message}`;
}

async function readText(file: string): Promise<string> {
  try {
    return await fs.readFile(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UsageError(code === 'ENOENT' ? `${file}: no such file` : `${file}: cannot read (${code ?? (e as Error).message})`);
  }
}

async function readOptional(file: string): Promise<string | null> {
  try {
    return await fs.readFile(file, 'utf8');
  } catch {
    return null;
  }
}

/** Statement files named by `args` (directories are searched for *.statement and *.stmt), sorted per directory. */
export async function statementFiles(io: CliIo, args: string[]): Promise<string[]> {
  const out: string[] = [];
  const walk = async (dir: string, depth: number): Promise<void> => {
    if (depth > 32) return;
    const entries = await fs.readdir(dir, { withFileTypes: true });
    entries.sort((a, b) => a.name.localeCompare(b.name));
    for (const e of entries) {
      if (e.name.startsWith('.') || e.name === 'node_modules') continue;
      const full = path.join(dir, e.name);
      if (e.isDirectory()) await walk(full, depth + 1);
      else if (e.isFile() && STATEMENT_FILE.test(e.name)) out.push(full);
    }
  };
  for (const arg of args.length > 0 ? args : ['.']) {
    const full = path.resolve(io.cwd, arg);
    const stat = await fs.stat(full).catch(() => null);
    if (!stat) throw new UsageError(`${arg}: no such file or directory`);
    if (stat.isDirectory()) await walk(full, 0);
    else out.push(full);
  }
  return out;
}

/** The codebook from `--codebook`, else from `codebook:` in the nearest .policy-annotator.yaml; null if none. */
export async function loadCodebook(io: CliIo, explicit: string | undefined, near: string): Promise<{ file: string; codebook: Codebook } | null> {
  if (explicit) {
    const file = path.resolve(io.cwd, explicit);
    return { file, codebook: parseCodebook(pathToFileURL(file).href, await readText(file)) };
  }
  const codebook = await codebookNear(new NodeFileSystem(), path.resolve(io.cwd, near));
  return codebook && { file: fileURLToPath(codebook.uri), codebook };
}

export interface CodedStatement {
  file: string;
  /** The file holding the codings (the statement or its sidecar). */
  codingsFile: string;
  statement: Statement;
  codings: Codings;
  /** Cited documents and entities per paragraph, from the reference and entity analyses. */
  facts: ParagraphFacts;
}

/**
 * Reads a statement and its codings. `file` may also be a codings YAML file: a sidecar (`x.statement.codes.yaml`,
 * whose statement is the file without the suffix) or any `*.yaml` coding the statement `statementFile`.
 */
export async function loadCoded(file: string, storage: CodingStorage, codebook: Codebook | null, statementFor?: string): Promise<CodedStatement> {
  const isSidecar = /\.ya?ml$/i.test(file);
  const statementFile = !isSidecar ? file : statementFor ?? (file.endsWith(SIDECAR_SUFFIX) ? file.slice(0, -SIDECAR_SUFFIX.length) : null);
  if (statementFile === null || (isSidecar && !statementFor && !(await fs.stat(statementFile).catch(() => null)))) {
    throw new UsageError(`${file}: cannot tell which statement it codes; name it <statement>${SIDECAR_SUFFIX} or pass --statement FILE`);
  }
  const uri = pathToFileURL(statementFile).href;
  const text = await readText(statementFile);
  const sidecarText = isSidecar ? await readText(file) : await readOptional(statementFile + SIDECAR_SUFFIX);
  const analysis = analyzeDocument(uri, 0, text, {
    coding: {
      sidecar: sidecarText === null ? null : { uri: isSidecar ? pathToFileURL(file).href : sidecarUri(uri), text: sidecarText },
      storage: isSidecar ? 'sidecar' : storage,
      codebook,
    },
  });
  const { statement, codings } = analysis;
  const codingsFile = isSidecar ? file : codings.source?.kind === 'sidecar' ? statementFile + SIDECAR_SUFFIX : statementFile;
  return { file: statementFile, codingsFile, statement, codings, facts: factsOf(analysis) };
}

export function parseStorage(value: string | undefined): CodingStorage {
  if (value === undefined || value === 'frontMatter' || value === 'sidecar') return value ?? 'frontMatter';
  throw new UsageError(`--storage must be frontMatter or sidecar, not '${value}'`);
}

/** Writes `text` to `output` atomically (temporary file, then rename), or to stdout without `output`. */
export async function writeOutput(io: CliIo, output: string | undefined, text: string): Promise<void> {
  if (!output) {
    io.out(text);
    return;
  }
  const target = path.resolve(io.cwd, output);
  const temp = `${target}.${process.pid}.tmp`;
  await fs.writeFile(temp, text, 'utf8');
  await fs.rename(temp, target);
}
