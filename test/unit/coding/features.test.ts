import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CancellationTokenSource } from 'vscode-languageserver-protocol';
import { analyzeDocument } from '../../../server/src/core/analysis';
import { parseCodebook } from '../../../server/src/core/coding/codebook';
import { codingCodeActions } from '../../../server/src/features/codingCodeActions';
import { codingState, executeCodingCommand } from '../../../server/src/features/codingCommands';
import { frontMatterCodingCompletion, sidecarCodingCompletion } from '../../../server/src/features/codingCompletion';
import { codingLenses } from '../../../server/src/features/codingLens';
import { ServerCommands } from '../../../server/src/features/codingProtocol';
import { codeReferences } from '../../../server/src/features/codingReferences';
import { codeIdAt, prepareCodeRename, renameCode } from '../../../server/src/features/codingRename';
import { codeSymbols } from '../../../server/src/features/codingSymbols';
import { hover } from '../../../server/src/features/hover';

const token = new CancellationTokenSource().token;
const CB = 'file:///w/codebook.yaml';
const codebook = parseCodebook(CB, `codes:
  - id: HUM
    label: Humanitarian
    codable: false
    children:
      - id: HUM.AID
        label: Aid and funding
        description: Pledges and appeals.
        suggest:
          keywords: [pledges]
  - id: CT
    label: Counter-terrorism
`);
const URI = 'file:///w/a.statement';
const text = `---
title: Test
codings:
  - paragraph: "1"
    codes: [HUM.AID, CT]
    memo: "check figures"
---
1. We welcome the pledges made in Geneva.

2. We condemn the attack.
`;
const doc = analyzeDocument(URI, 1, text, { coding: { codebook } });

test('code lens above each coded paragraph lists its code labels', () => {
  assert.deepEqual(codingLenses(doc, token), [
    { range: { start: { line: 7, character: 0 }, end: { line: 7, character: 0 } }, command: { title: 'Codes: Aid and funding · Counter-terrorism ✎', command: 'policyAnnotator.tagParagraph', arguments: [URI, '1'] } },
  ]);
});

test('paragraph hover lists codes with descriptions and memos; hover on a code id shows its card', () => {
  const card = hover(doc, { line: 7, character: 0 }, token);
  assert.ok(card && typeof card.contents === 'object' && 'value' in card.contents);
  assert.ok(card.contents.value.endsWith('Codes:\n- **HUM\\.AID** Aid and funding — Pledges and appeals\\.\n- **CT** Counter\\-terrorism\n*Memo:* check figures'), card.contents.value);
  const onId = hover(doc, { line: 4, character: 14 }, token);
  assert.deepEqual(onId, { contents: { kind: 'markdown', value: '**HUM\\.AID** Aid and funding\n\nUnder Humanitarian\n\nPledges and appeals\\.' }, range: { start: { line: 4, character: 12 }, end: { line: 4, character: 19 } } });
});

test('completion of code ids inside codes: [..] skips listed ids and categories', () => {
  const items = frontMatterCodingCompletion(doc, { line: 4, character: 13 }, token)!;
  assert.deepEqual(items.map((i) => i.label), ['HUM.AID']);
  const edited = analyzeDocument(URI, 2, text.replace('codes: [HUM.AID, CT]', 'codes: [HUM.AID, ]'), { coding: { codebook } });
  const more = frontMatterCodingCompletion(edited, { line: 4, character: 21 }, token)!;
  assert.deepEqual(more.map((i) => [i.label, i.detail, i.textEdit]), [['CT', 'Counter-terrorism', { range: { start: { line: 4, character: 21 }, end: { line: 4, character: 21 } }, newText: 'CT' }]]);
  assert.equal(frontMatterCodingCompletion(doc, { line: 1, character: 7 }, token), null);
});

test('completion in a sidecar: block lists of codes and paragraph paths', () => {
  const sidecar = 'codings:\n  - paragraph: \n    codes:\n      - HU\n';
  const codes = sidecarCodingCompletion(URI + '.codes.yaml', sidecar, doc, null, { line: 3, character: 10 }, token)!;
  assert.deepEqual(codes.map((i) => [i.label, i.textEdit]), [
    ['HUM.AID', { range: { start: { line: 3, character: 8 }, end: { line: 3, character: 10 } }, newText: 'HUM.AID' }],
    ['CT', { range: { start: { line: 3, character: 8 }, end: { line: 3, character: 10 } }, newText: 'CT' }],
  ]);
  const paths = sidecarCodingCompletion(URI + '.codes.yaml', sidecar, doc, null, { line: 1, character: 15 }, token)!;
  assert.deepEqual(paths.map((i) => [i.label, i.textEdit?.newText]), [['1', '"1"'], ['2', '"2"']]);
});

