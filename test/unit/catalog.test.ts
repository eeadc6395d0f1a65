import { test } from 'node:test';
import assert from 'node:assert/strict';
import schema from '../../server/data/schemas/catalog.schema.json';
import { CatalogStore, ENTRY_FIELDS, parseCatalog, symbolKey } from '../../server/src/core/references/catalog';
import { addCatalogEntryEdit } from '../../server/src/core/references/catalogEdit';
import { catalogSources } from '../../server/src/core/projectConfig';
import { createCatalogStore } from '../../server/src/core/references';
import { LineIndex } from '../../server/src/core/text';

const at = (p: { range: { start: { line: number; character: number }; end: { line: number; character: number } } }) =>
  `${p.range.start.line}:${p.range.start.character}-${p.range.end.line}:${p.range.end.character}`;
const summary = (text: string) => parseCatalog(text, 'file:///w/c.catalog.yaml').problems.map((p) => [p.code, p.severity, at(p), p.message]);

test('a valid catalog gives its entries with their source ranges', () => {
  const text = 'version: 1\nentries:\n  - symbol: S/RES/2254 (2015)\n    date: 2015-12-18\n    vote: 15-0-0\n    subjects: [Syria]\n';
  const parsed = parseCatalog(text, 'file:///w/c.catalog.yaml');
  assert.deepEqual(parsed.problems, []);
  assert.deepEqual(parsed.entries, [{
    symbol: 'S/RES/2254 (2015)', date: '2015-12-18', vote: '15-0-0', subjects: ['Syria'],
    source: { uri: 'file:///w/c.catalog.yaml', range: { start: { line: 2, character: 4 }, end: { line: 6, character: 0 } } },
  }]);
});

test('YAML syntax errors are reported at their exact line', () => {
  assert.deepEqual(summary('version: 1\nentries:\n  - symbol: S/RES/1\n    title: x: y\n'), [
    ['catalog-yaml-error', 1, '3:11-3:12', 'Nested mappings are not allowed in compact mappings'],
  ]);
  assert.deepEqual(summary('version: 1\nentries:\n  - symbol: S/RES/1\n   title: x\n'), [
    ['catalog-yaml-error', 1, '3:0-3:1', 'Sequence item without - indicator'],
  ]);
  assert.deepEqual(summary('version: 1\nentries:\n  - symbol: a\n    symbol: b\n').map((p) => [p[0], p[2]]), [['catalog-yaml-error', '3:4-3:10']]);
});

test('schema errors point at the offending value; unknown keys are warnings', () => {
  const text = [
    'version: 1',
    'entries:',
    '  - symbol: S/RES/2254 (2015)',
    '    date: 18 December 2015',
    '    vote: unanimous',
    '    link: javascript:alert(1)',
    '    colour: red',
    '  - title: no symbol here',
    '  - just a string',
    '',
  ].join('\n');
  assert.deepEqual(summary(text), [
    ['catalog-invalid', 1, '3:10-3:26', '"date" must be a date written YYYY-MM-DD.'],
    ['catalog-invalid', 1, '4:10-4:19', '"vote" must be "in favour-against-abstentions" like "15-0-0", or "without a vote".'],
    ['catalog-invalid', 1, '5:10-5:29', '"link" must be an http(s) URL.'],
    ['catalog-unknown-key', 2, '6:4-6:10', 'Unknown entry key "colour" (expected symbol, body, number, date, title, subjects, vote, link, aliases, notes, approximate).'],
    ['catalog-invalid', 1, '7:4-7:4', 'Entry has no "symbol".'],
    ['catalog-invalid', 1, '8:4-8:17', 'Each entry must be a mapping with at least "symbol".'],
  ]);
  assert.equal(parseCatalog(text, 'u').entries, null, 'errors: the last good version stays in use');
});

test('root errors: not a mapping, wrong version, entries not a list, duplicates', () => {
  assert.deepEqual(summary('- a\n- b\n'), [['catalog-invalid', 1, '0:0-2:0', 'A catalog is a mapping with "version: 1" and "entries:".']]);
  assert.deepEqual(summary('version: 2\nentries: []\n'), [['catalog-invalid', 1, '0:9-0:10', '"version" must be 1.']]);
  assert.deepEqual(summary('version: 1\nentries: {}\n'), [['catalog-invalid', 1, '1:9-1:11', '"entries" must be a list of entries.']]);
  assert.deepEqual(summary('version: 1\nentries:\n  - symbol: S/RES/1 (1946)\n  - symbol: S/RES/1\n'), [
    ['catalog-duplicate-entry', 2, '3:4-4:0', '"S/RES/1" is already listed as "S/RES/1 (1946)"; this entry overrides it.'],
  ]);
});

