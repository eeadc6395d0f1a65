import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseDocument } from 'yaml';
import { analyzeEntities } from '../../server/src/core/entities/analyzeEntities';
import { parseEntityCatalog } from '../../server/src/core/entities/catalog';
import { addEntityEdit, entityIdFor } from '../../server/src/core/entities/catalogEdit';
import { EntityIndex } from '../../server/src/core/entities/entityIndex';
import { bundledEntities } from '../../server/src/core/entities/gazetteer';
import { LineIndex } from '../../server/src/core/text';

const index = new EntityIndex(bundledEntities());
const URI = 'file:///ws/a.statement';

function analyze(text: string, unknownAsHints = false) {
  return analyzeEntities({ uri: URI, text, lines: new LineIndex(text) }, index, { unknownAsHints });
}

test('a near miss of a multi-word name gets a hint with a replacing quick fix', () => {
  const text = 'We thank the Special Envoy Staffan de Mistrua and Ban Ki-Moon.';
  const { problems } = analyze(text);
  assert.deepEqual(problems.map((p) => [p.code, p.message, text.slice(p.range.start.character, p.range.end.character)]), [
    ['entity-spelling', 'Did you mean Staffan de Mistura?', 'Staffan de Mistrua'],
  ]);
  assert.deepEqual(problems[0].fixes, [{
    title: "Replace with 'Staffan de Mistura'",
    isPreferred: true,
    edit: { changes: { [URI]: [{ range: problems[0].range, newText: 'Staffan de Mistura' }] } },
  }]);
});

test('spelling hints stay quiet on right names, single words, other initials and distant names', () => {
  for (const text of [
    'Staffan de Mistura and the Syria Recovery Trust Fund.',
    'Syra and Irak are misspelt but single words.',
    'Geir Pedersen met Peir Pedersen.',
    'The North Korean delegation and the Sourth Korea office.',
    'He met Kofi Annan and later Kofi Anan.',
    'The Foreign Ministers of the participating States met.',
  ]) {
    const hints = analyze(text).problems.filter((p) => p.code === 'entity-spelling').map((p) => p.message);
    const expected = text.includes('Anan.') ? ['Did you mean Kofi Annan?'] : text.includes('Sourth') ? ['Did you mean South Korea?'] : [];
    assert.deepEqual(hints, expected, text);
  }
});

test('unknown names: capitalised phrases no catalog knows, without sentence-initial noise', () => {
  const text = [
    'Joint Statement by the Small Group of the Global Coalition',
    '',
    '  1. We support the Funding Facility for Expanded Stabilization in Iraq. The Coalition met in July.',
    'Members of the Coalition thanked Jane Roe. Members agreed. Since March the Funding Facility for',
    'Expanded Stabilization has grown.',
  ].join('\n');
  const { unknown, problems } = analyze(text, true);
  assert.deepEqual(unknown.map((u) => [u.text, u.occurrences.length]), [
    ['Funding Facility for Expanded Stabilization', 2],
    ['Coalition', 2],
    ['Jane Roe', 1],
  ]);
  const second = unknown[0].occurrences[1];
  assert.deepEqual(second.range, { start: { line: 3, character: 75 }, end: { line: 4, character: 22 } });
  assert.deepEqual(problems.filter((p) => p.code === 'entity-unknown').map((p) => [p.message, p.severity, p.range.start.line]), [
    ["'Funding Facility for Expanded Stabilization' is not in any entity catalog", 4, 2],
    ["'Funding Facility for Expanded Stabilization' is not in any entity catalog", 4, 3],
    ["'Coalition' is not in any entity catalog", 4, 2],
    ["'Coalition' is not in any entity catalog", 4, 3],
    ["'Jane Roe' is not in any entity catalog", 4, 3],
  ]);
  assert.equal(analyze(text).problems.some((p) => p.code === 'entity-unknown'), false);
});

test('entity ids for new entries are kebab-case and unique', () => {
  assert.equal(entityIdFor('Funding Facility for Expanded Stabilization', new Set()), 'funding-facility-for-expanded-stabilization');
  assert.equal(entityIdFor('Côte d’Ivoire Office', new Set(['cote-d-ivoire-office'])), 'cote-d-ivoire-office-2');
});

