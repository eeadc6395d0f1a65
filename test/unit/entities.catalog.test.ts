import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { parseEntityCatalog } from '../../server/src/core/entities/catalog';

const URI = 'file:///ws/people.entities.yaml';

function problems(text: string) {
  return parseEntityCatalog(text, URI).problems.map((p) => [p.range.start.line, p.range.start.character, p.severity, p.message]);
}

test('a valid catalog gives entities with every field and its source line', () => {
  const text = [
    '# our own entities',
    'entities:',
    '  - id: ffes',
    '    type: organization',
    '    name: Funding Facility for Expanded Stabilization',
    '    acronyms: [FFES]',
    '    aliases: [Expanded Stabilization Facility]',
    '    parent: undp',
    '    description: UNDP facility in Iraq.',
    '    links: [https://www.undp.org/iraq]',
    '    names: { fr: Mécanisme de financement pour la stabilisation élargie }',
    '  - id: envoy-x',
    '    type: person',
    '    name: Jane Envoy',
    '    roles:',
    '      - { title: Special Envoy, role: special-envoy, of: united-nations, from: 2014-07, to: 2019 }',
    'documents: []',
  ].join('\n');
  const r = parseEntityCatalog(text, URI);
  assert.deepEqual(r.problems, []);
  assert.equal(r.hasEntities, true);
  assert.deepEqual(r.entities[0], {
    id: 'ffes', type: 'organization', name: 'Funding Facility for Expanded Stabilization',
    aliases: ['Expanded Stabilization Facility'], acronyms: ['FFES'], demonyms: [], ambiguous: [],
    names: { fr: ['Mécanisme de financement pour la stabilisation élargie'] },
    description: 'UNDP facility in Iraq.', links: ['https://www.undp.org/iraq'], parent: 'undp', roles: [],
    source: { uri: URI, line: 2 },
  } as unknown);
  assert.deepEqual(r.entities[1].roles, [{ title: 'Special Envoy', role: 'special-envoy', of: 'united-nations', from: '2014-07', to: '2019' }]);
  assert.deepEqual(r.entities[1].source, { uri: URI, line: 11 });
});

test('a file without an entities section is not an entity catalog and has no problems', () => {
  const r = parseEntityCatalog('resolutions:\n  - symbol: S/RES/2254 (2015)\n', URI);
  assert.deepEqual([r.hasEntities, r.entities, r.problems], [false, [], []]);
});

test('problems sit at the exact line and column of the bad node; good entries are kept', () => {
  const text = [
    'entities:',
    '  - id: ok',
    '    type: location',
    '    name: Fine Place',
    '  - id: bad id',
    '    type: place',
    '    name: Somewhere',
    '    links: [javascript:alert(1), "https://example.org/x"]',
    '  - id: ok',
    '    type: event',
    '    name: Twice',
    '  - type: person',
    '    name: No Id',
    '    colour: red',
    '  - just a string',
    '  - id: r',
    '    type: person',
    '    name: Roles',
    '    roles: [{ title: Envoy, from: July 2014 }]',
    '    names: { de: Deutschland }',
  ].join('\n');
  const r = parseEntityCatalog(text, URI);
  assert.deepEqual(r.entities.map((e) => e.id), ['ok']);
  assert.deepEqual(problems(text), [
    [4, 8, DiagnosticSeverity.Error, "entity id 'bad id' must be letters, digits, '.', '_', ':' or '-'"],
    [5, 10, DiagnosticSeverity.Error, "entity type 'place' is not one of person, organization, location, event, document, role, concept"],
    [7, 12, DiagnosticSeverity.Error, "link 'javascript:alert(1)' must be an http:// or https:// URL"],
    [8, 8, DiagnosticSeverity.Error, "duplicate entity id 'ok' (first defined on line 2)"],
    [13, 4, DiagnosticSeverity.Warning, "unknown key 'colour' in entity entry"],
    [11, 4, DiagnosticSeverity.Error, "entity entry needs 'id'"],
    [14, 4, DiagnosticSeverity.Error, 'an entity entry must be a mapping with id, type and name'],
    [19, 13, DiagnosticSeverity.Error, "'de' is not one of the UN languages ar, zh, fr, ru, es (English goes in name and aliases)"],
    [18, 34, DiagnosticSeverity.Error, "'from' must be a date YYYY, YYYY-MM or YYYY-MM-DD, not 'July 2014'"],
  ]);
  assert.deepEqual(r.problems.map((p) => p.code), [
    'catalog-invalid', 'catalog-invalid', 'catalog-invalid', 'catalog-invalid', 'catalog-unknown-key',
    'catalog-invalid', 'catalog-invalid', 'catalog-invalid', 'catalog-invalid',
  ]);
});

