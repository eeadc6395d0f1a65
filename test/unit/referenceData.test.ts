import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import catalog from '../../server/data/catalogs/security-council.catalog.json';
import data from '../../server/data/un-document-data.json';
import { securityCouncilYear } from '../../server/src/core/references/resolve';
import { bundledEntries } from '../../server/src/core/references/catalog';
import { sharedDir } from '../shared';

/** Parses one CSV line with quoted fields and doubled quotes (the shared CSV has no line breaks in fields). */
export function csvFields(line: string): string[] {
  const out: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') { field += '"'; i++; }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { out.push(field); field = ''; }
    else field += c;
  }
  out.push(field);
  return out;
}

interface Row { number: number; symbol: string; date: string }

function loadRows(file: string): Row[] {
  const [header, ...lines] = readFileSync(file, 'utf8').split(/\r?\n/).filter((l) => l !== '');
  assert.equal(header, 'number,symbol,date,title');
  return lines.map((l) => {
    const [number, symbol, date] = csvFields(l);
    return { number: Number(number), symbol, date };
  });
}

/** Dates the bundled catalog deliberately writes differently from the CSV (which gives meeting dates). */
const KNOWN_DATE_DIFFERENCES: Record<number, { csv: string; why: string }> = {
  338: { csv: '1973-10-21', why: 'the meeting began on 21 October; the vote came after midnight, so the resolution is dated 22 October' },
};

test('the year table gives the adoption year of every one of the 2640 resolutions in the UN data', (t) => {
  const dataDir = sharedDir(t, 'data');
  if (dataDir === undefined) return;
  const file = path.join(dataDir, 'unsc-resolutions.csv');
  const rows = loadRows(file);
  assert.equal(rows.length, 2640);
  const wrong = rows.filter((r) => securityCouncilYear(r.number)?.year !== Number(r.date.slice(0, 4)));
  assert.deepEqual(wrong, []);
  // Rows the data covers completely agree on first and last numbers; the data stops in 2022.
  for (const row of data.securityCouncil.years) {
    const numbers = rows.filter((r) => Number(r.date.slice(0, 4)) === row.year).map((r) => r.number);
    if (row.year < 2022) {
      assert.deepEqual([row.first, row.last], [Math.min(...numbers), Math.max(...numbers)], `year ${row.year}`);
    } else if (row.year === 2022) {
      assert.equal(row.first, Math.min(...numbers));
      assert.equal((row as { confirmedThrough?: number }).confirmedThrough, Math.max(...numbers));
    } else {
      assert.equal(numbers.length, 0);
      assert.equal((row as { approximate?: boolean }).approximate, true, `year ${row.year} is beyond the data: approximate`);
    }
  }
  assert.equal(securityCouncilYear(2640)?.approximate, false);
  assert.equal(securityCouncilYear(2641)?.approximate, true);
});

test('every curated Security Council entry agrees with the UN data on number, symbol, date and year', (t) => {
  const dataDir = sharedDir(t, 'data');
  if (dataDir === undefined) return;
  const file = path.join(dataDir, 'unsc-resolutions.csv');
  const byNumber = new Map(loadRows(file).map((r) => [r.number, r]));
  let checked = 0;
  for (const entry of catalog.entries) {
    const row = byNumber.get(entry.number);
    const year = Number(entry.date.slice(0, 4));
    assert.equal(entry.symbol, `S/RES/${entry.number} (${year})`);
    assert.equal(securityCouncilYear(entry.number)?.year, year, `year of ${entry.number}`);
    if (row === undefined) {
      assert.ok(entry.number > 2640, `${entry.number} should be in the data`);
      assert.equal((entry as { approximate?: boolean }).approximate, true, `${entry.number} is beyond the data: approximate`);
      continue;
    }
    assert.equal(entry.symbol, row.symbol, `symbol of ${entry.number}`);
    const known = KNOWN_DATE_DIFFERENCES[entry.number];
    if (known) assert.equal(row.date, known.csv, `the documented difference for ${entry.number} still holds`);
    else assert.equal(entry.date, row.date, `date of ${entry.number}`);
    checked++;
  }
  assert.ok(checked >= 80, `${checked} curated entries checked`);
});

test('the bundled catalog is valid, has at least 80 Security Council entries, each with title, date, subjects and an undocs link', () => {
  const entries = bundledEntries(catalog, 'bundled');
  const sc = entries.filter((e) => e.body === 'SC');
  assert.ok(sc.length >= 80, `${sc.length} entries`);
  for (const e of sc) {
    assert.ok(e.title && e.title.length > 20, `${e.symbol} title`);
    assert.ok(e.subjects && e.subjects.length > 0, `${e.symbol} subjects`);
    assert.equal(e.link, `https://undocs.org/S/RES/${e.number}(${e.date?.slice(0, 4)})`);
  }
});
