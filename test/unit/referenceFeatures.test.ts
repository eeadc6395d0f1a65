import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { CancellationToken } from 'vscode-languageserver-protocol';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { analyzeDocument, problemsOf, type DocumentAnalysis } from '../../server/src/core/analysis';
import { createCatalogStore } from '../../server/src/core/references';
import type { ReferenceContext } from '../../server/src/core/references/documentReferences';
import { ReferenceIndex } from '../../server/src/core/references/workspace';
import { hover } from '../../server/src/features/hover';
import { citationIncomingCalls, citationOutgoingCalls, prepareCitationHierarchy } from '../../server/src/features/referenceCallHierarchy';
import { referenceDefinition } from '../../server/src/features/referenceDefinition';
import { referenceLinks } from '../../server/src/features/referenceLinks';
import { exportReferences, referenceList } from '../../server/src/features/referenceList';
import { referenceHighlights, referenceLocations } from '../../server/src/features/referenceLocations';
import { citedDocumentSymbols } from '../../server/src/features/referenceWorkspaceSymbols';
import { codeActions } from '../../server/src/features/codeActions';

const none = CancellationToken.None;
const bundledPath = path.resolve(__dirname, '..', '..', 'server', 'data', 'catalogs', 'security-council.catalog.json');
const BUNDLED_URI = 'file:///ext/server/data/catalogs/security-council.catalog.json';
const r = (l1: number, c1: number, l2: number, c2: number) => ({ start: { line: l1, character: c1 }, end: { line: l2, character: c2 } });

/** A small workspace: a resolution text that is S/RES/2178 (2014), and two statements citing documents. */
function workspace() {
  const context: ReferenceContext = {
    catalog: createCatalogStore({ uri: BUNDLED_URI, text: readFileSync(bundledPath, 'utf8') }),
    index: new ReferenceIndex(),
    uncataloguedSeverity: DiagnosticSeverity.Hint,
    catalogTarget: null,
  };
  const files: Record<string, string> = {
    'file:///w/res2178.statement': [
      '---',
      'symbol: S/RES/2178 (2014)',
      '---',
      'Resolution 2178 (2014) on foreign terrorist fighters',
      '',
      '1. Condemns violent extremism.',
      '2. Reaffirms that States shall prevent movement.',
      '3. Urges cooperation, recalling resolution 1373 (2001).',
    ].join('\n'),
    'file:///w/a.statement': [
      'Joint statement on Syria',
      '',
      '1. We support UNSCR 2254 and recall paragraph 2 of resolution 2178 (2014).',
      '2. We urge compliance with UNSCR 2254 and resolution 2254 (2016).',
    ].join('\n'),
    'file:///w/b.statement': ['Communiqué', '', '1. Recalling S/RES/2254 (2015) and paragraph 9 of resolution 2178 (2014).'].join('\n'),
  };
  const docs: Record<string, DocumentAnalysis> = {};
  for (const [uri, text] of Object.entries(files)) {
    docs[uri] = analyzeDocument(uri, 1, text, { references: context });
    context.index?.update(docs[uri].statement, docs[uri].references.items);
  }
  return { context, docs, a: docs['file:///w/a.statement'], b: docs['file:///w/b.statement'] };
}

test('hover on a reference: symbol, title, date, vote, subjects, status, workspace count, official link', () => {
  const { a } = workspace();
  const card = hover(a, { line: 2, character: 20 }, none);
  assert.deepEqual(card?.range, r(2, 14, 2, 24));
  assert.equal((card?.contents as { kind: string }).kind, 'markdown');
  assert.equal((card?.contents as { value: string }).value, [
    '**S/RES/2254 \\(2015\\)** · Security Council resolution 2254 · _in the catalog_',
    '',
    'Endorses a road map for a Syrian\\-led political transition, UN\\-facilitated negotiations and a nationwide ceasefire',
    '',
    'Adopted 18 December 2015 · vote 15 in favour, 0 against, 0 abstaining',
    '',
    'Subjects: Syria, political process, ceasefire, elections',
    '',
    'Cited 4 times in 2 files of the workspace',
    '',
    '[Official document](<https://undocs.org/S/RES/2254(2015)>)',
  ].join('\n'));
});

