import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { runCli, tempDir } from './cliHelpers';

test('check: reference problems, and a broken workspace catalog reported at its exact line', () => {
  const { dir, remove } = tempDir({
    '.policy-annotator.yaml': 'catalogs:\n  - catalogs/ours.yaml\n',
    'catalogs/ours.yaml': 'version: 1\nentries:\n  - symbol: S/RES/2254 (2015)\n    vote: unanimous\n',
    's.statement': 'Statement\n\n1. We recall resolution 9999 (2017) and resolution 2254 (2016).\n',
  });
  try {
    const result = runCli(['check', 's.statement'], dir);
    assert.equal(result.stdout, [
      'catalogs/ours.yaml:4:11 error catalog-invalid "vote" must be "in favour-against-abstentions" like "15-0-0", or "without a vote".',
      's.statement:3:14 warning unresolved-reference Security Council resolution 9999 does not exist: the Security Council adopted resolutions 2337–2397 in 2017.',
      's.statement:3:41 warning reference-year-mismatch Resolution 2254 was adopted in 2015, not 2016.',
      '',
    ].join('\n'));
    assert.equal(result.code, 1);
  } finally {
    remove();
  }
});

test('export fills references with their fields', () => {
  const { dir, remove } = tempDir({ 's.statement': 'Statement\n\n1. Recalling paragraph 6 of resolution 2178 (2014) and A/RES/70/1.\n' });
  try {
    const result = runCli(['export', '--format', 'json', 's.statement'], dir);
    assert.equal(result.code, 0);
    const [file] = JSON.parse(result.stdout).files;
    assert.deepEqual(file.references, [
      {
        text: 'resolution 2178 (2014)', range: { start: { line: 2, character: 28 }, end: { line: 2, character: 50 } }, kind: 'resolution', body: 'SC',
        symbol: 'S/RES/2178 (2014)', number: '2178', year: '2014', pinpoint: '6', status: 'catalogued',
      },
      {
        text: 'A/RES/70/1', range: { start: { line: 2, character: 55 }, end: { line: 2, character: 65 } }, kind: 'resolution', body: 'GA',
        symbol: 'A/RES/70/1', number: '1', session: '70', year: null, pinpoint: null, status: 'known',
      },
    ]);
  } finally {
    remove();
  }
});

test('catalog import: relative paths, --out written, summary on stderr', () => {
  const { dir, remove } = tempDir({ 'in/simple.csv': 'number,symbol,date,title\n2254,S/RES/2254 (2015),2015-12-18,"Syria, road map"\n' });
  try {
    const result = runCli(['catalog', 'import', 'in/simple.csv', '--out', 'sc.catalog.yaml'], dir);
    assert.equal(result.code, 0, result.stderr);
    assert.equal(result.stdout, '');
    assert.match(result.stderr, /catalog import: 1 entries from 1 rows \(simple\), 0 errors; written to sc\.catalog\.yaml\n$/);
    assert.match(readFileSync(path.join(dir, 'sc.catalog.yaml'), 'utf8'), /  - symbol: S\/RES\/2254 \(2015\)\n/);
    assert.match(runCli(['catalog', 'import', '--help'], dir).stdout, /^Usage: policy-annotator catalog import FILE\.csv/);
  } finally {
    remove();
  }
});
