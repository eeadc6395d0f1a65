import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { findFiles } from '../core/findFiles';
import type { FileSystem } from '../core/fileSystem';
import { PathFilter } from '../core/pathFilter';
import { statementGlobs } from '../core/settings';
import { UsageError } from './command';

export interface InputFile {
  /** As shown to the user: relative to the working directory when inside it, with "/" separators. */
  path: string;
  uri: string;
}

const GLOB_CHARS = /[*?[\]{}]/;

/**
 * Expands CLI arguments: a file is taken whatever its name; a directory gives its statement files
 * (`*.statement`, `*.stmt`; `.gitignore` honoured); a glob is matched under its directory part.
 * A path that does not exist, or a directory or glob with no files, is a UsageError.
 */
export async function expandInputs(fs: FileSystem, cwd: string, args: string[]): Promise<InputFile[]> {
  const files = new Map<string, InputFile>();
  const add = (absolute: string) => files.set(absolute, { path: displayPath(cwd, absolute), uri: pathToFileURL(absolute).href });
  for (const arg of args) {
    const absolute = path.resolve(cwd, arg);
    if (existsSync(absolute)) {
      if (!statSync(absolute).isDirectory()) {
        add(absolute);
        continue;
      }
      const found = await findFiles(fs, pathToFileURL(absolute).href, new PathFilter(statementGlobs, []));
      if (found.length === 0) throw new UsageError(`no statement files (*.statement, *.stmt) in '${arg}'`);
      for (const file of found) add(path.join(absolute, ...file.path.split('/')));
    } else if (GLOB_CHARS.test(arg)) {
      const { base, pattern } = splitGlob(path.resolve(cwd, arg));
      const found = existsSync(base) ? await findFiles(fs, pathToFileURL(base).href, new PathFilter([pattern], [])) : [];
      if (found.length === 0) throw new UsageError(`no files match '${arg}'`);
      for (const file of found) add(path.join(base, ...file.path.split('/')));
    } else {
      throw new UsageError(`cannot find '${arg}'`);
    }
  }
  return [...files.values()];
}

/** Splits an absolute glob into the directory before its first wildcard and the "/"-separated rest. */
function splitGlob(absoluteGlob: string): { base: string; pattern: string } {
  const parts = absoluteGlob.split(path.sep);
  const first = parts.findIndex((part) => GLOB_CHARS.test(part));
  return { base: parts.slice(0, first).join(path.sep) || path.sep, pattern: parts.slice(first).join('/') };
}

function displayPath(cwd: string, absolute: string): string {
  const relative = path.relative(cwd, absolute);
  const shown = relative === '' || relative.startsWith('..') || path.isAbsolute(relative) ? absolute : relative;
  return shown.split(path.sep).join('/');
}