test('hover: year mismatch, known-but-uncatalogued, approximate and nonexistent references say so', () => {
  const { context } = workspace();
  const doc = analyzeDocument('file:///w/c.statement', 1, 'resolution 2254 (2016); resolution 2200; UNSCR 2650; resolution 22540.', { references: context });
  const text = (character: number) => (hover(doc, { line: 0, character }, none)?.contents as { value: string }).value;
  assert.match(text(3), /Stated year 2016 differs from the adoption year 2015\./);
  assert.equal(text(26), [
    '**S/RES/2200 \\(2015\\)** · Security Council resolution 2200 · _known number, not in the catalog_',
    '',
    'Adopted in 2015',
    '',
    'Cited 0 times in 0 files of the workspace',
    '',
    '[Official document](<https://undocs.org/S/RES/2200(2015)>)',
  ].join('\n'));
  assert.match(text(45), /_Approximate: these facts are from memory/);
  assert.match(text(58), /_does not exist_\n\nDoes not exist: the Security Council had adopted 2803 resolutions by 2025\\-11\\-17\./);
  assert.doesNotMatch(text(58), /Official document/);
});

test('hover on a paragraph marker lists the paragraph\'s references', () => {
  const { a } = workspace();
  const card = (hover(a, { line: 2, character: 0 }, none)?.contents as { value: string }).value;
  assert.match(card, /\n\nReferences: S\/RES\/2254 \\\(2015\\\), S\/RES\/2178 \\\(2014\\\)$/);
});

test('document links point at the official document', () => {
  const { a } = workspace();
  assert.deepEqual(referenceLinks(a, none).map((l) => [l.range, l.target]), [
    [r(2, 14, 2, 24), 'https://undocs.org/S/RES/2254(2015)'],
    [r(2, 51, 2, 73), 'https://undocs.org/S/RES/2178(2014)'],
    [r(3, 27, 3, 37), 'https://undocs.org/S/RES/2254(2015)'],
    [r(3, 42, 3, 64), 'https://undocs.org/S/RES/2254(2015)'],
  ]);
});

test('definition: the workspace text of the cited document, at the pinpointed paragraph; else the catalog entry', () => {
  const { a, b } = workspace();
  assert.deepEqual(referenceDefinition(a, { line: 2, character: 60 }, none), { uri: 'file:///w/res2178.statement', range: r(6, 0, 6, 48) });
  // Paragraph 9 does not exist there: the file's title.
  assert.deepEqual(referenceDefinition(b, { line: 2, character: 60 }, none), { uri: 'file:///w/res2178.statement', range: r(3, 0, 3, 52) });
  // No workspace text for 2254: its entry in the bundled catalog file, at its exact line.
  const bundled = readFileSync(bundledPath, 'utf8').split('\n');
  // The entry's mapping starts on the line before its symbol.
  const line = bundled.findIndex((l) => l.includes('"symbol": "S/RES/2254 (2015)"')) - 1;
  const def = referenceDefinition(a, { line: 2, character: 16 }, none);
  assert.equal(def?.uri, BUNDLED_URI);
  assert.equal(def?.range.start.line, line);
  assert.equal(referenceDefinition(a, { line: 0, character: 3 }, none), null);
});

test('find references: every citation of the document in any form across the workspace; highlights in the file', () => {
  const { a } = workspace();
  assert.deepEqual(referenceLocations(a, { line: 3, character: 50 }, false, none), [
    { uri: 'file:///w/a.statement', range: r(2, 14, 2, 24) },
    { uri: 'file:///w/a.statement', range: r(3, 27, 3, 37) },
    { uri: 'file:///w/a.statement', range: r(3, 42, 3, 64) },
    { uri: 'file:///w/b.statement', range: r(2, 13, 2, 30) },
  ]);
  assert.deepEqual(referenceLocations(a, { line: 2, character: 60 }, true, none), [
    { uri: 'file:///w/res2178.statement', range: r(3, 0, 3, 52) },
    { uri: 'file:///w/a.statement', range: r(2, 51, 2, 73) },
    { uri: 'file:///w/b.statement', range: r(2, 50, 2, 72) },
  ]);
  assert.deepEqual(referenceHighlights(a, { line: 2, character: 16 }, none)?.map((h) => h.range), [r(2, 14, 2, 24), r(3, 27, 3, 37), r(3, 42, 3, 64)]);
  assert.equal(referenceHighlights(a, { line: 0, character: 1 }, none), null);
});

