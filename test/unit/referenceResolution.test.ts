import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { LineIndex } from '../../server/src/core/text';
import { createCatalogStore, findReferences } from '../../server/src/core/references';
import { pinpointProblems, referenceProblems } from '../../server/src/core/references/problems';

const store = createCatalogStore();
const resolve = (text: string) => findReferences(new LineIndex(text), store);
const pick = (text: string) =>
  resolve(text).map((r) => ({ symbol: r.symbol, status: r.status, adoptedYear: r.adoptedYear, yearMismatch: r.yearMismatch, approximate: r.approximate, reason: r.reason }));

test('status: catalogued, known, unknown, nonexistent', () => {
  assert.deepEqual(pick('UNSCR 2254'), [{ symbol: 'S/RES/2254 (2015)', status: 'catalogued', adoptedYear: 2015, yearMismatch: false, approximate: false, reason: null }]);
  assert.deepEqual(pick('resolution 2200'), [{ symbol: 'S/RES/2200 (2015)', status: 'known', adoptedYear: 2015, yearMismatch: false, approximate: false, reason: null }]);
  assert.deepEqual(pick('resolution 2650'), [{ symbol: 'S/RES/2650 (2022)', status: 'known', adoptedYear: 2022, yearMismatch: false, approximate: true, reason: null }]);
  assert.deepEqual(pick('resolution 2900 (2026)'), [{
    symbol: 'S/RES/2900 (2026)', status: 'unknown', adoptedYear: null, yearMismatch: false, approximate: false,
    reason: 'newer than the bundled data, which ends at resolution 2803 (2025-11-17)',
  }]);
  assert.deepEqual(pick('resolution 22540'), [{
    symbol: 'S/RES/22540', status: 'nonexistent', adoptedYear: null, yearMismatch: false, approximate: false,
    reason: 'the Security Council had adopted 2803 resolutions by 2025-11-17',
  }]);
  assert.deepEqual(pick('resolution 9999 (2017)'), [{
    symbol: 'S/RES/9999 (2017)', status: 'nonexistent', adoptedYear: null, yearMismatch: false, approximate: false,
    reason: 'the Security Council adopted resolutions 2337–2397 in 2017',
  }]);
  assert.equal(pick('resolution 0')[0].status, 'nonexistent');
});

test('a stated year that differs from the adoption year is a year mismatch', () => {
  const [r] = pick('resolution 2254 (2016)');
  assert.deepEqual([r.symbol, r.status, r.yearMismatch], ['S/RES/2254 (2015)', 'catalogued', true]);
  assert.equal(pick('resolution 2200 (2016)')[0].yearMismatch, true);
  assert.equal(pick('resolution 2200 (2015)')[0].yearMismatch, false);
});

test('General Assembly, Human Rights Council, ECOSOC, presidential statements and documents', () => {
  const status = (t: string) => resolve(t).map((r) => [r.symbol, r.status, r.adoptedYear]);
  assert.deepEqual(status('General Assembly resolution 70/1'), [['A/RES/70/1', 'known', 2015]]);
  assert.deepEqual(status('resolution 81/5'), [['A/RES/81/5', 'unknown', 2026]]);
  assert.deepEqual(status('resolution 95/5'), [['A/RES/95/5', 'nonexistent', null]]);
  assert.deepEqual(status('resolution 20/5'), [['A/RES/20/5', 'nonexistent', null]]);
  assert.deepEqual(status('resolution ES-11/1'), [['A/RES/ES-11/1', 'known', null]]);
  assert.deepEqual(status('resolution ES-19/1'), [['A/RES/ES-19/1', 'nonexistent', null]]);
  assert.deepEqual(status('A/RES/3379 (XXX)'), [['A/RES/3379 (XXX)', 'known', 1975]]);
  assert.deepEqual(status('Human Rights Council resolution 31/1'), [['A/HRC/RES/31/1', 'known', 2016]]);
  assert.deepEqual(status('E/RES/2019/4'), [['E/RES/2019/4', 'known', 2019]]);
  assert.deepEqual(status('S/PRST/2015/11'), [['S/PRST/2015/11', 'known', 2015]]);
  assert.deepEqual(status('S/PRST/1990/11'), [['S/PRST/1990/11', 'nonexistent', null]]);
  assert.deepEqual(status('S/2017/573'), [['S/2017/573', 'known', 2017]]);
});

