import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { LineIndex } from '../../server/src/core/text';
import { createCatalogStore, findReferences } from '../../server/src/core/references';
import { sharedDir } from '../shared';

const store = createCatalogStore();

/**
 * Every reference in each real statement of ../shared/corpus (its README lists the Security Council ones;
 * the General Assembly ones are in the text too): [text as written, symbol, line (0-based)].
 */
const expected: Record<string, [string, string, number][]> = {
  'wh-2021-06-15-us-eu-summit-statement.txt': [['UNSC resolution 2254', 'S/RES/2254 (2015)', 412]],
  'wh-2021-09-24-joint-statement-quad-leaders.txt': [['UNSCR 2593', 'S/RES/2593 (2021)', 176]],
  'wh-2022-05-24-quad-joint-leaders-statement.txt': [
    ['UNSC Resolution\n2593 (2021)', 'S/RES/2593 (2021)', 103],
    ['UNSC\nResolution 1267(1999)', 'S/RES/1267 (1999)', 111],
  ],
  'wh-2022-07-15-jeddah-communique-us-saudi-arabia.txt': [
    ['UN Security Council Resolution 2216 (2015)', 'S/RES/2216 (2015)', 209],
    ['UN Security Council\nResolution 2254 (2015)', 'S/RES/2254 (2015)', 259],
    ['UN\nGeneral Assembly Resolution ES-11/1', 'A/RES/ES-11/1', 289],
    ['United Nations Security Council Resolution 2570 (2021)', 'S/RES/2570 (2021)', 314],
  ],
  'wh-2022-07-16-joint-statement-us-jordan.txt': [
    ['United Nations General Assembly resolutions ES-11/1', 'A/RES/ES-11/1', 62],
    ['ES-11/2', 'A/RES/ES-11/2', 63],
    ['United Nations\nSecurity Council Resolution 2254 (2015)', 'S/RES/2254 (2015)', 75],
  ],
  'wh-2023-09-21-nsc-statement-meeting-pm-sudani-iraq.txt': [['UNSCR 833', 'S/RES/833 (1993)', 18]],
  'wh-2024-01-11-joint-statement-ten-governments-red-sea.txt': [['UNSCR 2722', 'S/RES/2722 (2024)', 14]],
  'wh-2024-02-21-notice-national-emergency-libya.txt': [['United Nations\nSecurity Council Resolution 1970 (2011)', 'S/RES/1970 (2011)', 23]],
  'wh-2024-05-08-notice-national-emergency-syria.txt': [['United Nations Security Council Resolution 2254', 'S/RES/2254 (2015)', 46]],
  'wh-2024-06-08-french-american-roadmap.txt': [['UNSCR1701', 'S/RES/1701 (2006)', 128]],
  'wh-2024-09-21-wilmington-declaration-quad.txt': [['UNSCR S/RES/2735 (2024)', 'S/RES/2735 (2024)', 598]],
  'wh-2024-11-30-nsc-spokesperson-statement-on-syria.txt': [
    ['UNSCR 2254', 'S/RES/2254 (2015)', 5],
    ['UNSCR 2254', 'S/RES/2254 (2015)', 13],
  ],
  'wh-2024-12-12-g7-leaders-statement-on-syria.txt': [['UN Security Council Resolution 2254', 'S/RES/2254 (2015)', 5]],
  // "Senate Joint Resolution 115" is a US Congress resolution: nothing.
  'wh-2025-09-25-gold-star-mothers-day-proclamation.txt': [],
  'wh-2026-01-16-statement-gaza-comprehensive-plan.txt': [['United Nations Security Council\nResolution 2803 (2025)', 'S/RES/2803 (2025)', 24]],
};

test('every reference in the real statements of ../shared/corpus, and nothing else', (t) => {
  const dir = sharedDir(t, 'corpus');
  if (dir === undefined) return;
  const files = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();
  assert.deepEqual(files, Object.keys(expected).sort());
  for (const file of files) {
    const text: string = readFileSync(path.join(dir, file), 'utf8');
    const refs = findReferences(new LineIndex(text), store);
    assert.deepEqual(refs.map((r) => [r.text, r.symbol, r.range.start.line]), expected[file], file);
    for (const r of refs) assert.equal(text.slice(r.start, r.end), r.text);
  }
});

test('corpus: the redundant "UNSCR S/RES/2735 (2024)" is one reference; 2722, 2735 and 2803 are marked approximate', (t) => {
  const dir = sharedDir(t, 'corpus');
  if (dir === undefined) return;
  const read = (f: string) => findReferences(new LineIndex(readFileSync(path.join(dir, f), 'utf8')), store);
  const [wilmington] = read('wh-2024-09-21-wilmington-declaration-quad.txt');
  assert.deepEqual([wilmington.text, wilmington.year, wilmington.status, wilmington.approximate], ['UNSCR S/RES/2735 (2024)', '2024', 'catalogued', true]);
  const [gaza] = read('wh-2026-01-16-statement-gaza-comprehensive-plan.txt');
  assert.deepEqual([gaza.status, gaza.approximate, gaza.yearMismatch], ['catalogued', true, false]);
  const [libya] = read('wh-2024-02-21-notice-national-emergency-libya.txt');
  assert.deepEqual([libya.status, libya.approximate, libya.adoptedYear], ['catalogued', false, 2011]);
});

test('seed: p7 "UNSCRs 2254 and 2258" is two references, p13 two more, nothing in "political resolution"', (t) => {
  const dir = sharedDir(t, 'seeds');
  if (dir === undefined) return;
  const [file] = readdirSync(dir).filter((f) => f.endsWith('.txt'));
  const text = readFileSync(path.join(dir, file), 'utf8');
  const lines = new LineIndex(text);
  const refs = findReferences(lines, store);
  const p7 = lines.lineStarts.findIndex((s) => text.startsWith('  7. ', s));
  const p13 = lines.lineStarts.findIndex((s) => text.startsWith('  13. ', s));
  assert.deepEqual(refs.map((r) => [r.text, r.symbol, r.range.start.line]), [
    ['UNSCRs 2254', 'S/RES/2254 (2015)', p7],
    ['2258', 'S/RES/2258 (2015)', p7],
    ['UN Security Council Resolution 2254', 'S/RES/2254 (2015)', p13],
    ['UNSCR 2254', 'S/RES/2254 (2015)', p13],
  ]);
  const political = text.indexOf('political resolution to the conflict');
  assert.ok(political > 0);
  assert.ok(refs.every((r) => r.end <= political || r.start >= political + 'political resolution to the conflict'.length));
});