test('call hierarchy: incoming = statements citing a document, outgoing = what a statement or resolution cites', () => {
  const { a, docs, context } = workspace();
  const [item] = prepareCitationHierarchy(a, { line: 2, character: 60 }, none) ?? [];
  assert.deepEqual([item.name, item.uri, item.range], ['S/RES/2178 (2014)', 'file:///w/res2178.statement', r(3, 0, 3, 52)]);
  assert.deepEqual(citationIncomingCalls(item, context, none).map((c) => [c.from.name, c.from.uri, c.fromRanges]), [
    ['Joint statement on Syria', 'file:///w/a.statement', [r(2, 51, 2, 73)]],
    ['Communiqué', 'file:///w/b.statement', [r(2, 50, 2, 72)]],
  ]);
  assert.deepEqual(citationOutgoingCalls(item, context, none).map((c) => [c.to.name, c.fromRanges]), [['S/RES/1373 (2001)', [r(7, 32, 7, 54)]]]);
  const [statement] = prepareCitationHierarchy(a, { line: 0, character: 0 }, none) ?? [];
  assert.deepEqual([statement.name, statement.uri], ['Joint statement on Syria', 'file:///w/a.statement']);
  assert.deepEqual(citationOutgoingCalls(statement, context, none).map((c) => [c.to.name, c.to.uri, c.fromRanges.length]), [
    ['S/RES/2254 (2015)', 'file:///w/a.statement', 3],
    ['S/RES/2178 (2014)', 'file:///w/res2178.statement', 1],
  ]);
  const [resolution] = prepareCitationHierarchy(docs['file:///w/res2178.statement'], { line: 5, character: 3 }, none) ?? [];
  assert.equal(citationIncomingCalls(resolution, context, none).length, 2);
});

test('workspace symbols for cited documents, by symbol, number or words of the title', () => {
  const { context } = workspace();
  assert.deepEqual(citedDocumentSymbols(context, '', none).map((s) => [s.name, s.containerName]), [
    ['S/RES/1373 (2001)', 'Obliges all States to criminalise the financing of terrorism and creates the Counter-Terrorism Committee · cited 1× in 1 file'],
    ['S/RES/2178 (2014)', 'Requires States to prevent and punish the travel, recruitment and financing of foreign terrorist fighters · cited 2× in 2 files'],
    ['S/RES/2254 (2015)', 'Endorses a road map for a Syrian-led political transition, UN-facilitated negotiations and a nationwide ceasefire · cited 4× in 2 files'],
  ]);
  assert.deepEqual(citedDocumentSymbols(context, 'syria road', none).map((s) => [s.name, s.location]), [
    ['S/RES/2254 (2015)', { uri: 'file:///w/a.statement', range: r(2, 14, 2, 24) }],
  ]);
  assert.deepEqual(citedDocumentSymbols(context, '2178', none).map((s) => [s.name, s.location]), [
    ['S/RES/2178 (2014)', { uri: 'file:///w/res2178.statement', range: r(3, 0, 3, 52) }],
  ]);
});

test('the list request and the export give each reference with its fields', () => {
  const { a } = workspace();
  assert.deepEqual(referenceList(a, none).map((i) => [i.symbol, i.text, i.status, i.paragraph, i.title?.slice(0, 20) ?? null]), [
    ['S/RES/2254 (2015)', 'UNSCR 2254', 'catalogued', '1', 'Endorses a road map '],
    ['S/RES/2178 (2014)', 'resolution 2178 (2014)', 'catalogued', '1', 'Requires States to p'],
    ['S/RES/2254 (2015)', 'UNSCR 2254', 'catalogued', '2', 'Endorses a road map '],
    ['S/RES/2254 (2015)', 'resolution 2254 (2016)', 'catalogued', '2', 'Endorses a road map '],
  ]);
  assert.deepEqual(exportReferences(a)[1], {
    text: 'resolution 2178 (2014)', range: r(2, 51, 2, 73), kind: 'resolution', body: 'SC', symbol: 'S/RES/2178 (2014)',
    number: '2178', year: '2014', pinpoint: '2', status: 'catalogued',
  });
});

test('reference problems are diagnostics of the document, with their quick fixes', () => {
  const { a } = workspace();
  const problems = problemsOf(a).filter((p) => p.code.includes('reference'));
  assert.deepEqual(problems.map((p) => [p.code, p.range]), [['reference-year-mismatch', r(3, 42, 3, 64)]]);
  const actions = codeActions(a, r(3, 50, 3, 50), { diagnostics: [] }, none);
  assert.deepEqual(actions.map((x) => [x.title, x.edit]), [
    ['Change the year to 2015', { changes: { 'file:///w/a.statement': [{ range: r(3, 59, 3, 63), newText: '2015' }] } }],
  ]);
});

test('front matter is not cited text; a text naming itself does not cite itself; skipped documents have none', () => {
  const { docs, context } = workspace();
  assert.deepEqual(docs['file:///w/res2178.statement'].references.items.map((x) => x.symbol), ['S/RES/2178 (2014)', 'S/RES/1373 (2001)']);
  assert.deepEqual(context.index?.citationsIn('file:///w/res2178.statement').map((c) => c.symbol), ['S/RES/1373 (2001)']);
  const big = analyzeDocument('file:///big.statement', 1, 'UNSCR 2254 '.repeat(10), { maxFileSize: 10 });
  assert.deepEqual(big.references.items, []);
});
