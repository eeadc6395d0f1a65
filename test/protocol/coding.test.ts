import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import {
  ApplyWorkspaceEditRequest,
  CodeActionRequest,
  CodeLensRequest,
  CompletionRequest,
  DidOpenTextDocumentNotification,
  ExecuteCommandRequest,
  PrepareRenameRequest,
  ReferencesRequest,
  RenameRequest,
  type ApplyWorkspaceEditParams,
  type CompletionItem,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver-protocol';
import { LineIndex } from '../../server/src/core/text';
import { LspClient } from './lspClient';

const codebookText = `# Codebook for the protocol tests
codes:
  - id: HUM
    label: Humanitarian
    description: Humanitarian situation and action.
    color: "#2E86AB"
  - id: CT
    label: Counter-terrorism
    children:
      - id: CT.EXT
        label: Violent extremism
`;

const aText = `---
title: Alpha # the title
# codings below are reviewed weekly
codings:
  - paragraph: "1"
    codes: [HUM] # first pass
    quote: "We welcome the humanitarian pause"
---
Alpha statement

1. We welcome the humanitarian pause agreed last week.

2. We condemn violent extremism in all its forms.
`;

let dir: string;
let client: LspClient;
const uriOf = (name: string) => pathToFileURL(path.join(dir, name)).href;
const applied: ApplyWorkspaceEditParams[] = [];

before(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'pa-coding-'));
  writeFileSync(path.join(dir, '.policy-annotator.yaml'), 'codebook: codebook.yaml\n');
  writeFileSync(path.join(dir, 'codebook.yaml'), codebookText);
  writeFileSync(path.join(dir, 'a.statement'), aText);
  writeFileSync(path.join(dir, 'b.statement'), 'Beta\n\n1. Terrorism is condemned.\n');
  writeFileSync(path.join(dir, 'b.statement.codes.yaml'), 'codings:\n  - paragraph: "1"\n    codes: [CT, CTX]\n');
  ({ client } = await LspClient.start({ folders: [pathToFileURL(dir).href] }));
  client.connection.onRequest(ApplyWorkspaceEditRequest.type, (params) => {
    applied.push(params);
    return { applied: true };
  });
  await client.waitFor(() => client.progress.some((p) => p.kind === 'end'), 'the index build to end');
  await client.open(uriOf('a.statement'), aText);
});

after(async () => {
  if (client) assert.equal(await client.stop(), 0);
  rmSync(dir, { recursive: true, force: true });
});

function applyEdits(text: string, edits: TextEdit[]): string {
  const lines = new LineIndex(text);
  let out = text;
  for (const e of [...edits].sort((x, y) => lines.offsetAt(y.range.start) - lines.offsetAt(x.range.start))) {
    out = out.slice(0, lines.offsetAt(e.range.start)) + e.newText + out.slice(lines.offsetAt(e.range.end));
  }
  return out;
}

test('diagnostics: coding problems in the sidecar are published under its URI', async () => {
  await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: uriOf('b.statement'), languageId: 'policy-statement', version: 1, text: 'Beta\n\n1. Terrorism is condemned.\n' } });
  const sidecar = await client.waitFor(() => client.diagnostics.find((d) => d.uri === uriOf('b.statement.codes.yaml') && d.diagnostics.length > 0), 'sidecar diagnostics');
  assert.deepEqual(sidecar.diagnostics.map((d) => [d.code, d.source, d.message, d.range.start.line, d.range.start.character]), [
    ['unknown-code', 'policy-annotator', "Unknown code 'CTX' (did you mean 'CT'?)", 2, 16],
  ]);
});

test('code lens at each coded paragraph lists its code labels', async () => {
  const lenses = await client.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri: uriOf('a.statement') } });
  assert.deepEqual(lenses, [
    { range: { start: { line: 10, character: 0 }, end: { line: 10, character: 0 } }, command: { title: 'Codes: Humanitarian', command: 'policyAnnotator.tagParagraph', arguments: [uriOf('a.statement'), '1'] } },
  ]);
});