test('alias bombs are refused; oversized files are not read', () => {
  const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]', 'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]', 'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]', 'd: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]', 'version: 1', 'entries: []', ''].join('\n');
  const parsed = parseCatalog(bomb, 'u');
  assert.equal(parsed.entries, null);
  assert.equal(parsed.problems[0].code, 'catalog-yaml-error');
  assert.match(parsed.problems[0].message, /alias/i);
  const huge = parseCatalog('#'.repeat(10_000_001), 'u');
  assert.deepEqual(huge.problems.map((p) => p.code), ['catalog-too-large']);
});

test('merge order: bundled < .policy-annotator.yaml catalogs < setting; fields override; last good kept', () => {
  const store = createCatalogStore();
  assert.equal(store.lookup('S/RES/2254')?.title?.startsWith('Endorses a road map'), true);
  store.setSources(['file:///w/a.catalog.yaml', 'file:///w/b.catalog.yaml']);
  store.update('file:///w/b.catalog.yaml', 'version: 1\nentries:\n  - symbol: S/RES/2254 (2015)\n    notes: from b\n');
  store.update('file:///w/a.catalog.yaml', 'version: 1\nentries:\n  - symbol: S/RES/2254 (2015)\n    notes: from a\n    title: Our title\n  - symbol: S/RES/2900 (2026)\n    title: A future resolution\n    aliases: [X/2026/1]\n');
  const merged = store.lookup('S/RES/2254(2015)');
  assert.deepEqual([merged?.title, merged?.notes, merged?.date, merged?.source.uri], ['Our title', 'from b', '2015-12-18', 'file:///w/b.catalog.yaml']);
  assert.equal(store.lookup('X/2026/1')?.symbol, 'S/RES/2900 (2026)');
  // A broken edit of a.catalog.yaml keeps its last good version and reports the error.
  const problems = store.update('file:///w/a.catalog.yaml', 'version: 1\nentries:\n  - symbol: [\n');
  assert.equal(problems[0].code, 'catalog-yaml-error');
  assert.equal(store.lookup('S/RES/2900')?.title, 'A future resolution');
  assert.equal(store.problems('file:///w/a.catalog.yaml').length, problems.length);
  store.remove('file:///w/a.catalog.yaml');
  assert.equal(store.lookup('S/RES/2900'), undefined);
  assert.equal(store.lookup('S/RES/2254')?.title?.startsWith('Endorses a road map'), true);
});

test('a first version with errors adds nothing', () => {
  const store = new CatalogStore([]);
  store.setSources(['u']);
  store.update('u', 'version: 1\nentries:\n  - symbol: S/RES/5\n    date: nope\n');
  assert.equal(store.lookup('S/RES/5'), undefined);
});

test('symbol keys ignore spacing and the year of Security Council resolutions', () => {
  assert.equal(symbolKey('S/RES/2254 (2015)'), symbolKey('s/res/2254(2015)'));
  assert.equal(symbolKey('S/RES/2254 (2015)'), 'S/RES/2254');
  assert.equal(symbolKey('A/RES/57/270 B'), 'A/RES/57/270B');
});

test('the JSON Schema and the loader know the same entry fields', () => {
  assert.deepEqual(Object.keys(schema.definitions.entry.properties).sort(), Object.keys(ENTRY_FIELDS).sort());
});

test('catalog sources: project config first, then the setting; paths outside the folder are refused', () => {
  assert.deepEqual(catalogSources('file:///w', ['catalogs/a.yaml', 'b.catalog.yaml'], ['c.yaml', 'catalogs/a.yaml']), {
    uris: ['file:///w/catalogs/a.yaml', 'file:///w/b.catalog.yaml', 'file:///w/c.yaml'], errors: [],
  });
  assert.deepEqual(catalogSources('file:///w/', ['../x.yaml', '/etc/passwd', 'file:///etc/x', 3], 'nope'), {
    uris: [],
    errors: [
      '.policy-annotator.yaml catalogs: "../x.yaml" is outside the workspace folder; only relative paths inside it are read.',
      '.policy-annotator.yaml catalogs: "/etc/passwd" is outside the workspace folder; only relative paths inside it are read.',
      '.policy-annotator.yaml catalogs: "file:///etc/x" is outside the workspace folder; only relative paths inside it are read.',
      '.policy-annotator.yaml catalogs: 3 is not a path.',
      'policyAnnotator.catalogs must be a list of paths.',
    ],
  });
  assert.deepEqual(catalogSources('file:///w', ['my catalogs/a b.yaml'], undefined).uris, ['file:///w/my%20catalogs/a%20b.yaml']);
});

