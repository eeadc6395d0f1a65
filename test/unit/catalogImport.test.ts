import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CatalogImporter, CsvReader, catalogYaml } from '../../server/src/core/references/catalogImport';
import { parseCatalog } from '../../server/src/core/references/catalog';
import { runCatalogImport } from '../../server/src/cli/catalogImport';
import { sharedDir } from '../shared';

const VOTING_HEADER = 'undl_id,ms_code,ms_name,permanent_member,ms_vote,date,resolution,draft,meeting,description,agenda,subjects,vote_note,modality,total_yes,total_no,total_abstentions,total_non_voting,total_ms,undl_link';
/** A few made-up member votes in the shape of the UN Digital Library voting data. */
const votingCsv = [
  VOTING_HEADER,
  '1,USA,UNITED STATES,TRUE,Y,2015-12-18,S/RES/2254(2015),S/2015/1000,S/PV.7588,"Road map for Syria, with ""talks""",Syria,SYRIAN ARAB REPUBLIC|POLITICAL CONDITIONS,,Voting,15,0,0,0,15,https://digitallibrary.un.org/record/1',
  '1,FRA,FRANCE,TRUE,Y,2015-12-18,S/RES/2254(2015),S/2015/1000,S/PV.7588,"Road map for Syria, with ""talks""",Syria,SYRIAN ARAB REPUBLIC|POLITICAL CONDITIONS,,Voting,15,0,0,0,15,https://digitallibrary.un.org/record/1',
  '2,RUS,RUSSIAN FEDERATION,TRUE,A,2015-04-14,S/RES/2216 (2015),S/2015/259,S/PV.7426,"Yemen\nsanctions",Yemen,YEMEN,,Voting,,,,,15,',
  '2,USA,UNITED STATES,TRUE,Y,2015-04-14,S/RES/2216 (2015),S/2015/259,S/PV.7426,"Yemen\nsanctions",Yemen,YEMEN,,Voting,,,,,15,',
  '2,GBR,UNITED KINGDOM,TRUE,Q,2015-04-14,S/RES/2216 (2015),S/2015/259,S/PV.7426,"Yemen\nsanctions",Yemen,YEMEN,,Voting,,,,,15,',
  '3,USA,UNITED STATES,TRUE,Y,2015-04-15,S/RES/2216 (2015),S/2015/259,S/PV.7426,x,Yemen,YEMEN,,Voting,,,,,15,',
  '4,USA,UNITED STATES,TRUE,Y,not a date,S/RES/9 (1946),,,x,,,,Voting,,,,,15,',
  '5,USA,UNITED STATES,TRUE,Y,2015-04-15,resolution nine,,,x,,,,Voting,,,,,15,',
  '6,USA,UNITED STATES,TRUE,Y,2015-04-15',
  '',
].join('\r\n');

function importAll(csv: string, chunk: number) {
  const reader = new CsvReader();
  const importer = new CatalogImporter();
  for (let i = 0; i < csv.length; i += chunk) for (const r of reader.push(csv.slice(i, i + chunk))) importer.add(r);
  for (const r of reader.end()) importer.add(r);
  return importer;
}

test('CSV records survive any chunking: quotes, doubled quotes, line breaks in fields, CRLF', () => {
  const csv = 'a,b\r\n"x, ""y""","two\nlines"\r\nlast,row';
  for (const size of [1, 2, 3, 7, 100]) {
    const reader = new CsvReader();
    const records = [];
    for (let i = 0; i < csv.length; i += size) records.push(...reader.push(csv.slice(i, i + size)));
    records.push(...reader.end());
    assert.deepEqual(records, [
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['x, "y"', 'two\nlines'] },
      { line: 4, fields: ['last', 'row'] },
    ], `chunk size ${size}`);
  }
});

test('voting data: member votes are grouped per resolution, with totals or counted votes, and bad rows are reported by line', () => {
  for (const size of [5, 64, 100_000]) {
    const importer = importAll(votingCsv, size);
    assert.deepEqual(importer.entries(), [
      { symbol: 'S/RES/2216 (2015)', body: 'SC', number: 2216, date: '2015-04-14', title: 'Yemen\nsanctions', subjects: ['YEMEN'], link: 'https://undocs.org/S/RES/2216(2015)', vote: '1-0-1' },
      {
        symbol: 'S/RES/2254 (2015)', body: 'SC', number: 2254, date: '2015-12-18', title: 'Road map for Syria, with "talks"',
        subjects: ['SYRIAN ARAB REPUBLIC', 'POLITICAL CONDITIONS'], link: 'https://undocs.org/S/RES/2254(2015)',
        notes: 'UN Digital Library record: https://digitallibrary.un.org/record/1', vote: '15-0-0',
      },
    ]);
    assert.deepEqual(importer.errors, [
      { line: 8, message: 'unknown member vote "Q" (expected Y, N, A or X)' },
      { line: 10, message: 'S/RES/2216 (2015) has date 2015-04-15 here but 2015-04-14 on line 4' },
      { line: 11, message: '"not a date" is not a date (YYYY-MM-DD)' },
      { line: 12, message: '"resolution nine" is not a UN resolution symbol' },
      { line: 13, message: 'expected 20 fields, found 6' },
    ]);
    assert.deepEqual(importer.summary(), { flavour: 'voting-data', rows: 9, entries: 2, errors: 5 });
  }
});