test('the tag command applies one edit: exact YAML, comments and order kept', async () => {
  const uri = uriOf('a.statement');
  await client.connection.sendRequest(ExecuteCommandRequest.type, {
    command: 'policyAnnotator.server.setParagraphCodes',
    arguments: [{ uri, paths: ['1', '2'], add: ['CT.EXT'], remove: [] }],
  });
  assert.equal(applied.length, 1);
  const edit = applied[0].edit as WorkspaceEdit;
  assert.deepEqual(Object.keys(edit.changes!), [uri]);
  assert.equal(applyEdits(aText, edit.changes![uri]), `---
title: Alpha # the title
# codings below are reviewed weekly
codings:
  - paragraph: "1"
    codes: [HUM, CT.EXT] # first pass
    quote: "We welcome the humanitarian pause"
  - paragraph: "2"
    codes: [CT.EXT]
    quote: "We condemn violent extremism in all its forms."
---
Alpha statement

1. We welcome the humanitarian pause agreed last week.

2. We condemn violent extremism in all its forms.
`);
});

test('completion of code ids inside codes: [..]', async () => {
  // The cursor after "HUM" in `codes: [HUM]`: the typed word is replaced.
  const items = (await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri: uriOf('a.statement') }, position: { line: 5, character: 15 } })) as CompletionItem[];
  assert.deepEqual(items.map((i) => [i.label, i.detail]), [['HUM', 'Humanitarian'], ['CT', 'Counter-terrorism'], ['CT.EXT', 'Violent extremism']]);
  assert.deepEqual(items[2].textEdit, { range: { start: { line: 5, character: 12 }, end: { line: 5, character: 15 } }, newText: 'CT.EXT' });
  const outside = await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri: uriOf('a.statement') }, position: { line: 10, character: 5 } });
  assert.equal(outside, null);
});

test('rename a code in the codebook renames it in every coding of the workspace', async () => {
  const codebook = uriOf('codebook.yaml');
  const prepared = await client.connection.sendRequest(PrepareRenameRequest.type, { textDocument: { uri: codebook }, position: { line: 6, character: 9 } });
  assert.deepEqual(prepared, { range: { start: { line: 6, character: 8 }, end: { line: 6, character: 10 } }, placeholder: 'CT' });
  const edit = await client.connection.sendRequest(RenameRequest.type, { textDocument: { uri: codebook }, position: { line: 6, character: 9 }, newName: 'TERR' });
  assert.deepEqual(edit, {
    changes: {
      [codebook]: [{ range: { start: { line: 6, character: 8 }, end: { line: 6, character: 10 } }, newText: 'TERR' }],
      [uriOf('b.statement.codes.yaml')]: [{ range: { start: { line: 2, character: 12 }, end: { line: 2, character: 14 } }, newText: 'TERR' }],
    },
  });
  await assert.rejects(
    client.connection.sendRequest(RenameRequest.type, { textDocument: { uri: codebook }, position: { line: 6, character: 9 }, newName: 'HUM' }),
    /'HUM' is already a code; renaming would merge two codes/,
  );
});

test('references on a code list every coded paragraph; the tag action is offered', async () => {
  const refs = await client.connection.sendRequest(ReferencesRequest.type, { textDocument: { uri: uriOf('a.statement') }, position: { line: 5, character: 13 }, context: { includeDeclaration: true } });
  assert.deepEqual(refs, [
    { uri: uriOf('codebook.yaml'), range: { start: { line: 2, character: 8 }, end: { line: 2, character: 11 } } },
    { uri: uriOf('a.statement'), range: { start: { line: 10, character: 0 }, end: { line: 10, character: 2 } } },
  ]);
  const actions = await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri: uriOf('a.statement') }, range: { start: { line: 12, character: 4 }, end: { line: 12, character: 4 } }, context: { diagnostics: [] } });
  assert.deepEqual(actions, [{ title: 'Tag Paragraph 2 with Codes…', kind: 'refactor.tagParagraph', command: { title: 'Tag Paragraph 2 with Codes…', command: 'policyAnnotator.tagParagraph', arguments: [uriOf('a.statement'), '2'] } }]);
});

test('the coding state request feeds the picker', async () => {
  const state = (await client.connection.sendRequest('policyAnnotator/codingState', { uri: uriOf('a.statement'), range: { start: { line: 10, character: 3 }, end: { line: 12, character: 3 } } })) as {
    selected: string[];
    coded: { path: string; codes: string[] }[];
    codebook: { id: string }[];
    codebookProblem: string | null;
  };
  assert.deepEqual(state.selected, ['1', '2']);
  assert.deepEqual(state.coded.map((c) => [c.path, c.codes]), [['1', ['HUM']]]);
  assert.deepEqual(state.codebook.map((c) => c.id), ['HUM', 'CT', 'CT.EXT']);
  assert.equal(state.codebookProblem, null);
});

