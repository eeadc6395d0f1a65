import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LineIndex } from '../../server/src/core/text';
import { recogniseReferences } from '../../server/src/core/references/recognise';

// One expected reference: [text as written, kind, body, symbol, number, session, year, pinpoint path].
type Row = [string, string, string | null, string, string | null, string | null, string | null, string | null];
const R = 'resolution';

/** Phrasing → every reference in it, in order. The text of each must occur in the phrasing (first free spot). */
const table: [string, Row[]][] = [
  // Security Council, informal and formal
  ['in accord with UNSCR 2254.', [['UNSCR 2254', R, 'SC', 'S/RES/2254', '2254', null, null, null]]],
  ['UNSCRs 2254 and 2258', [['UNSCRs 2254', R, 'SC', 'S/RES/2254', '2254', null, null, null], ['2258', R, 'SC', 'S/RES/2258', '2258', null, null, null]]],
  ['UNSC Resolution 2254', [['UNSC Resolution 2254', R, 'SC', 'S/RES/2254', '2254', null, null, null]]],
  ['UNSC resolution 2254.', [['UNSC resolution 2254', R, 'SC', 'S/RES/2254', '2254', null, null, null]]],
  ['the UN Security Council Resolution 2254, aimed', [['UN Security Council Resolution 2254', R, 'SC', 'S/RES/2254', '2254', null, null, null]]],
  ['United Nations Security Council Resolution 2570 (2021).', [['United Nations Security Council Resolution 2570 (2021)', R, 'SC', 'S/RES/2570 (2021)', '2570', null, '2021', null]]],
  ['U.N. Security Council resolution 1441', [['U.N. Security Council resolution 1441', R, 'SC', 'S/RES/1441', '1441', null, null, null]]],
  ['Security Council resolution 2254 (2015)', [['Security Council resolution 2254 (2015)', R, 'SC', 'S/RES/2254 (2015)', '2254', null, '2015', null]]],
  ['Security council resolution 2254', [['Security council resolution 2254', R, 'SC', 'S/RES/2254', '2254', null, null, null]]],
  ['Recalling its resolution 2254 (2015),', [['resolution 2254 (2015)', R, 'SC', 'S/RES/2254 (2015)', '2254', null, '2015', null]]],
  ['resolution 2254 (2015)', [['resolution 2254 (2015)', R, 'SC', 'S/RES/2254 (2015)', '2254', null, '2015', null]]],
  ['Resolution 1267(1999).', [['Resolution 1267(1999)', R, 'SC', 'S/RES/1267 (1999)', '1267', null, '1999', null]]],
  ['consistent with UNSCR1701. In', [['UNSCR1701', R, 'SC', 'S/RES/1701', '1701', null, null, null]]],
  ['S/RES/2254 (2015)', [['S/RES/2254 (2015)', R, 'SC', 'S/RES/2254 (2015)', '2254', null, '2015', null]]],
  ['S/RES/2254(2015)', [['S/RES/2254(2015)', R, 'SC', 'S/RES/2254 (2015)', '2254', null, '2015', null]]],
  ['see S/RES/2254.', [['S/RES/2254', R, 'SC', 'S/RES/2254', '2254', null, null, null]]],
  ['SC Res 2397 (2017)', [['SC Res 2397 (2017)', R, 'SC', 'S/RES/2397 (2017)', '2397', null, '2017', null]]],
  ['SC Res. 2397 (2017)', [['SC Res. 2397 (2017)', R, 'SC', 'S/RES/2397 (2017)', '2397', null, '2017', null]]],
  ['UNSC Res 1373', [['UNSC Res 1373', R, 'SC', 'S/RES/1373', '1373', null, null, null]]],
  ['RESOLUTION 1325 (2000)', [['RESOLUTION 1325 (2000)', R, 'SC', 'S/RES/1325 (2000)', '1325', null, '2000', null]]],
  ['resolution 242 ( 1967 )', [['resolution 242 ( 1967 )', R, 'SC', 'S/RES/242 (1967)', '242', null, '1967', null]]],
  ['We welcome UNSCR S/RES/2735 (2024), and', [['UNSCR S/RES/2735 (2024)', R, 'SC', 'S/RES/2735 (2024)', '2735', null, '2024', null]]],
  ['Resolution 2803 (2025), which endorsed', [['Resolution 2803 (2025)', R, 'SC', 'S/RES/2803 (2025)', '2803', null, '2025', null]]],
  ['(resolution 2139)', [['resolution 2139', R, 'SC', 'S/RES/2139', '2139', null, null, null]]],
  ['“resolution 2165”', [['resolution 2165', R, 'SC', 'S/RES/2165', '2165', null, null, null]]],
  ['"resolution 2165"', [['resolution 2165', R, 'SC', 'S/RES/2165', '2165', null, null, null]]],
  ['resolution 22540', [['resolution 22540', R, 'SC', 'S/RES/22540', '22540', null, null, null]]],
  ['resolution 9999 (2017)', [['resolution 9999 (2017)', R, 'SC', 'S/RES/9999 (2017)', '9999', null, '2017', null]]],
  // Lists
  ['resolutions 1267 (1999), 1373 (2001), 2170 (2014) and 2253 (2015)', [
    ['resolutions 1267 (1999)', R, 'SC', 'S/RES/1267 (1999)', '1267', null, '1999', null],
    ['1373 (2001)', R, 'SC', 'S/RES/1373 (2001)', '1373', null, '2001', null],
    ['2170 (2014)', R, 'SC', 'S/RES/2170 (2014)', '2170', null, '2014', null],
    ['2253 (2015)', R, 'SC', 'S/RES/2253 (2015)', '2253', null, '2015', null]]],
  ['UNSCRs 2139, 2165 and 2258', [
    ['UNSCRs 2139', R, 'SC', 'S/RES/2139', '2139', null, null, null],
    ['2165', R, 'SC', 'S/RES/2165', '2165', null, null, null],
    ['2258', R, 'SC', 'S/RES/2258', '2258', null, null, null]]],
  ['resolutions 1970 (2011) as well as 1973 (2011)', [
    ['resolutions 1970 (2011)', R, 'SC', 'S/RES/1970 (2011)', '1970', null, '2011', null],
    ['1973 (2011)', R, 'SC', 'S/RES/1973 (2011)', '1973', null, '2011', null]]],
  ['resolutions 2139, 2165, and 2191', [
    ['resolutions 2139', R, 'SC', 'S/RES/2139', '2139', null, null, null],
    ['2165', R, 'SC', 'S/RES/2165', '2165', null, null, null],
    ['2191', R, 'SC', 'S/RES/2191', '2191', null, null, null]]],
  ['Security Council resolutions 1325 (2000) and 1820 (2008)', [
    ['Security Council resolutions 1325 (2000)', R, 'SC', 'S/RES/1325 (2000)', '1325', null, '2000', null],
    ['1820 (2008)', R, 'SC', 'S/RES/1820 (2008)', '1820', null, '2008', null]]],
  ['resolution 1970 (2011) and 1973 (2011)', [
    ['resolution 1970 (2011)', R, 'SC', 'S/RES/1970 (2011)', '1970', null, '2011', null],
    ['1973 (2011)', R, 'SC', 'S/RES/1973 (2011)', '1973', null, '2011', null]]],
  ['resolutions 2254 or 2258', [
    ['resolutions 2254', R, 'SC', 'S/RES/2254', '2254', null, null, null],
    ['2258', R, 'SC', 'S/RES/2258', '2258', null, null, null]]],
  ['resolution 2254 and 15 members', [['resolution 2254', R, 'SC', 'S/RES/2254', '2254', null, null, null]]],
  ['UNSCR 2254 and 2,000 people', [['UNSCR 2254', R, 'SC', 'S/RES/2254', '2254', null, null, null]]],
  ['resolutions 2254 (2015) and 2.5 million', [['resolutions 2254 (2015)', R, 'SC', 'S/RES/2254 (2015)', '2254', null, '2015', null]]],
  // Pinpoints
  ['paragraph 6 of resolution 2178 (2014)', [['resolution 2178 (2014)', R, 'SC', 'S/RES/2178 (2014)', '2178', null, '2014', '6']]],
  ['paragraph 11 (j) of resolution 1244 (1999)', [['resolution 1244 (1999)', R, 'SC', 'S/RES/1244 (1999)', '1244', null, '1999', '11.j']]],
  ['paragraph 11(j)(ii) of resolution 1244 (1999)', [['resolution 1244 (1999)', R, 'SC', 'S/RES/1244 (1999)', '1244', null, '1999', '11.j.ii']]],
  ['OP 3 of resolution 2254', [['resolution 2254', R, 'SC', 'S/RES/2254', '2254', null, null, '3']]],
  ['operative paragraph 8 of Security Council resolution 2396 (2017)', [['Security Council resolution 2396 (2017)', R, 'SC', 'S/RES/2396 (2017)', '2396', null, '2017', '8']]],
  ['paragraph 4 of the UNSCR 2593', [['UNSCR 2593', R, 'SC', 'S/RES/2593', '2593', null, null, '4']]],
  ['para. 5 of resolution 2216 (2015)', [['resolution 2216 (2015)', R, 'SC', 'S/RES/2216 (2015)', '2216', null, '2015', '5']]],
  ['PP 2 of resolution 2254 (2015)', [['resolution 2254 (2015)', R, 'SC', 'S/RES/2254 (2015)', '2254', null, '2015', 'PP2']]],
  ['preambular paragraph 4 of resolution 1325', [['resolution 1325', R, 'SC', 'S/RES/1325', '1325', null, null, 'PP4']]],
  ['paragraph 2 of S/RES/2249 (2015)', [['S/RES/2249 (2015)', R, 'SC', 'S/RES/2249 (2015)', '2249', null, '2015', '2']]],
  ['subparagraph 3 of resolution 2254', [['resolution 2254', R, 'SC', 'S/RES/2254', '2254', null, null, null]]],
  // General Assembly
  ['General Assembly resolution 70/1', [['General Assembly resolution 70/1', R, 'GA', 'A/RES/70/1', '1', '70', null, null]]],
  ['UN General Assembly Resolution ES-11/1, endorsed', [['UN General Assembly Resolution ES-11/1', R, 'GA', 'A/RES/ES-11/1', '1', 'ES-11', null, null]]],
  ['resolution 60/288', [['resolution 60/288', R, 'GA', 'A/RES/60/288', '288', '60', null, null]]],
  ['A/RES/70/1', [['A/RES/70/1', R, 'GA', 'A/RES/70/1', '1', '70', null, null]]],
  ['resolution 57/270 B', [['resolution 57/270 B', R, 'GA', 'A/RES/57/270 B', '270', '57', null, null]]],
  ['A/RES/57/270 B.', [['A/RES/57/270 B', R, 'GA', 'A/RES/57/270 B', '270', '57', null, null]]],
  ['resolution ES-10/2', [['resolution ES-10/2', R, 'GA', 'A/RES/ES-10/2', '2', 'ES-10', null, null]]],
  ['A/RES/ES-10/2', [['A/RES/ES-10/2', R, 'GA', 'A/RES/ES-10/2', '2', 'ES-10', null, null]]],
  ['resolution S-15/1', [['resolution S-15/1', R, 'GA', 'A/RES/S-15/1', '1', 'S-15', null, null]]],
  ['A/RES/S-26/2', [['A/RES/S-26/2', R, 'GA', 'A/RES/S-26/2', '2', 'S-26', null, null]]],
  ['GA resolution 75/1', [['GA resolution 75/1', R, 'GA', 'A/RES/75/1', '1', '75', null, null]]],
  ['UNGA Res 68/262', [['UNGA Res 68/262', R, 'GA', 'A/RES/68/262', '262', '68', null, null]]],
  ['General Assembly resolution 3379 (XXX)', [['General Assembly resolution 3379 (XXX)', R, 'GA', 'A/RES/3379 (XXX)', '3379', '30', null, null]]],
  ['A/RES/181 (II)', [['A/RES/181 (II)', R, 'GA', 'A/RES/181 (II)', '181', '2', null, null]]],
  ['United Nations General Assembly resolutions ES-11/1 and\nES-11/2, on', [
    ['United Nations General Assembly resolutions ES-11/1', R, 'GA', 'A/RES/ES-11/1', '1', 'ES-11', null, null],
    ['ES-11/2', R, 'GA', 'A/RES/ES-11/2', '2', 'ES-11', null, null]]],
  ['General Assembly resolutions 60/1 and 60/288', [
    ['General Assembly resolutions 60/1', R, 'GA', 'A/RES/60/1', '1', '60', null, null],
    ['60/288', R, 'GA', 'A/RES/60/288', '288', '60', null, null]]],
  // Human Rights Council, ECOSOC
  ['Human Rights Council resolution 31/1', [['Human Rights Council resolution 31/1', R, 'HRC', 'A/HRC/RES/31/1', '1', '31', null, null]]],
  ['HRC resolution S-29/1', [['HRC resolution S-29/1', R, 'HRC', 'A/HRC/RES/S-29/1', '1', 'S-29', null, null]]],
  ['A/HRC/RES/31/1', [['A/HRC/RES/31/1', R, 'HRC', 'A/HRC/RES/31/1', '1', '31', null, null]]],
  ['A/HRC/RES/S-33/1', [['A/HRC/RES/S-33/1', R, 'HRC', 'A/HRC/RES/S-33/1', '1', 'S-33', null, null]]],
  ['E/RES/2019/4', [['E/RES/2019/4', R, 'ECOSOC', 'E/RES/2019/4', '4', '2019', '2019', null]]],
  ['ECOSOC resolution 2019/4', [['ECOSOC resolution 2019/4', R, 'ECOSOC', 'E/RES/2019/4', '4', '2019', '2019', null]]],
  ['Economic and Social Council resolution 2006/46', [['Economic and Social Council resolution 2006/46', R, 'ECOSOC', 'E/RES/2006/46', '46', '2006', '2006', null]]],
  // Presidential statements and other documents
  ['S/PRST/2015/11', [['S/PRST/2015/11', 'presidential-statement', 'SC', 'S/PRST/2015/11', '11', null, '2015', null]]],
  ['(S/PRST/2018/1).', [['S/PRST/2018/1', 'presidential-statement', 'SC', 'S/PRST/2018/1', '1', null, '2018', null]]],
  ['S/2017/573', [['S/2017/573', 'document', 'SC', 'S/2017/573', '573', null, '2017', null]]],
  ['A/HRC/32/CRP.1', [['A/HRC/32/CRP.1', 'document', 'HRC', 'A/HRC/32/CRP.1', 'CRP.1', '32', null, null]]],
  ['S/2017/573/Rev.1', [['S/2017/573/Rev.1', 'document', 'SC', 'S/2017/573/Rev.1', '573', null, '2017', null]]],
  ['A/70/1/Add.1', [['A/70/1/Add.1', 'document', 'GA', 'A/70/1/Add.1', '1', '70', null, null]]],
  ['S/2000/809/Corr.1,', [['S/2000/809/Corr.1', 'document', 'SC', 'S/2000/809/Corr.1', '809', null, '2000', null]]],
  ['S/PV.7588', [['S/PV.7588', 'document', 'SC', 'S/PV.7588', 'PV.7588', null, null, null]]],
  ['A/75/L.5', [['A/75/L.5', 'document', 'GA', 'A/75/L.5', 'L.5', '75', null, null]]],
  ['report (S/2018/10).', [['S/2018/10', 'document', 'SC', 'S/2018/10', '10', null, '2018', null]]],
  // Spacing, line breaks, quotes
  ['UN Security Council\nResolution 2254 (2015)', [['UN Security Council\nResolution 2254 (2015)', R, 'SC', 'S/RES/2254 (2015)', '2254', null, '2015', null]]],
  ['UN Security Council\r\nResolution 2216 (2015)', [['UN Security Council\r\nResolution 2216 (2015)', R, 'SC', 'S/RES/2216 (2015)', '2216', null, '2015', null]]],
  ['UNSC Resolution\n2593 (2021)', [['UNSC Resolution\n2593 (2021)', R, 'SC', 'S/RES/2593 (2021)', '2593', null, '2021', null]]],
  ['resolution\u00A02254\u00A0(2015)', [['resolution\u00A02254\u00A0(2015)', R, 'SC', 'S/RES/2254 (2015)', '2254', null, '2015', null]]],
  ['resolution\u202F2254\u2009(2015)', [['resolution\u202F2254\u2009(2015)', R, 'SC', 'S/RES/2254 (2015)', '2254', null, '2015', null]]],
  ['Security\u00A0Council resolution 1373', [['Security\u00A0Council resolution 1373', R, 'SC', 'S/RES/1373', '1373', null, null, null]]],
  ['resolutions 1267 (1999),\n    1373 (2001)', [
    ['resolutions 1267 (1999)', R, 'SC', 'S/RES/1267 (1999)', '1267', null, '1999', null],
    ['1373 (2001)', R, 'SC', 'S/RES/1373 (2001)', '1373', null, '2001', null]]],
  ['‘UNSCR 2254’', [['UNSCR 2254', R, 'SC', 'S/RES/2254', '2254', null, null, null]]],
];

