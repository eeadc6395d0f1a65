import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..', '..');
const vsce = path.join(root, 'node_modules', '@vscode', 'vsce', 'vsce');

/** Exactly what the .vsix may hold besides the data files under server/data/. */
const SHIPPED = [
  'LICENSE',
  'README.md',
  'dist/cli.js',
  'dist/client.js',
  'dist/server.js',
  'language-configuration.json',
  'package.json',
  'syntaxes/policy-statement.tmLanguage.json',
];

test('the .vsix holds only what runs: bundles, grammar, language configuration, data, README, LICENSE', () => {
  for (const bundle of ['dist/client.js', 'dist/server.js', 'dist/cli.js']) {
    assert.ok(fs.existsSync(path.join(root, bundle)), `${bundle} is missing: run npm run build first`);
  }
  const listed = execFileSync(process.execPath, [vsce, 'ls', '--no-dependencies'], { cwd: root, encoding: 'utf8' })
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  const data = listed.filter((file) => file.startsWith('server/data/'));
  assert.deepEqual(listed.filter((file) => !file.startsWith('server/data/')).sort(), SHIPPED);
  const dataOnDisk = listFiles(path.join(root, 'server', 'data')).map((file) => path.relative(root, file).split(path.sep).join('/'));
  assert.deepEqual(data.sort(), dataOnDisk.sort(), 'every file under server/data/ ships');
});

function listFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? listFiles(full) : [full];
  });
}