test('the report and compare requests answer with Markdown', async () => {
  const report = (await client.connection.sendRequest('policyAnnotator/codingReport', {})) as string;
  assert.ok(report.startsWith('# Coding report\n\n'), report);
  assert.ok(report.includes('- **a.statement ¶ 1** (numbered): We welcome the humanitarian pause agreed last week.\n'), report);
  writeFileSync(path.join(dir, 'other-coder.yaml'), 'codings:\n  - paragraph: "1"\n    codes: [HUM]\n  - paragraph: "2"\n    codes: [CT.EXT]\n');
  const compared = (await client.connection.sendRequest('policyAnnotator/compareCodings', { a: uriOf('a.statement'), b: uriOf('other-coder.yaml') })) as string;
  assert.equal(compared, `# Coding agreement

A: a.statement  
B: other-coder.yaml

2 paragraphs compared.

| Code | Agreement | Cohen’s kappa | Krippendorff’s alpha |
| --- | ---: | ---: | ---: |
| HUM | 1.000 | 1.000 | 1.000 |
| CT.EXT | 0.500 | 0.000 | 0.000 |

**Overall alpha:** 0.533

## Disagreements (1)

| Paragraph | A | B |
| --- | --- | --- |
| 2 |  | CT.EXT |
`);
  await assert.rejects(client.connection.sendRequest('policyAnnotator/compareCodings', { a: uriOf('a.statement'), b: 'file:///etc/passwd' }), /Pick a file inside the workspace to compare with/);
});

test('a statement opened before the index read its sidecar gets its codings', async () => {
  writeFileSync(path.join(dir, 'c.statement'), 'Gamma\n\n1. New text.\n');
  writeFileSync(path.join(dir, 'c.statement.codes.yaml'), 'codings:\n  - paragraph: "1"\n    codes: [HUM]\n');
  await client.open(uriOf('c.statement'), 'Gamma\n\n1. New text.\n');
  // The sidecar is read after didOpen, in the background: poll the lenses.
  let titles: (string | undefined)[] = [];
  for (let i = 0; i < 50 && titles.length === 0; i++) {
    const found = await client.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri: uriOf('c.statement') } });
    titles = found?.map((l) => l.command?.title) ?? [];
    if (titles.length === 0) await new Promise((resolve) => setTimeout(resolve, 100));
  }
  assert.deepEqual(titles, ['Codes: Humanitarian']);
});

test('editing an open sidecar re-analyses its statement: new diagnostics and code lenses', async () => {
  const sidecar = uriOf('b.statement.codes.yaml');
  const before = client.diagnostics.length;
  await client.connection.sendNotification(DidOpenTextDocumentNotification.type, {
    textDocument: { uri: sidecar, languageId: 'yaml', version: 1, text: 'codings:\n  - paragraph: "1"\n    codes: [HUM]\n' },
  });
  const cleared = await client.waitFor(() => client.diagnostics.slice(before).find((d) => d.uri === sidecar), 'sidecar diagnostics after the edit');
  assert.deepEqual(cleared.diagnostics, []);
  const lenses = await client.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri: uriOf('b.statement') } });
  assert.deepEqual(lenses?.map((l) => l.command?.title), ['Codes: Humanitarian']);
});

test('an edited codebook is checked at its lines and re-checks every coding', async () => {
  const codebook = uriOf('codebook.yaml');
  const before = client.diagnostics.length;
  await client.connection.sendNotification(DidOpenTextDocumentNotification.type, {
    textDocument: { uri: codebook, languageId: 'yaml', version: 1, text: 'codes:\n  - id: HUMANITARIAN\n  - id: HUMANITARIAN\n    colour: "#fff"\n' },
  });
  const book = await client.waitFor(() => client.diagnostics.slice(before).find((d) => d.uri === codebook), 'codebook diagnostics');
  assert.deepEqual(book.diagnostics.map((d) => [d.code, d.message, d.range.start.line]), [
    ['codebook-unknown-key', "Unknown key 'colour' in a code (did you mean 'color'?)", 3],
    ['codebook-duplicate-id', "Duplicate code id 'HUMANITARIAN' (first defined on line 2)", 2],
  ]);
  const sidecar = await client.waitFor(() => client.diagnostics.slice(before).find((d) => d.uri === uriOf('b.statement.codes.yaml') && d.diagnostics.length > 0), 'sidecar re-checked');
  assert.deepEqual(sidecar.diagnostics.map((d) => d.message), ["Unknown code 'HUM'"]);
});