/** Phrasings that hold no reference at all. */
const negatives: string[] = [
  'a political resolution to the conflict',
  'A negotiated political resolution to the conflict is essential',
  'no resolution of these crises',
  'the resolution adopted in Bamako',
  'The Congress, by Senate Joint Resolution 115 of June 23, 1936',
  'House Resolution 24',
  'House Concurrent Resolution 7',
  'Senate Resolution 1 (2021)',
  'over 1,050,000 to date',
  'more than $2.3 billion',
  'in 2016 and 2017',
  'on 20 October 2016',
  'the February 2016 London Conference',
  '26/11 Mumbai and Pathankot attacks',
  'United Nations Security Council Resolutions (UNSCRs) and',
  'in violation of UNSCRs, and',
  'implement these resolutions.',
  'peaceful resolution of disputes',
  'resolution of the issue of Japanese abductees',
  'Res 5 of the board',
  'irresolution 2254',
  'resolution 123456',
  'resolution 2254th',
  'resolution 12%',
  'resolution 1.5',
  'A/C unit',
  'and/or',
  'S/2017',
  'http://example.org/S/2017/573',
  'US/2017/5',
  'the 24/7 service',
  'UNSCR sanctions',
  'relevant UN Security Council resolutions and the Taif Accord',
  'a resolution (2015)',
  'Security Council resolution',
];

