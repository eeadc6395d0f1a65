import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CancellationToken } from 'vscode-languageserver-protocol';
import { analyzeDocument } from '../../server/src/core/analysis';
import { codeActions } from '../../server/src/features/codeActions';
import { diagnostics } from '../../server/src/features/diagnostics';
import { documentSymbols } from '../../server/src/features/documentSymbols';
import { foldingRanges } from '../../server/src/features/foldingRanges';
import { hover } from '../../server/src/features/hover';
import { selectionRanges } from '../../server/src/features/selectionRanges';

const none = CancellationToken.None;
const doc = (text: string) => analyzeDocument('file:///t.statement', 1, text);
const r = (l1: number, c1: number, l2: number, c2: number) => ({ start: { line: l1, character: c1 }, end: { line: l2, character: c2 } });
const resolution = [
  '---',
  'title: Resolution',
  '---',
  'Draft resolution on stabilization',
  '',
  'Recalling its earlier decisions,',
  '',
  '1. Decides that States shall:',
  '(a) prevent the movement of fighters. They shall act now;',
  '(b) report.',
  '3. Requests a report.',
].join('\n');

test('document symbols: title → paragraphs → subparagraphs, named by marker and excerpt', () => {
  const symbols = documentSymbols(doc(resolution), none);
  assert.equal(symbols.length, 1);
  const [title] = symbols;
  assert.deepEqual([title.name, title.detail, title.range, title.selectionRange], ['Draft resolution on stabilization', 'title', r(3, 0, 10, 21), r(3, 0, 3, 33)]);
  assert.deepEqual(title.children!.map((c) => [c.name, c.detail]), [
    ['Recalling its earlier decisions,', 'preambular'],
    ['1. Decides that States shall:', 'operative'],
    ['3. Requests a report.', 'operative'],
  ]);
  const op = title.children![1];
  assert.deepEqual([op.range, op.selectionRange], [r(7, 0, 9, 11), r(7, 0, 7, 2)]);
  assert.deepEqual(op.children!.map((c) => [c.name, c.detail, c.selectionRange]), [
    ['(a) prevent the movement of fighters. They shall act now;', 'subparagraph', r(8, 0, 8, 3)],
    ['(b) report.', 'subparagraph', r(9, 0, 9, 3)],
  ]);
  assert.deepEqual(documentSymbols(doc('1. a\n2. b'), none).map((s) => s.name), ['1. a', '2. b'], 'no title: paragraphs at the top');
});

test('folding ranges: front matter and paragraphs with their subparagraphs', () => {
  assert.deepEqual(foldingRanges(doc(resolution), none), [
    { startLine: 0, endLine: 2, kind: 'region' },
    { startLine: 7, endLine: 9 },
  ]);
});

test('selection ranges grow word → sentence → paragraph → parent → document', () => {
  const [sel] = selectionRanges(doc(resolution), [{ line: 8, character: 40 }], none);
  const chain: unknown[] = [];
  for (let s: typeof sel | undefined = sel; s; s = s.parent) chain.push(s.range);
  assert.deepEqual(chain, [
    r(8, 38, 8, 42), // "They"
    r(8, 38, 8, 57), // "They shall act now;"
    r(8, 0, 8, 57), // (a)
    r(7, 0, 9, 11), // 1 with its subparagraphs
    r(0, 0, 10, 21),
  ]);
});

test('hover on a marker: label, kind, counts and subparagraphs', () => {
  const card = hover(doc(resolution), { line: 7, character: 1 }, none);
  assert.deepEqual(card, {
    contents: { kind: 'markdown', value: '**Paragraph 1** · operative\n\n4 words · 1 sentence\n\n2 subparagraphs: \\(a\\) \\(b\\)' },
    range: r(7, 0, 7, 2),
  });
  assert.equal(hover(doc(resolution), { line: 8, character: 20 }, none), null, 'no card inside the text');
  assert.match((hover(doc(resolution), { line: 5, character: 3 }, none)!.contents as { value: string }).value, /^\*\*Paragraph PP1\*\* · preambular/);
});

test('diagnostics carry source and code; quick fixes come from the problem', () => {
  const d = doc('1. a\n2. b\n4. c');
  const [diag] = diagnostics(d, none);
  assert.deepEqual(diag, { range: r(2, 0, 2, 2), severity: 2, code: 'paragraph-number-gap', source: 'policy-annotator', message: 'Numbering skips: paragraph 3 is missing.' });
  const actions = codeActions(d, r(2, 0, 2, 0), { diagnostics: [diag] }, none);
  assert.deepEqual(actions, [{
    title: 'Renumber paragraph 4 → 3',
    kind: 'quickfix',
    diagnostics: [diag],
    isPreferred: true,
    edit: { changes: { 'file:///t.statement': [{ range: r(2, 0, 2, 1), newText: '3' }] } },
  }]);
  assert.deepEqual(codeActions(d, r(0, 0, 0, 0), { diagnostics: [] }, none), [], 'nothing away from the problem');
  assert.deepEqual(codeActions(d, r(2, 0, 2, 0), { diagnostics: [], only: ['refactor'] }, none), []);
});
