import { test } from 'node:test';
import assert from 'node:assert/strict';
import { binaryAgreement, compareCodings } from '../../../server/src/core/coding/agreement';

const round = (x: number | null): number | null => (x === null ? null : Math.round(x * 1000) / 1000);
const bits = (s: string): boolean[] => s.split(' ').map((c) => c === '1');

test("textbook example (Krippendorff): two coders, ten units give kappa 0.091 and alpha 0.095", () => {
  const r = binaryAgreement(bits('0 1 0 0 0 0 0 0 1 0'), bits('1 1 1 0 0 1 0 0 0 0'));
  assert.equal(r.agreement, 0.6);
  assert.equal(round(r.kappa), 0.091);
  assert.equal(round(r.alpha), 0.095);
});

test('perfect and constant data: kappa and alpha 1 with variation, undefined (null) without', () => {
  assert.deepEqual(binaryAgreement(bits('1 0 1 0'), bits('1 0 1 0')), { agreement: 1, kappa: 1, alpha: 1 });
  assert.deepEqual(binaryAgreement(bits('0 0 0'), bits('0 0 0')), { agreement: 1, kappa: null, alpha: null });
  const opposite = binaryAgreement(bits('1 0 1 0'), bits('0 1 0 1'));
  assert.equal(opposite.kappa, -1);
  assert.equal(round(opposite.alpha), -0.75);
});

test('compareCodings gives per-code statistics, pooled alpha and the disagreeing paragraphs', () => {
  const units = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10'];
  const a = new Map<string, string[]>([['2', ['HUM']], ['9', ['HUM', 'CT']], ['3', ['CT']]]);
  const b = new Map<string, string[]>([['1', ['HUM']], ['2', ['HUM']], ['3', ['HUM', 'CT']], ['6', ['HUM']]]);
  const r = compareCodings(units, a, b, ['CT', 'HUM']);
  assert.equal(r.units, 10);
  assert.deepEqual(Object.keys(r.codes), ['CT', 'HUM']);
  assert.equal(round(r.codes.HUM.kappa), 0.091);
  assert.equal(round(r.codes.HUM.alpha), 0.095);
  assert.equal(r.codes.CT.agreement, 0.9);
  // Pooled: 20 decisions, n = 40 values; 5 disagreeing units, 2 coded by both: n1 = 2*2 + 5 = 9, n0 = 31.
  assert.equal(round(r.overall.alpha), 0.301);
  assert.equal(r.overall.alpha, 1 - (39 * 5) / (31 * 9));
  assert.deepEqual(r.disagreements, [
    { paragraph: '1', a: [], b: ['HUM'] },
    { paragraph: '3', a: ['CT'], b: ['CT', 'HUM'] },
    { paragraph: '6', a: [], b: ['HUM'] },
    { paragraph: '9', a: ['CT', 'HUM'], b: [] },
  ]);
});
