import { existsSync } from 'node:fs';
import path from 'node:path';
import type { TestContext } from 'node:test';

/**
 * The read-only real material beside the checkout (../shared): seeds, UN data, corpus. A git worktree one level
 * deeper (…/wt/NAME) finds it one level further up.
 */
export const SHARED_DIR =
  [path.resolve(__dirname, '..', '..', 'shared'), path.resolve(__dirname, '..', '..', '..', 'shared')].find((d) => existsSync(d)) ??
  path.resolve(__dirname, '..', '..', 'shared');

/**
 * The folder `sub` of ../shared, or undefined after skipping the test with a clear message when it is absent.
 * In CI it must be there: its absence fails the test rather than skipping it.
 */
export function sharedDir(t: TestContext, sub: string): string | undefined {
  const dir = path.join(SHARED_DIR, sub);
  if (existsSync(dir)) return dir;
  if (process.env.CI) throw new Error(`${dir} is missing: CI must run with ../shared beside the checkout`);
  t.skip(`${dir} is absent: this test reads the real material in ../shared`);
  return undefined;
}