test('rename a code in the codebook renames every coding; invalid or taken ids are refused', () => {
  const other = analyzeDocument('file:///w/b.statement', 1, '1. Text.\n', { coding: { codebook, sidecar: { uri: 'file:///w/b.statement.codes.yaml', text: 'codings:\n  - paragraph: "1"\n    codes: [CT]\n' }, storage: 'sidecar' } });
  assert.deepEqual(prepareCodeRename(CB, { line: 10, character: 9 }, codebook, null), { range: { start: { line: 10, character: 8 }, end: { line: 10, character: 10 } }, placeholder: 'CT' });
  assert.deepEqual(codeIdAt(URI, { line: 4, character: 23 }, codebook, doc.codings), { id: 'CT', range: { start: { line: 4, character: 21 }, end: { line: 4, character: 23 } } });
  assert.deepEqual(renameCode(codebook, [doc.codings, other.codings], 'CT', 'TERR', token), {
    changes: {
      [CB]: [{ range: { start: { line: 10, character: 8 }, end: { line: 10, character: 10 } }, newText: 'TERR' }],
      [URI]: [{ range: { start: { line: 4, character: 21 }, end: { line: 4, character: 23 } }, newText: 'TERR' }],
      'file:///w/b.statement.codes.yaml': [{ range: { start: { line: 2, character: 12 }, end: { line: 2, character: 14 } }, newText: 'TERR' }],
    },
  });
  assert.deepEqual(renameCode(codebook, [], 'CT', 'HUM', token), { error: "'HUM' is already a code; renaming would merge two codes" });
  assert.deepEqual(renameCode(codebook, [], 'CT', 'two words', token), { error: "'two words' is not a valid code id (letters, digits, '_', '.', '-', '/')" });
});

test('references list every coded paragraph; workspace symbols list codes', () => {
  assert.deepEqual(codeReferences('CT', codebook, [doc], true, token), [
    { uri: CB, range: { start: { line: 10, character: 8 }, end: { line: 10, character: 10 } } },
    { uri: URI, range: { start: { line: 7, character: 0 }, end: { line: 7, character: 2 } } },
  ]);
  assert.deepEqual(codeSymbols(codebook, 'aid', token).map((s) => [s.name, s.kind, s.containerName]), [['HUM.AID Aid and funding', 22, 'HUM']]);
});

test('code actions: tag the touched paragraphs; accept a suggestion', () => {
  const diagnostic = { range: { start: { line: 9, character: 0 }, end: { line: 9, character: 2 } }, message: 'x', code: 'other' };
  const tag = codingCodeActions(doc, { start: { line: 7, character: 3 }, end: { line: 9, character: 1 } }, { diagnostics: [diagnostic] }, token);
  assert.deepEqual(tag, [{ title: 'Tag 2 Paragraphs with Codes…', kind: 'refactor.tagParagraph', command: { title: 'Tag 2 Paragraphs with Codes…', command: 'policyAnnotator.tagParagraph', arguments: [URI, '1', '2'] } }]);
  const pledge = analyzeDocument(URI, 3, '1. Donors renewed their pledges.\n', { coding: { codebook } });
  const hint = { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 2 } }, message: 'Suggested code HUM.AID (“pledges”)', code: 'code-suggestion', severity: 4 as const };
  const actions = codingCodeActions(pledge, hint.range, { diagnostics: [hint], only: ['quickfix'] }, token);
  assert.deepEqual(actions.map((a) => a.title), ['Accept HUM.AID for paragraph 1']);
  assert.deepEqual(actions[0].edit, { changes: { [URI]: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: '---\ncodings:\n  - paragraph: "1"\n    codes: [HUM.AID]\n    quote: "Donors renewed their pledges."\n---\n' }] } });
});

test('server commands compute one edit; coding state feeds the picker', () => {
  const result = executeCodingCommand(doc, ServerCommands.setCodes, [{ uri: URI, paths: ['1', '2'], add: ['CT'], remove: ['HUM.AID'] }], token);
  assert.deepEqual(result, {
    edit: {
      changes: {
        [URI]: [{ range: { start: { line: 4, character: 0 }, end: { line: 5, character: 24 } }, newText: '    codes: [CT]\n    memo: "check figures"\n  - paragraph: "2"\n    codes: [CT]\n    quote: "We condemn the attack.' }],
      },
    },
  });
  assert.deepEqual(executeCodingCommand(doc, ServerCommands.removeCode, [{ uri: URI }], token), { error: 'policyAnnotator.server.removeCode expects { uri, paths, code }' });
  assert.equal(executeCodingCommand(doc, 'other.command', [], token), null);
  const state = codingState(doc, { start: { line: 9, character: 1 }, end: { line: 9, character: 1 } }, token);
  assert.deepEqual(state.selected, ['2']);
  assert.deepEqual(state.coded, [{ path: '1', range: { start: { line: 7, character: 0 }, end: { line: 7, character: 41 } }, codes: ['HUM.AID', 'CT'], memo: 'check figures' }]);
  assert.deepEqual(state.codebook.map((c) => [c.id, c.codable, c.depth]), [['HUM', false, 0], ['HUM.AID', true, 1], ['CT', true, 0]]);
  assert.equal(state.codebookProblem, null);
});