function apply(text: string, edit: ReturnType<typeof addEntityEdit>): string {
  assert.ok(edit?.changes);
  const [change] = edit.changes['file:///ws/c.entities.yaml'];
  const lines = new LineIndex(text);
  return text.slice(0, lines.offsetAt(change.range.start)) + change.newText + text.slice(lines.offsetAt(change.range.end));
}

const ENTRY = { id: 'ffes', type: 'organization' as const, name: 'Funding Facility for Expanded Stabilization' };

test('adding to a catalog appends to the entities list and keeps comments, order and style', () => {
  const text = [
    '# Our catalog',
    'entities:',
    '    # people first',
    '    - { id: jane, type: person, name: Jane Roe }   # flow style kept',
    '    - id: x',
    '      type: concept',
    "      name: 'Quoted: name'",
    '',
    '# references below',
    'entries:',
    '  - symbol: S/RES/1 (1946)',
  ].join('\n');
  const out = apply(text, addEntityEdit({ uri: 'file:///ws/c.entities.yaml', text }, ENTRY));
  assert.equal(out, [
    '# Our catalog',
    'entities:',
    '    # people first',
    '    - { id: jane, type: person, name: Jane Roe }   # flow style kept',
    '    - id: x',
    '      type: concept',
    "      name: 'Quoted: name'",
    '    - id: ffes',
    '      type: organization',
    '      name: Funding Facility for Expanded Stabilization',
    '',
    '# references below',
    'entries:',
    '  - symbol: S/RES/1 (1946)',
  ].join('\n'));
  assert.deepEqual(parseEntityCatalog(out, 'file:///c').entities.map((e) => e.id), ['jane', 'x', 'ffes']);
});

test('adding to a catalog without entities, with an empty list, with CRLF, or to a new file', () => {
  const uri = 'file:///ws/c.entities.yaml';
  assert.equal(apply('entries: []', addEntityEdit({ uri, text: 'entries: []' }, ENTRY)),
    'entries: []\nentities:\n  - id: ffes\n    type: organization\n    name: Funding Facility for Expanded Stabilization\n');
  assert.equal(apply('entities: []\n', addEntityEdit({ uri, text: 'entities: []\n' }, ENTRY)),
    'entities:\n  - id: ffes\n    type: organization\n    name: Funding Facility for Expanded Stabilization\n');
  assert.equal(apply('entities:\r\n# none yet\r\n', addEntityEdit({ uri, text: 'entities:\r\n# none yet\r\n' }, ENTRY)),
    'entities:\r\n  - id: ffes\r\n    type: organization\r\n    name: Funding Facility for Expanded Stabilization\r\n# none yet\r\n');
  const created = addEntityEdit({ uri, text: null }, ENTRY)!;
  assert.deepEqual(created.documentChanges![0], { kind: 'create', uri, options: { ignoreIfExists: true } });
  const body = (created.documentChanges![1] as { edits: Array<{ newText: string }> }).edits[0].newText;
  assert.deepEqual(parseDocument(body).toJS(), { entities: [ENTRY] });
  assert.equal(addEntityEdit({ uri, text: 'entities: [unclosed' }, ENTRY), null);
  assert.equal(addEntityEdit({ uri, text: 'entities: 3' }, ENTRY), null);
});

test('an acronym the text defines for something else is not the catalog entity; one defined for the entity is', () => {
  const text = 'General Smith commands the International Stabilization Force (ISF). The ISF will deploy. ' +
    'The Government of National Accord (GNA) and the Syria Recovery Trust Fund (SRTF) met.';
  const { mentions, unknown } = analyze(text);
  assert.deepEqual(mentions.map((m) => m.text), ['Government of National Accord', 'GNA', 'Syria Recovery Trust Fund', 'SRTF']);
  assert.ok(unknown.some((u) => u.text === 'International Stabilization Force'));
  assert.deepEqual(analyze('The Iraqi Security Forces (ISF) and the ISF.').mentions.map((m) => m.id), ['iraqi-security-forces', 'iraqi-security-forces', 'iraqi-security-forces']);
});
