// Runs the unit, protocol, CLI and package tests (test/**/*.test.ts) with node's test runner.
// Node 20 does not expand globs itself; test/vscode and test/e2e have runners of their own.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';

const OWN_RUNNERS = new Set(['test/vscode', 'test/e2e']);
const roots = process.argv.slice(2).length > 0 ? process.argv.slice(2) : ['test'];

function collect(dir) {
  if (OWN_RUNNERS.has(dir.split(path.sep).join('/'))) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return collect(full);
    return entry.name.endsWith('.test.ts') ? [full] : [];
  });
}

const files = roots.flatMap((root) => (root.endsWith('.test.ts') ? [root] : collect(root))).sort();
if (files.length === 0) {
  console.error(`No test files under ${roots.join(', ')}`);
  process.exit(1);
}
const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', ...files], { stdio: 'inherit' });
process.exit(result.status ?? 1);