test('an unknown header is refused with its line', () => {
  const importer = new CatalogImporter();
  assert.throws(() => importer.add({ line: 1, fields: ['a', 'b'] }), /^Error: line 1: unknown CSV header/);
});

test('the simple number,symbol,date,title CSV of all 2640 resolutions becomes a valid catalog', (t) => {
  const dataDir = sharedDir(t, 'data');
  if (dataDir === undefined) return;
  const file = path.join(dataDir, 'unsc-resolutions.csv');
  const importer = importAll(readFileSync(file, 'utf8'), 1 << 16);
  assert.deepEqual(importer.errors, []);
  const entries = importer.entries();
  assert.equal(entries.length, 2640);
  assert.deepEqual(entries.find((e) => e.number === 2254), {
    symbol: 'S/RES/2254 (2015)', body: 'SC', number: 2254, date: '2015-12-18', title: 'The situation in the Middle East', link: 'https://undocs.org/S/RES/2254(2015)',
  });
  const parsed = parseCatalog(catalogYaml(entries, 'unsc-resolutions.csv'), 'u');
  assert.deepEqual(parsed.problems, []);
  assert.equal(parsed.entries?.length, 2640);
});

test('simple CSV: mismatched number, year or duplicate rows are errors', () => {
  const importer = importAll('number,symbol,date,title\n1,S/RES/2 (1946),1946-01-30,x\n3,S/RES/3 (1947),1946-04-04,y\n4,S/RES/4 (1946),1946-04-29,z\n4,S/RES/4 (1946),1946-04-29,z\n', 10);
  assert.deepEqual(importer.errors, [
    { line: 2, message: 'number 1 does not match symbol S/RES/2 (1946)' },
    { line: 3, message: 'date 1946-04-04 is not in the year of S/RES/3 (1947)' },
    { line: 5, message: 'S/RES/4 (1946) appears twice (first on line 4)' },
  ]);
});

function capture() {
  const out = { stdout: '', stderr: '' };
  return {
    out,
    io: { stdout: { write: (s: string) => (out.stdout += s) }, stderr: { write: (s: string) => (out.stderr += s), isTTY: false } },
  };
}

test('CLI: --out writes the catalog atomically; bad rows are FILE:LINE messages; summary and exit code', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'pa-import-'));
  const csv = path.join(dir, 'votes.csv');
  writeFileSync(csv, votingCsv);
  const target = path.join(dir, 'sc.catalog.yaml');
  const { out, io } = capture();
  assert.equal(await runCatalogImport([csv, '--out', target], io), 1);
  assert.equal(out.stdout, '');
  const lines = out.stderr.split('\n');
  assert.equal(lines[0], 'catalog import: 9 rows read…');
  assert.equal(lines[1], `${csv}:8: unknown member vote "Q" (expected Y, N, A or X)`);
  assert.equal(lines.at(-2), `catalog import: 2 entries from 9 rows (voting-data), 5 errors; written to ${target}`);
  const written = readFileSync(target, 'utf8');
  assert.match(written, /^# Imported by "policy-annotator catalog import" from votes.csv\.\n/);
  assert.equal(parseCatalog(written, 'u').entries?.length, 2);
  assert.deepEqual(readdirSync(dir).sort(), ['sc.catalog.yaml', 'votes.csv'], 'no temporary file left');
});

test('CLI: prints YAML without --out; usage and missing files exit 2', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'pa-import-'));
  const csv = path.join(dir, 'simple.csv');
  writeFileSync(csv, 'number,symbol,date,title\n2254,S/RES/2254 (2015),2015-12-18,"Syria, road map"\n');
  const ok = capture();
  assert.equal(await runCatalogImport([csv], ok.io), 0);
  assert.equal(parseCatalog(ok.out.stdout, 'u').entries?.[0].title, 'Syria, road map');
  assert.match(ok.out.stderr, /catalog import: 1 entries from 1 rows \(simple\), 0 errors\n$/);
  const missing = capture();
  assert.equal(await runCatalogImport([path.join(dir, 'nope.csv')], missing.io), 2);
  assert.equal(missing.out.stderr, `${path.join(dir, 'nope.csv')}: no such file\n`);
  const usage = capture();
  assert.equal(await runCatalogImport([], usage.io), 2);
  assert.match(usage.out.stderr, /^Usage: policy-annotator catalog import FILE\.csv/);
  const header = capture();
  writeFileSync(csv, 'a,b\n1,2\n');
  assert.equal(await runCatalogImport([csv], header.io), 2);
  assert.match(header.out.stderr, /simple\.csv: line 1: unknown CSV header/);
});