test('YAML syntax errors are reported at their line and nothing is loaded', () => {
  const r = parseEntityCatalog('entities:\n  - id: a\n    name: [unclosed\n', URI);
  assert.equal(r.entities.length, 0);
  assert.equal(r.problems.length > 0, true);
  assert.equal(r.problems[0].message, 'Flow sequence in block collection must be sufficiently indented and end with a ]');
  assert.equal(r.problems[0].code, 'catalog-yaml-error');
  assert.equal(r.problems[0].range.start.line >= 2, true);
});

test('alias bombs are refused, not expanded', () => {
  const levels = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
  for (let i = 1; i < 8; i++) levels.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10).fill('*' + String.fromCharCode(96 + i)).join(', ')}]`);
  const r = parseEntityCatalog(levels.join('\n') + '\nentities: *h\n', URI);
  assert.deepEqual(r.entities, []);
  assert.match(r.problems[0].message, /alias/i);
  assert.equal(r.problems[0].code, 'catalog-yaml-error');
});

test('the root must be a mapping and entities a list', () => {
  assert.deepEqual(problems('- a\n- b\n'), [[0, 0, DiagnosticSeverity.Error, 'a catalog file must be a mapping with an `entities:` list']]);
  assert.deepEqual(problems('entities: nope\n'), [[0, 10, DiagnosticSeverity.Error, '`entities` must be a list of entries']]);
  assert.deepEqual(problems(''), []);
});

test('the catalog store keeps the last good version of a file whose YAML breaks, and merges in order', async () => {
  const { EntityCatalogStore } = await import('../../server/src/core/entities/catalogStore');
  const store = new EntityCatalogStore();
  const a = 'file:///ws/a.entities.yaml';
  const b = 'file:///ws/b.entities.yaml';
  store.setCatalogs([a, b]);
  store.update(a, 'entities:\n  - { id: x, type: person, name: Jane Roe }\n');
  store.update(b, 'entities:\n  - { id: x, type: person, name: Jane Doe }\n');
  assert.equal(store.index.byId.get('x')!.name, 'Jane Doe', 'the later catalog wins');
  const broken = store.update(b, 'entities:\n  - { id: x, type: person, name: [Jane\n');
  assert.equal(broken.problems[0].code, 'catalog-yaml-error');
  assert.deepEqual(store.problemsOf(b), broken.problems);
  assert.equal(store.index.byId.get('x')!.name, 'Jane Doe', 'the last good version stays in use');
  store.update(b, 'entities: []\n');
  assert.equal(store.index.byId.get('x')!.name, 'Jane Roe');
  store.setCatalogs([b]);
  assert.equal(store.index.byId.has('x'), false);
  assert.equal(store.isCatalog(a), false);
  assert.ok(store.index.byId.has('SYR'), 'the bundled gazetteer is always there');
});

test('one catalog file may hold document entries and entities: each loader reads its own keys without complaint', async () => {
  const { parseCatalog } = await import('../../server/src/core/references/catalog');
  const shared = [
    'version: 1',
    'entries:',
    '  - symbol: S/RES/2254 (2015)',
    'entities:',
    '  - { id: ffes, type: organization, name: Funding Facility for Expanded Stabilization }',
  ].join('\n');
  assert.deepEqual(parseCatalog(shared, URI).problems, []);
  assert.deepEqual(parseEntityCatalog(shared, URI).problems, []);
  assert.deepEqual(parseEntityCatalog(shared, URI).entities.map((e) => e.id), ['ffes']);
  const entitiesOnly = parseCatalog('entities:\n  - { id: x, type: person, name: Jane Roe }\n', URI);
  assert.deepEqual([entitiesOnly.entries, entitiesOnly.problems], [[], []]);
});
