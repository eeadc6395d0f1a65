import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sharedDir } from '../shared';
import { runCli } from './cliHelpers';

test('the seed over the CLI: 15 paragraphs labelled 1–15, the title, the web-boilerplate hint', (t) => {
  const dir = sharedDir(t, 'seeds');
  if (!dir) return;
  // A glob: the seeds are .txt files, which a directory argument would not pick up.
  const exported = runCli(['export', '--format', 'json', '*.txt'], dir);
  assert.equal(exported.code, 0, exported.stderr);
  const [file] = JSON.parse(exported.stdout).files;
  assert.equal(file.title, 'Joint Statement by the Small Group of the Global Coalition');
  assert.deepEqual(file.paragraphs.map((p: { label: string }) => p.label), Array.from({ length: 15 }, (_, i) => String(i + 1)));
  // This findings; other analyses (entities, references) may add their own.
  const own = (code: string) => code === 'web-boilerplate' || code.startsWith('paragraph-') || code.startsWith('file-');
  assert.deepEqual(
    file.diagnostics.filter((d: { code: string }) => own(d.code)).map((d: { code: string; severity: string }) => [d.code, d.severity]),
    [['web-boilerplate', 'hint']],
  );

  const checked = runCli(['check', '*.txt'], dir);
  assert.equal(checked.code, 0);
  assert.deepEqual(
    checked.stdout.split('\n').filter((line) => own(line.split(' ')[2] ?? '')).map((line) => line.replace(/^000_\w+\.txt/, 'seed').slice(0, 31)),
    ['seed:19:1 hint web-boilerplate '],
  );
});
