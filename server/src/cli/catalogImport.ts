import { createReadStream } from 'node:fs';
import { rename, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { CatalogImporter, CsvReader, catalogYaml } from '../core/references/catalogImport';
import type { CliIo, Command } from './command';

export interface ImportIO {
  stdout: { write(s: string): unknown };
  stderr: { write(s: string): unknown; isTTY?: boolean };
}

const USAGE = `Usage: policy-annotator catalog import FILE.csv [--out CATALOG.yaml]

Builds a catalog of UN documents (docs/CATALOG.md) from a CSV: the UN Digital Library Security Council
voting data (one row per member-state vote; grouped per resolution) or a simple number,symbol,date,title list.
Streams the file, shows progress on stderr, reports bad rows as FILE:LINE and ends with a summary.

Options:
  -o, --out PATH  Write the catalog to PATH (atomically) instead of printing it
  -h, --help      Show this help

Exit code: 0 every row read, 1 some rows had errors (the good ones are still written), 2 bad arguments or file.
`;

export const catalogImportCommand: Command = {
  name: 'catalog import',
  summary: 'Build a catalog YAML from a CSV of UN resolutions',
  usage: USAGE.trimEnd(),
  run(args: string[], io: CliIo): Promise<number> {
    return runCatalogImport(args, { stdout: { write: (text) => io.out(text) }, stderr: { write: (text) => io.err(text), isTTY: false } }, io.cwd);
  },
};

/**
 * `policy-annotator catalog import FILE.csv [--out PATH]`: streams the CSV, shows progress on stderr, reports
 * bad rows as FILE:LINE, writes the catalog atomically to PATH (or prints it) and ends with a summary.
 * Exit code: 0 when every row was read, 1 when some rows had errors (the good ones are still written), 2 on
 * usage errors or an unreadable file.
 */
export async function runCatalogImport(args: string[], io: ImportIO, cwd = process.cwd()): Promise<number> {
  let input: string | null = null;
  let out: string | null = null;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--out' || a === '-o') out = args[++i] ?? null;
    else if (a.startsWith('--out=')) out = a.slice('--out='.length);
    else if (a === '--help' || a === '-h') {
      io.stdout.write(USAGE);
      return 0;
    } else if (input === null && !a.startsWith('-')) input = a;
    else {
      io.stderr.write(`catalog import: unexpected argument "${a}"\n${USAGE}`);
      return 2;
    }
  }
  if (input === null || (args.includes('--out') && !out)) {
    io.stderr.write(USAGE);
    return 2;
  }
  const shown = { input, out };
  const file = path.resolve(cwd, input);
  const target = out === null ? null : path.resolve(cwd, out);
  const reader = new CsvReader();
  const importer = new CatalogImporter();
  const progress = new Progress(io.stderr);
  try {
    const stream = createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 16 });
    for await (const chunk of stream) {
      for (const record of reader.push(chunk as string)) importer.add(record);
      progress.update(importer.summary().rows);
    }
    for (const record of reader.end()) importer.add(record);
  } catch (err) {
    progress.done();
    const e = err as NodeJS.ErrnoException;
    io.stderr.write(`${shown.input}: ${e.code === 'ENOENT' ? 'no such file' : e.message}\n`);
    return 2;
  }
  progress.done();
  for (const e of importer.errors) io.stderr.write(`${shown.input}:${e.line}: ${e.message}\n`);
  const yaml = catalogYaml(importer.entries(), path.basename(file));
  if (target !== null) {
    try {
      await writeAtomically(target, yaml);
    } catch (err) {
      io.stderr.write(`${shown.out}: cannot write: ${(err as Error).message}\n`);
      return 2;
    }
  } else io.stdout.write(yaml);
  const s = importer.summary();
  io.stderr.write(
    `catalog import: ${s.entries} entries from ${s.rows} rows (${s.flavour}), ${s.errors} ${s.errors === 1 ? 'error' : 'errors'}` +
      `${target !== null ? `; written to ${shown.out}` : ''}\n`,
  );
  return s.errors > 0 ? 1 : 0;
}

/** Writes beside the target and renames, so that a reader never sees half a file. */
async function writeAtomically(target: string, text: string): Promise<void> {
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.tmp`);
  try {
    await writeFile(temp, text, 'utf8');
    await rename(temp, target);
  } catch (err) {
    await unlink(temp).catch(() => undefined);
    throw err;
  }
}

/** One progress line on stderr: rewritten in place on a terminal, at most every 2 s otherwise. */
class Progress {
  private last = 0;
  private shown = false;
  constructor(private readonly stream: ImportIO['stderr']) {}

  update(rows: number): void {
    const now = Date.now();
    const every = this.stream.isTTY ? 100 : 2000;
    if (now - this.last < every) return;
    this.last = now;
    this.shown = true;
    this.stream.write(this.stream.isTTY ? `\rcatalog import: ${rows.toLocaleString('en')} rows read…` : `catalog import: ${rows.toLocaleString('en')} rows read…\n`);
  }

  done(): void {
    if (this.shown && this.stream.isTTY) this.stream.write('\n');
  }
}
