import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CancellationToken, SymbolKind } from 'vscode-languageserver-protocol';
import { analyzeDocument } from '../../server/src/core/analysis';
import { MAX_WORKSPACE_SYMBOLS, workspaceSymbols } from '../../server/src/features/workspaceSymbols';

const resolution = analyzeDocument(
  'file:///w/resolution.statement',
  1,
  [
    'Resolution on Water',
    '',
    'Recalling its earlier resolutions on transboundary water cooperation,',
    '',
    '1. Decides to establish a panel on desalination;',
    '2. Requests the Secretary-General to report, in consultation with riparian States and regional organizations, on progress in groundwater management;',
    '   (a) on aquifers shared by two or more States;',
    '',
  ].join('\n'),
);
const communique = analyzeDocument('file:///w/communique.stmt', 1, 'Communiqué\n\n1. Ministers discussed desalination costs.\n');

const names = (query: string) =>
  workspaceSymbols([resolution, communique], query, CancellationToken.None).map((s) => `${s.location.uri.slice(10)} ${s.name}`);

test('by label or path: exact label, path, and the paragraphs under a path', () => {
  assert.deepEqual(names('2'), [
    'resolution.statement 2. Requests the Secretary-General to report, in consultation…',
    'resolution.statement (a) on aquifers shared by two or more States;',
  ]);
  assert.deepEqual(names('2.a'), ['resolution.statement (a) on aquifers shared by two or more States;']);
  assert.deepEqual(names('PP1'), ['resolution.statement Recalling its earlier resolutions on transboundary water…']);
  // Labels rank before word matches: "1." finds paragraph 1 of both files.
  assert.deepEqual(names('1.'), ['resolution.statement 1. Decides to establish a panel on desalination;', 'communique.stmt 1. Ministers discussed desalination costs.']);
});

test('by words: every word must start a word of the paragraph, case-insensitively', () => {
  assert.deepEqual(names('DESAL'), ['resolution.statement 1. Decides to establish a panel on desalination;', 'communique.stmt 1. Ministers discussed desalination costs.']);
  assert.deepEqual(names('panel desal'), ['resolution.statement 1. Decides to establish a panel on desalination;']);
  assert.deepEqual(names('salination'), []);
  assert.deepEqual(names('panel costs'), []);
});

test('a match past the excerpt is named by the text around it', () => {
  assert.deepEqual(names('groundwater'), ['resolution.statement 2. …groundwater management;']);
  assert.deepEqual(names('regional'), ['resolution.statement 2. …regional organizations, on progress in groundwater…']);
});

test('symbols carry location, kind and container; the result is bounded and cancellable', () => {
  const [symbol] = workspaceSymbols([resolution], '2.a', CancellationToken.None);
  assert.deepEqual(symbol, {
    name: '(a) on aquifers shared by two or more States;',
    kind: SymbolKind.EnumMember,
    location: { uri: 'file:///w/resolution.statement', range: { start: { line: 6, character: 3 }, end: { line: 6, character: 48 } } },
    containerName: 'Resolution on Water',
  });
  const many = analyzeDocument('file:///w/many.stmt', 1, Array.from({ length: 600 }, (_, i) => `${i + 1}. Paragraph.`).join('\n'));
  assert.equal(workspaceSymbols([many], '', CancellationToken.None).length, MAX_WORKSPACE_SYMBOLS);
  assert.deepEqual(workspaceSymbols([many], 'paragraph', { isCancellationRequested: true, onCancellationRequested: () => ({ dispose() {} }) }), []);
});
