import assert from 'node:assert/strict';
import { test } from 'node:test';
import { EntityIndex } from '../../server/src/core/entities/entityIndex';
import { bundledEntities } from '../../server/src/core/entities/gazetteer';
import { EntityMatcher } from '../../server/src/core/entities/recognizer';
import type { Entity } from '../../server/src/core/entities/types';
import { LineIndex } from '../../server/src/core/text';

const index = new EntityIndex(bundledEntities());

function find(text: string) {
  return index.find(text, new LineIndex(text)).map((m) => [m.text, m.id, m.type, m.mention]);
}

// [text, expected mentions as [text as written, id, type, mention kind]]
const TABLE: Array<[string, Array<[string, string, string, string]>]> = [
  // names, aliases, acronyms, demonyms, translations
  ['Talks on Syria resumed.', [['Syria', 'SYR', 'location', 'name']]],
  ['The Syrian Arab Republic replied.', [['Syrian Arab Republic', 'SYR', 'location', 'alias']]],
  ['Syrian refugees and Syrians abroad.', [['Syrian', 'SYR', 'location', 'demonym'], ['Syrians', 'SYR', 'location', 'demonym']]],
  ['Iraqi police were trained.', [['Iraqi', 'IRQ', 'location', 'demonym']]],
  ['La Syrie et la Turquie.', [['Syrie', 'SYR', 'location', 'translation'], ['Turquie', 'TUR', 'location', 'translation']]],
  ['مجلس الأمن و سوريا', [['مجلس الأمن', 'security-council', 'organization', 'translation'], ['سوريا', 'SYR', 'location', 'translation']]],
  ['叙利亚的局势', [['叙利亚', 'SYR', 'location', 'translation']]],
  ['Сирия и Ирак', [['Сирия', 'SYR', 'location', 'translation'], ['Ирак', 'IRQ', 'location', 'translation']]],
  ['UNHCR and OCHA briefed the Council.', [['UNHCR', 'unhcr', 'organization', 'acronym'], ['OCHA', 'ocha', 'organization', 'acronym']]],
  ['MINUSMA, UNSMIL, UNITAD and CTED.', [['MINUSMA', 'minusma', 'organization', 'acronym'], ['UNSMIL', 'unsmil', 'organization', 'acronym'], ['UNITAD', 'unitad', 'organization', 'acronym'], ['CTED', 'cted', 'organization', 'acronym']]],
  ['INTERPOL joined the Coalition.', [['INTERPOL', 'interpol', 'organization', 'name']]],
  ['Hezbollah and Al-Shabaab', [['Hezbollah', 'hizballah', 'organization', 'alias'], ['Al-Shabaab', 'al-shabaab', 'organization', 'name']]],
  ['Boko Haram in Borno', [['Boko Haram', 'boko-haram', 'organization', 'name'], ['Borno', 'borno', 'location', 'name']]],
  ['Fighting in Deir ez-Zor and Idlib.', [['Deir ez-Zor', 'deir-ez-zor', 'location', 'name'], ['Idlib', 'idlib', 'location', 'name']]],
  ['flights to Bamako and Niamey', [['Bamako', 'bamako', 'location', 'name'], ['Niamey', 'niamey', 'location', 'name']]],
  ['the UN Charter and the Paris Agreement', [['UN Charter', 'un-charter', 'document', 'alias'], ['Paris Agreement', 'paris-agreement', 'document', 'name']]],
  ['the Global Counter-Terrorism Strategy', [['Global Counter-Terrorism Strategy', 'gcts', 'document', 'alias']]],
  ['Special Envoy Staffan de Mistura', [['Special Envoy', 'special-envoy', 'role', 'name'], ['Staffan de Mistura', 'staffan-de-mistura', 'person', 'name']]],
  // normalisation: apostrophes, possessives, diacritics, hyphens and dashes, NBSP, line breaks
  ['Da’esh, Da\'esh, Daʼesh and Daesh', [['Da’esh', 'isil', 'organization', 'alias'], ['Da\'esh', 'isil', 'organization', 'alias'], ['Daʼesh', 'isil', 'organization', 'alias'], ['Daesh', 'isil', 'organization', 'alias']]],
  ['Da’esh’s fighters and Turkey’s border', [['Da’esh', 'isil', 'organization', 'alias'], ['Turkey', 'TUR', 'location', 'alias']]],
  ['ISIL and ISIS and the Islamic State', [['ISIL', 'isil', 'organization', 'acronym'], ['ISIS', 'isil', 'organization', 'acronym'], ['Islamic State', 'isil', 'organization', 'alias']]],
  ['the 2012 Geneva Communique', [['2012 Geneva Communique', 'geneva-communique', 'document', 'alias']]],
  ['the Geneva Communiqué', [['Geneva Communiqué', 'geneva-communique', 'document', 'name']]],
  ['Deir ez–Zor', [['Deir ez–Zor', 'deir-ez-zor', 'location', 'name']]],
  ['Deir ez Zor', [['Deir ez Zor', 'deir-ez-zor', 'location', 'name']]],
  ['New\u00a0York', [['New\u00a0York', 'new-york', 'location', 'name']]],
  ['Syria Recovery\n  Trust Fund', [['Syria Recovery\n  Trust Fund', 'srtf', 'organization', 'name']]],
  ['Syria Recovery\r\nTrust Fund', [['Syria Recovery\r\nTrust Fund', 'srtf', 'organization', 'name']]],
  ['al-Nusra Front. Al-Nusra Front. Jabhat al-Nusra. HTS.', [['al-Nusra Front', 'al-nusrah-front', 'organization', 'alias'], ['Al-Nusra Front', 'al-nusrah-front', 'organization', 'alias'], ['Jabhat al-Nusra', 'al-nusrah-front', 'organization', 'alias'], ['HTS', 'al-nusrah-front', 'organization', 'acronym']]],
  ['Côte d’Ivoire and Cote d\'Ivoire', [['Côte d’Ivoire', 'CIV', 'location', 'name'], ['Cote d\'Ivoire', 'CIV', 'location', 'name']]],
  ['Dag Hammarskjold', [['Dag Hammarskjold', 'dag-hammarskjold', 'person', 'name']]],
  // longest match wins
  ['the Iraqi Security Forces', [['Iraqi Security Forces', 'iraqi-security-forces', 'organization', 'name']]],
  ['the Syria Recovery Trust Fund (SRTF)', [['Syria Recovery Trust Fund', 'srtf', 'organization', 'name'], ['SRTF', 'srtf', 'organization', 'acronym']]],
  ['Prime Minister Abadi', [['Prime Minister Abadi', 'haider-al-abadi', 'person', 'alias']]],
  ['the Prime Minister', [['Prime Minister', 'prime-minister', 'role', 'name']]],
  ['the UN Security Council', [['UN Security Council', 'security-council', 'organization', 'alias']]],
  ['Government of National Accord (GNA)', [['Government of National Accord', 'gna-libya', 'organization', 'name'], ['GNA', 'gna-libya', 'organization', 'acronym']]],
  ['Papua New Guinea', [['Papua New Guinea', 'PNG', 'location', 'name']]],
  // false friends: case, word boundaries, personal names, sentence starts
  ['we talked turkey over syria', []],
  ['Syrianness and Iraqization', []],
  ['the un-designated area', []],
  ['IT systems in the US', [['US', 'USA', 'location', 'alias']]],
  ['Chad Smith met the envoy.', []],
  ['He thanked Chad Smith.', []],
  ['Chad and Niger signed.', [['Niger', 'NER', 'location', 'name']]],
  ['Troops from Chad and Niger signed.', [['Chad', 'TCD', 'location', 'name'], ['Niger', 'NER', 'location', 'name']]],
  ['Forces left Chad.', [['Chad', 'TCD', 'location', 'name']]],
  ['Jordan Peterson spoke; aid reached Jordan.', [['Jordan', 'JOR', 'location', 'name']]],
  ['We met Victoria Nuland.', []],
  ['Flights to Malé resumed.', [['Malé', 'male', 'location', 'name']]],
  ['Male and female staff.', []],
];

