import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { runCli } from '../../server/src/cli/main';

async function run(cwd: string, ...args: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(['entities', ...args], { cwd, out: (t: string) => (out += t), err: (t: string) => (err += t) });
  return { code, out, err };
}

function workspace(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'pa-entities-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return dir;
}

const STATEMENT = [
  '---',
  'title: Syria in the front matter is not analysed',
  '---',
  'Joint Statement on Iraq',
  '',
  '  1. The Coalition supports the Iraqi Security Forces in Mosul and the Funding Facility for',
  'Expanded Stabilization. We thank Steffan de Mistura.',
  '',
  'Share this',
].join('\n');

test('entities lists each mention as path:line:col type id text, body only', async () => {
  const dir = workspace({ 'a.statement': STATEMENT, 'notes.txt': 'Syria' });
  const { code, out, err } = await run(dir);
  assert.equal(err, '');
  assert.equal(code, 0);
  assert.equal(out, [
    'a.statement:4:20  location  IRQ  "Iraq"',
    'a.statement:6:33  organization  iraqi-security-forces  "Iraqi Security Forces"',
    'a.statement:6:58  location  mosul  "Mosul"',
    'a.statement:7:42  person  staffan-de-mistura  "de Mistura"',
    '',
  ].join('\n'));
});

test('entities --unknown lists unknown names with counts; workspace catalogs add entries and report errors', async () => {
  const dir = workspace({ 'a.statement': STATEMENT });
  const unknown = await run(dir, '--unknown', 'a.statement');
  assert.equal(unknown.code, 0);
  assert.equal(unknown.out, [
    'a.statement:6:10  "Coalition"  1×',
    'a.statement:6:72  "Funding Facility for Expanded Stabilization"  1×',
    '',
  ].join('\n'));

  writeFileSync(path.join(dir, '.policy-annotator.yaml'), 'catalogs: [ours.entities.yaml]\n');
  writeFileSync(path.join(dir, 'ours.entities.yaml'), [
    'entities:',
    '  - { id: ffes, type: organization, name: Funding Facility for Expanded Stabilization }',
    '  - { id: broken, type: organisation, name: Misspelt Type }',
  ].join('\n'));
  const withCatalog = await run(dir, '--unknown');
  assert.equal(withCatalog.code, 1);
  assert.equal(withCatalog.out, 'a.statement:6:10  "Coalition"  1×\n');
  assert.equal(withCatalog.err, "ours.entities.yaml:3:25 error catalog-invalid entity type 'organisation' is not one of person, organization, location, event, document, role, concept\n");
  const listed = await run(dir);
  assert.match(listed.out, /^a\.statement:6:72 {2}organization {2}ffes {2}"Funding Facility for Expanded Stabilization"$/m);
});

test('entities reports usage errors with exit code 2; export fills entities', async () => {
  const dir = workspace({ 'a.statement': STATEMENT });
  assert.deepEqual(await run(dir, 'missing.statement'), { code: 2, out: '', err: "policy-annotator entities: cannot find 'missing.statement'\n" });
  const bad = await run(dir, '--bogus');
  assert.equal(bad.code, 2);
  assert.equal(bad.err, "policy-annotator entities: unknown option '--bogus'\n");
  assert.equal((await run(dir, '--catalog', 'nope.yaml')).err, 'policy-annotator entities: catalog not found: nope.yaml\n');
  assert.match((await run(dir, '--help')).out, /^Usage: policy-annotator entities/);

  let out = '';
  assert.equal(await runCli(['export', '--format', 'json'], { cwd: dir, out: (t: string) => (out += t), err: () => undefined }), 0);
  const exported = JSON.parse(out).files[0].entities;
  assert.deepEqual(exported[0], { text: 'Iraq', range: { start: { line: 3, character: 19 }, end: { line: 3, character: 23 } }, id: 'IRQ', type: 'location', name: 'Iraq', mention: 'name' });
  assert.deepEqual(exported.map((e: { id: string }) => e.id), ['IRQ', 'iraqi-security-forces', 'mosul', 'staffan-de-mistura']);
});

test('check reports entity catalog problems as findings and fails on errors; the catalog adds its entries', async () => {
  const dir = workspace({
    'a.statement': 'Statement\n\n  1. We thank Steffan de Mistura and the Funding Facility for Expanded Stabilisation.\n',
    '.policy-annotator.yaml': 'catalogs: [ours.entities.yaml]\n',
    'ours.entities.yaml': 'entities:\n  - { id: ffes, type: organization, name: Funding Facility for Expanded Stabilization }\n  - { id: x, type: place, name: X }\n',
  });
  let out = '';
  const code = await runCli(['check'], { cwd: dir, out: (t: string) => (out += t), err: () => undefined });
  assert.equal(code, 1);
  assert.equal(out, [
    "ours.entities.yaml:3:20 error catalog-invalid entity type 'place' is not one of person, organization, location, event, document, role, concept",
    'a.statement:3:15 info entity-spelling Did you mean Staffan de Mistura?',
    'a.statement:3:42 info entity-spelling Did you mean Funding Facility for Expanded Stabilization?',
    '',
  ].join('\n'));
});

test('check reports a broken catalog shared by documents and entities once', async () => {
  const dir = workspace({
    'a.statement': 'Statement\n\n  1. Text.\n',
    '.policy-annotator.yaml': 'catalogs: [shared.catalog.yaml]\n',
    'shared.catalog.yaml': 'entries:\n  - symbol: [oops\n',
  });
  let out = '';
  const code = await runCli(['check'], { cwd: dir, out: (t: string) => (out += t), err: () => undefined });
  assert.equal(code, 1);
  assert.equal(out, 'shared.catalog.yaml:3:1 error catalog-yaml-error Flow sequence in block collection must be sufficiently indented and end with a ]\n');
});