function check(input: string, expected: Row[]) {
  const lines = new LineIndex(input);
  const got = recogniseReferences(lines);
  let searchFrom = 0;
  const want = expected.map(([text, kind, body, symbol, number, session, year, pin]) => {
    const start = input.indexOf(text, searchFrom);
    assert.ok(start >= 0, `test table error: ${JSON.stringify(text)} not in ${JSON.stringify(input)}`);
    searchFrom = start + text.length;
    return {
      text, start, end: start + text.length, range: lines.range(start, start + text.length), kind, body, symbol, number,
      session, year, pinpoint: pin,
    };
  });
  assert.deepEqual(
    got.map((r) => ({
      text: r.text, start: r.start, end: r.end, range: r.range, kind: r.kind, body: r.body, symbol: r.symbol,
      number: r.number, session: r.session ?? null, year: r.year, pinpoint: r.pinpoint?.path ?? null,
    })),
    want,
    JSON.stringify(input),
  );
}

test('the table holds at least 100 phrasings', () => {
  assert.ok(table.length + negatives.length >= 100, `${table.length + negatives.length} phrasings`);
});

for (const [input, expected] of table) {
  test(`recognises ${JSON.stringify(input)}`, () => check(input, expected));
}
for (const input of negatives) {
  test(`finds nothing in ${JSON.stringify(input)}`, () => check(input, []));
}