test('unresolved-reference, reference-year-mismatch (with a fix) and uncatalogued-reference', () => {
  const text = 'We recall resolution 9999 (2017), resolution 2254 (2016) and resolution 2200.';
  const lines = new LineIndex(text);
  const refs = findReferences(lines, store);
  const problems = referenceProblems(refs, { uri: 'file:///s.statement', lines, uncataloguedSeverity: DiagnosticSeverity.Hint });
  assert.deepEqual(problems.map((p) => [p.code, p.severity, p.message, p.range.start.character, p.range.end.character]), [
    ['unresolved-reference', DiagnosticSeverity.Warning, 'Security Council resolution 9999 does not exist: the Security Council adopted resolutions 2337–2397 in 2017.', 10, 32],
    ['reference-year-mismatch', DiagnosticSeverity.Warning, 'Resolution 2254 was adopted in 2015, not 2016.', 34, 56],
    ['uncatalogued-reference', DiagnosticSeverity.Hint, 'Security Council resolution 2200 (S/RES/2200 (2015)) is not in the catalog.', 61, 76],
  ]);
  const fix = problems[1].fixes?.[0];
  assert.equal(fix?.title, 'Change the year to 2015');
  assert.deepEqual(fix?.edit, {
    changes: { 'file:///s.statement': [{ range: { start: { line: 0, character: 51 }, end: { line: 0, character: 55 } }, newText: '2015' }] },
  });
  assert.equal(problems[2].fixes, undefined, 'no catalog target, no fix');
  assert.deepEqual(referenceProblems(refs, { uri: 'u', lines, uncataloguedSeverity: 'off' }).map((p) => p.code), ['unresolved-reference', 'reference-year-mismatch']);
  const prst = new LineIndex('See S/PRST/2015/11.');
  assert.deepEqual(referenceProblems(findReferences(prst, store), { uri: 'u', lines: prst, uncataloguedSeverity: DiagnosticSeverity.Hint }).map((p) => p.message), [
    'Presidential statement S/PRST/2015/11 is not in the catalog.',
  ]);
});

test('"Add to workspace catalog" appends a stub to the workspace catalog, keeping its comments', () => {
  const text = 'resolution 2200 (2015)';
  const lines = new LineIndex(text);
  const catalog = '# Our catalog\nversion: 1\nentries:\n  - symbol: S/RES/1 (1946)   # the first\n    title: Directs the Military Staff Committee to meet\n\n# end\n';
  const [problem] = referenceProblems(findReferences(lines, store), {
    uri: 'file:///s.statement', lines, uncataloguedSeverity: DiagnosticSeverity.Information,
    catalogTarget: { uri: 'file:///w/refs.catalog.yaml', text: catalog },
  });
  assert.equal(problem.fixes?.[0].title, 'Add S/RES/2200 (2015) to workspace catalog');
  assert.deepEqual(problem.fixes?.[0].edit, {
    changes: {
      'file:///w/refs.catalog.yaml': [{
        range: { start: { line: 5, character: 0 }, end: { line: 5, character: 0 } },
        newText: '  - symbol: S/RES/2200 (2015)\n    body: SC\n    number: 2200\n    title: "TODO: what Security Council resolution 2200 does"\n    link: https://undocs.org/S/RES/2200(2015)\n',
      }],
    },
  });
});

test('"Add to workspace catalog" creates the catalog when there is none', () => {
  const lines = new LineIndex('UNSCR 2300');
  const [problem] = referenceProblems(findReferences(lines, store), {
    uri: 'u', lines, uncataloguedSeverity: DiagnosticSeverity.Hint, catalogTarget: { uri: 'file:///w/new.catalog.yaml', text: null },
  });
  const changes = problem.fixes?.[0].edit.documentChanges;
  assert.deepEqual(changes?.[0], { kind: 'create', uri: 'file:///w/new.catalog.yaml', options: { ignoreIfExists: true } });
  const created = (changes?.[1] as { edits: { newText: string }[] }).edits[0].newText;
  assert.match(created, /^# Workspace catalog for Policy Annotator[\s\S]*\nversion: 1\nentries:\n  - symbol: S\/RES\/2300 \(2016\)\n/);
});

test('unresolved-pinpoint when the cited text in the workspace lacks the paragraph', () => {
  const text = 'paragraph 6 of resolution 2178 (2014) and paragraph 2 of resolution 2178 (2014)';
  const refs = findReferences(new LineIndex(text), store);
  const problems = pinpointProblems(refs, (symbol) => (symbol === 'S/RES/2178 (2014)' ? { uri: 'file:///w/2178.statement', paths: new Set(['1', '2', '3']) } : undefined));
  assert.deepEqual(problems.map((p) => [p.code, p.message, p.range.start.character, p.range.end.character]), [
    ['unresolved-pinpoint', 'Security Council resolution 2178 in the workspace has no paragraph 6.', 0, 11],
  ]);
});
