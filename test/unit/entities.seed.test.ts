import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { analyzeEntities } from '../../server/src/core/entities/analyzeEntities';
import { EntityIndex } from '../../server/src/core/entities/entityIndex';
import { bundledEntities } from '../../server/src/core/entities/gazetteer';
import { LineIndex } from '../../server/src/core/text';
import { sharedDir } from '../shared';

const index = new EntityIndex(bundledEntities());

function analyze(text: string) {
  return analyzeEntities({ uri: 'file:///seed.txt', text, lines: new LineIndex(text) }, index);
}

test('seed statement: every actor of the quality bar is recognised', (t) => {
  const dir = sharedDir(t, 'seeds');
  if (!dir) return;
  const text = readFileSync(path.join(dir, '000_4460256eb4f47bb4.txt'), 'utf8');
  const lines = new LineIndex(text);
  const { mentions, problems, unknown } = analyze(text);
  const paragraphLine = (n: number) => lines.lineStarts.findIndex((s) => text.startsWith(`  ${n}. `, s));
  const found = (written: string, id: string) => mentions.filter((m) => m.text === written && m.id === id);

  const expected: Array<[string, string]> = [
    ['Da’esh', 'isil'], ['Daesh', 'isil'], ['Iraq', 'IRQ'], ['Syria', 'SYR'], ['Turkey', 'TUR'], ['Mosul', 'mosul'],
    ['Raqqa', 'raqqa'], ['Manbij', 'manbij'], ['Jarabulus', 'jarabulus'], ['Dabiq', 'dabiq'], ['Libya', 'LBY'],
    ['Sirte', 'sirte'], ['Kuwait', 'KWT'], ['Paris', 'paris'], ['London', 'london'], ['New York', 'new-york'],
    ['INTERPOL', 'interpol'], ['Peshmerga', 'peshmerga'], ['Iraqi Security Forces', 'iraqi-security-forces'],
    ['Government of National Accord', 'gna-libya'], ['GNA', 'gna-libya'], ['SRTF', 'srtf'],
    ['Syria Recovery Trust Fund', 'srtf'], ['Prime Minister Abadi', 'haider-al-abadi'],
    ['al-Nusra Front', 'al-nusrah-front'], ['Italy', 'ITA'], ['United Kingdom', 'GBR'],
    ['2012 Geneva Communique', 'geneva-communique'], ['Global Coalition', 'global-coalition'],
  ];
  for (const [written, id] of expected) assert.ok(found(written, id).length > 0, `${written} → ${id}`);

  // Da’esh in all its mentions: every "Da’esh"/"Daesh" in the text is a mention of ISIL.
  const written = [...text.matchAll(/Da’?esh/g)].map((m) => m.index);
  assert.deepEqual(mentions.filter((m) => m.id === 'isil').map((m) => m.start), written);
  assert.equal(written.length, 42);
  const daesh = found('Daesh', 'isil');
  assert.equal(daesh.length, 1);
  assert.equal(daesh[0].range.start.line, paragraphLine(14));
  assert.equal(text.slice(daesh[0].end, daesh[0].end + 2), '’s');
  const gna = found('Government of National Accord', 'gna-libya')[0];
  assert.equal(text.slice(gna.start, gna.end + 6), 'Government of National Accord (GNA)');

  // "Iraqi Security Forces" wins over "Iraqi"; "Syria Recovery Trust Fund" over "Syria".
  assert.equal(mentions.some((m) => m.id === 'IRQ' && text.slice(m.start, m.start + 21) === 'Iraqi Security Forces'), false);

  const spelling = problems.filter((p) => p.code === 'entity-spelling');
  assert.equal(spelling.length, 1);
  const hint = spelling[0];
  assert.equal(hint.message, 'Did you mean Staffan de Mistura?');
  assert.equal(hint.range.start.line, paragraphLine(13));
  assert.equal(text.slice(lines.offsetAt(hint.range.start), lines.offsetAt(hint.range.end)), 'Steffan de Mistura');
  assert.deepEqual(hint.fixes?.[0].edit, { changes: { 'file:///seed.txt': [{ range: hint.range, newText: 'Staffan de Mistura' }] } });

  const unknownNames = unknown.map((u) => u.text);
  assert.ok(unknownNames.includes('Funding Facility for Expanded Stabilization'));
  assert.ok(unknownNames.includes('Funding Facility for Immediate Stabilization'));
  for (const noise of ['We', 'These', 'The', 'Since', 'July', 'Steffan', 'Mistura']) assert.ok(!unknownNames.includes(noise), noise);
});