test('a reference keeps its exact range when embedded in a longer text', () => {
  const input = 'Intro line.\n\n  7. We act — in accord with UNSCRs 2254 and 2258.\n';
  const lines = new LineIndex(input);
  const refs = recogniseReferences(lines);
  assert.deepEqual(refs.map((r) => r.range), [
    { start: { line: 2, character: 29 }, end: { line: 2, character: 40 } },
    { start: { line: 2, character: 45 }, end: { line: 2, character: 49 } },
  ]);
});

test('a reference broken across lines has a range over both lines', () => {
  const input = 'consistent with the formula in the UN Security Council\nResolution 2254 (2015), stressing';
  const [ref] = recogniseReferences(new LineIndex(input));
  assert.deepEqual(ref.range, { start: { line: 0, character: 35 }, end: { line: 1, character: 22 } });
});

test('the pinpoint has its own range', () => {
  const input = 'Recalls paragraph 11 (j) of resolution 1244 (1999).';
  const [ref] = recogniseReferences(new LineIndex(input));
  assert.deepEqual(ref.pinpoint, {
    path: '11.j', text: 'paragraph 11 (j)', start: 8, end: 24,
    range: { start: { line: 0, character: 8 }, end: { line: 0, character: 24 } },
  });
});

test('scanning starts at the given offset (front matter is skipped)', () => {
  const input = '---\nsymbol: S/RES/2254 (2015)\n---\nRecalling resolution 2139 (2014)';
  const refs = recogniseReferences(new LineIndex(input), input.indexOf('Recalling'));
  assert.deepEqual(refs.map((r) => r.symbol), ['S/RES/2139 (2014)']);
});