for (const [text, expected] of TABLE) {
  test(`mentions in ${JSON.stringify(text)}`, () => {
    assert.deepEqual(find(text), expected);
  });
}

test('mentions carry exact offsets and LSP ranges, across line breaks', () => {
  const text = 'First line.\r\nSupport for the Syria Recovery\r\n  Trust Fund and Mosul.';
  const [fund, mosul] = index.find(text, new LineIndex(text));
  assert.equal(fund.start, text.indexOf('Syria'));
  assert.equal(fund.end, text.indexOf(' and Mosul'));
  assert.deepEqual(fund.range, { start: { line: 1, character: 16 }, end: { line: 2, character: 12 } });
  assert.equal(fund.name, 'Syria Recovery Trust Fund');
  assert.deepEqual(mosul.range, { start: { line: 2, character: 17 }, end: { line: 2, character: 22 } });
});

test('a range scan looks only between from and to', () => {
  const text = 'Iraq, Syria, Libya';
  assert.deepEqual(index.find(text, new LineIndex(text), 6, 11).map((m) => m.id), ['SYR']);
});

function entity(id: string, name: string, extra: Partial<Entity> = {}): Entity {
  return { id, type: 'organization', name, aliases: [], acronyms: [], demonyms: [], names: {}, ambiguous: [], links: [], roles: [], ...extra };
}

test('workspace entries override bundled ones by id and win shared names', () => {
  const ws = new EntityIndex(bundledEntities(), [
    entity('SYR', 'Syria', { type: 'location', description: 'Workspace note' }),
    entity('isf-gaza', 'International Stabilization Force', { acronyms: ['ISF'] }),
  ]);
  assert.equal(ws.byId.get('SYR')!.description, 'Workspace note');
  const text = 'The ISF and the International Stabilization Force in Syria';
  assert.deepEqual(ws.find(text, new LineIndex(text)).map((m) => m.id), ['isf-gaza', 'isf-gaza', 'SYR']);
  assert.equal(index.find(text, new LineIndex(text))[0].id, 'iraqi-security-forces');
});

test('ancestors follow parents and stop at cycles', () => {
  const ws = new EntityIndex([], [entity('a', 'A', { parent: 'b' }), entity('b', 'B', { parent: 'a' })]);
  assert.deepEqual(ws.ancestors(ws.byId.get('a')!).map((e) => e.id), ['b']);
  assert.deepEqual(index.ancestors(index.byId.get('sinjar')!).map((e) => e.id), ['ninewa', 'IRQ']);
});

test('matching work does not depend on catalog size: a name absent from the text costs nothing', () => {
  const small = new EntityMatcher([entity('x', 'Mosul')]);
  const text = 'Aid to Mosul.';
  assert.deepEqual(small.find(text, new LineIndex(text)).map((m) => m.text), ['Mosul']);
  assert.ok(index.matcher.size > 10_000, 'the bundled trie holds the whole gazetteer');
});