/**
 * States named in each corpus file, read off the texts by hand: names, formal names ("Kingdom of
 * Saudi Arabia", "Republic of Korea"), demonyms ("Yemeni", "Lebanese"), spellings ("Turkiye") and
 * names broken across lines ("North\nKorea"). Guinea inside "Papua New Guinea" does not count.
 */
const CORPUS_STATES: Record<string, string[]> = {
  'wh-2021-06-15-us-eu-summit-statement.txt': ['AFG', 'BLR', 'CHN', 'ETH', 'GEO', 'IRN', 'ISR', 'LBY', 'MDA', 'MMR', 'PSE', 'RUS', 'SOM', 'SYR', 'TUR', 'UKR', 'USA', 'VEN', 'YEM'],
  'wh-2021-09-24-joint-statement-quad-leaders.txt': ['AFG', 'AUS', 'CHN', 'IND', 'JPN', 'MMR', 'PRK', 'USA'],
  'wh-2022-05-24-quad-joint-leaders-statement.txt': ['AFG', 'AUS', 'CHN', 'IND', 'JPN', 'KHM', 'MMR', 'PRK', 'THA', 'UKR', 'USA'],
  'wh-2022-07-15-jeddah-communique-us-saudi-arabia.txt': ['AFG', 'BHR', 'IRN', 'IRQ', 'ISR', 'LBN', 'LBY', 'OMN', 'PSE', 'QAT', 'SAU', 'SDN', 'SYR', 'UKR', 'USA', 'YEM'],
  'wh-2022-07-16-joint-statement-us-jordan.txt': ['EGY', 'IRQ', 'ISR', 'JOR', 'PSE', 'RUS', 'SYR', 'UKR', 'USA'],
  'wh-2023-09-21-nsc-statement-meeting-pm-sudani-iraq.txt': ['IRQ', 'JOR', 'KWT', 'SAU', 'TUR', 'USA'],
  'wh-2024-01-11-joint-statement-ten-governments-red-sea.txt': ['AUS', 'BHR', 'CAN', 'DEU', 'DNK', 'GBR', 'KOR', 'NLD', 'NZL', 'USA', 'YEM'],
  'wh-2024-02-21-notice-national-emergency-libya.txt': ['LBY', 'USA'],
  'wh-2024-05-08-notice-national-emergency-syria.txt': ['IRN', 'IRQ', 'LBN', 'RUS', 'SYR', 'USA'],
  'wh-2024-06-08-french-american-roadmap.txt': ['AGO', 'BIH', 'BRA', 'BRB', 'CAN', 'CHN', 'COD', 'FRA', 'GBR', 'GEO', 'HTI', 'IND', 'IRN', 'ISR', 'JPN', 'KAZ', 'KEN', 'LBN', 'MDA', 'MKD', 'MMR', 'PRK', 'PSE', 'RUS', 'RWA', 'SDN', 'SRB', 'UKR', 'USA', 'VEN'],
  'wh-2024-09-21-wilmington-declaration-quad.txt': ['AUS', 'CHN', 'COM', 'FJI', 'IND', 'ISR', 'JPN', 'KHM', 'KIR', 'LKA', 'MDG', 'MMR', 'MUS', 'NRU', 'PHL', 'PLW', 'PNG', 'PRK', 'PSE', 'SYC', 'TLS', 'TON', 'TUV', 'UKR', 'USA', 'VNM'],
  'wh-2024-11-30-nsc-spokesperson-statement-on-syria.txt': ['IRN', 'RUS', 'SYR', 'USA'],
  'wh-2024-12-12-g7-leaders-statement-on-syria.txt': ['ISR', 'SYR'],
  'wh-2025-09-25-gold-star-mothers-day-proclamation.txt': ['AFG', 'USA'],
  'wh-2026-01-16-statement-gaza-comprehensive-plan.txt': ['ISR', 'USA'],
};

test('corpus: the states each real statement names are found, and no others', (t) => {
  const dir = sharedDir(t, 'corpus');
  if (!dir) return;
  const files = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();
  assert.deepEqual(files, Object.keys(CORPUS_STATES).sort());
  for (const file of files) {
    const text: string = readFileSync(path.join(dir, file), 'utf8');
    const states: Set<string> = new Set(index.find(text, new LineIndex(text)).filter((m) => /^[A-Z]{3}$/.test(m.id)).map((m) => m.id));
    assert.deepEqual([...states].sort(), CORPUS_STATES[file], file);
  }
});
