// Builds the bundles when dist/ is missing or older than any source or data file, so that
// `npm run cli` and `npm run bench` work straight from a checkout.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outputs = ['dist/client.js', 'dist/server.js', 'dist/cli.js'].map((file) => path.join(root, file));
const inputs = ['server/src', 'server/data', 'client/src', 'package.json', 'package-lock.json', 'scripts/build.mjs'];

function newestMtime(target) {
  if (!existsSync(target)) return 0;
  const stats = statSync(target);
  if (!stats.isDirectory()) return stats.mtimeMs;
  return readdirSync(target).reduce((newest, name) => Math.max(newest, newestMtime(path.join(target, name))), stats.mtimeMs);
}

const oldestOutput = Math.min(...outputs.map((file) => (existsSync(file) ? statSync(file).mtimeMs : 0)));
const newestInput = Math.max(...inputs.map((input) => newestMtime(path.join(root, input))));

if (oldestOutput < newestInput) {
  const result = spawnSync(process.execPath, [path.join(root, 'scripts/build.mjs')], { cwd: root, stdio: ['ignore', 2, 2] });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