function apply(text: string, edit: ReturnType<typeof addCatalogEntryEdit>): string {
  const edits = Object.values(edit?.changes ?? {})[0];
  const lines = new LineIndex(text);
  let out = text;
  for (const e of [...edits].reverse()) out = out.slice(0, lines.offsetAt(e.range.start)) + e.newText + out.slice(lines.offsetAt(e.range.end));
  return out;
}

test('appending an entry keeps every other byte and yields a valid catalog', () => {
  const stub = { symbol: 'S/RES/2300 (2016)', body: 'SC' as const, number: 2300, title: 'TODO' };
  const cases = [
    'version: 1\nentries:\n- symbol: S/RES/1 (1946)\n  subjects: [ a,b ]   # odd spacing kept\n',
    'version: 1\nentries:\n    - symbol: S/RES/1 (1946)\n      title: "x"\nextra: 1\n',
    'version: 1\nentries:\n  - symbol: S/RES/1 (1946)',
    '# only a comment\nversion: 1\n',
    '',
  ];
  for (const text of cases) {
    const edit = addCatalogEntryEdit({ uri: 'file:///c.yaml', text }, stub);
    const [insert] = edit?.changes?.['file:///c.yaml'] ?? [];
    assert.deepEqual(insert.range.start, insert.range.end, 'a pure insertion: nothing of the file is replaced');
    const out = apply(text, edit);
    const parsed = parseCatalog(out, 'u');
    assert.deepEqual(parsed.problems.filter((p) => p.code !== 'catalog-unknown-key'), [], out);
    assert.equal(parsed.entries?.at(-1)?.symbol, 'S/RES/2300 (2016)', out);
  }
  assert.equal(addCatalogEntryEdit({ uri: 'u', text: 'version: 1\nentries: [\n' }, stub), null, 'broken YAML is not edited');
});

test('without a configured catalog, the fix creates one and lists it in .policy-annotator.yaml', () => {
  const stub = { symbol: 'S/RES/2300 (2016)', title: 'TODO' };
  const register = (configText: string | null) =>
    addCatalogEntryEdit({ uri: 'file:///w/catalogs/workspace.catalog.yaml', text: null, register: { configUri: 'file:///w/.policy-annotator.yaml', configText, path: 'catalogs/workspace.catalog.yaml' } }, stub)?.documentChanges;
  const none = register(null) ?? [];
  assert.deepEqual(none.map((c) => ('textDocument' in c ? ['edit', c.textDocument.uri] : [c.kind, 'uri' in c ? c.uri : ''])), [
    ['create', 'file:///w/catalogs/workspace.catalog.yaml'],
    ['edit', 'file:///w/catalogs/workspace.catalog.yaml'],
    ['create', 'file:///w/.policy-annotator.yaml'],
    ['edit', 'file:///w/.policy-annotator.yaml'],
  ]);
  const configEdit = (changes: ReturnType<typeof register>) => (changes?.at(-1) as { edits: { range: unknown; newText: string }[] }).edits[0];
  assert.deepEqual(configEdit(none), { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: 'catalogs:\n  - catalogs/workspace.catalog.yaml\n' });
  assert.deepEqual(configEdit(register('# project\ncodebook: codes.yaml')), {
    range: { start: { line: 1, character: 20 }, end: { line: 1, character: 20 } }, newText: '\ncatalogs:\n  - catalogs/workspace.catalog.yaml\n',
  });
  assert.deepEqual(configEdit(register('catalogs:\n  - a.yaml   # ours\nother: 1\n')), {
    range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, newText: '  - catalogs/workspace.catalog.yaml\n',
  });
  assert.equal(register('catalogs: [a.yaml]\n'), undefined, 'a flow list is not rewritten');
});
