import { existsSync } from 'node:fs';
import path from 'node:path';
import type { TestContext } from 'node:test';

const repoRoot = path.resolve(__dirname, '..', '..');
/**
 * ../shared beside the repository (real UN data and statements; never copied into the repo). A git worktree
 * one level deeper (…/wt/NAME) finds it one level further up.
 */
export const sharedDir =
  [path.resolve(repoRoot, '..', 'shared'), path.resolve(repoRoot, '..', '..', 'shared')].find((d) => existsSync(d)) ??
  path.resolve(repoRoot, '..', 'shared');

/** Skips the test with a clear message when ../shared is absent; in CI its absence is a failure. */
export function requireShared(t: TestContext, ...parts: string[]): string | null {
  const target = path.join(sharedDir, ...parts);
  if (existsSync(target)) return target;
  if (process.env.CI) throw new Error(`${target} is missing; CI must have ../shared beside the repository.`);
  t.skip(`${target} is missing (../shared beside the repository holds real UN data)`);
  return null;
}

/** Parses one CSV line with quoted fields and doubled quotes (the shared CSV has no line breaks in fields). */
export function csvFields(line: string): string[] {
  const out: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') { field += '"'; i++; }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { out.push(field); field = ''; }
    else field += c;
  }
  out.push(field);
  return out;
}
