import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import {
  DefinitionRequest,
  DidChangeWatchedFilesNotification,
  DocumentHighlightRequest,
  FileChangeType,
  HoverRequest,
  ReferencesRequest,
  SemanticTokensRequest,
  type ApplyWorkspaceEditParams,
  type Hover,
  type Location,
  type SemanticTokensLegend,
} from 'vscode-languageserver-protocol';
import { LspClient } from './lspClient';

let dir: string;
let client: LspClient;
let legend: SemanticTokensLegend;
const uriOf = (name: string) => pathToFileURL(path.join(dir, name)).href;
const applied: ApplyWorkspaceEditParams[] = [];

const CATALOG = 'entities:\n  - id: ffes\n    type: organization\n    name: Funding Facility for Expanded Stabilization\n    acronyms: [FFES]\n';
const TEXT = 'Statement\n\n  1. The FFES in Mosul and the Funding Facility for Expanded Stabilization met Jane Roe.\n';

before(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'pa-entities-lsp-'));
  writeFileSync(path.join(dir, '.policy-annotator.yaml'), '# project\ncatalogs: [ours.entities.yaml]\n');
  writeFileSync(path.join(dir, 'ours.entities.yaml'), CATALOG);
  writeFileSync(path.join(dir, 'other.statement'), 'Aid reached Mosul.\n');
  let initializeResult;
  ({ client, initializeResult } = await LspClient.start({ folders: [pathToFileURL(dir).href] }));
  legend = initializeResult.capabilities.semanticTokensProvider!.legend;
  client.connection.onRequest('workspace/applyEdit', (params: ApplyWorkspaceEditParams) => {
    applied.push(params);
    return { applied: true };
  });
  await client.waitFor(() => client.progress.some((p) => p.kind === 'end'), 'the index build to end');
  await client.open(uriOf('a.statement'), TEXT);
});

after(async () => {
  if (client) assert.equal(await client.stop(), 0);
  rmSync(dir, { recursive: true, force: true });
});

const pos = (needle: string) => ({ line: 2, character: TEXT.split('\n')[2].indexOf(needle) + 1 });
const doc = () => ({ uri: uriOf('a.statement') });

test('hover on a workspace catalog entity counts mentions in the workspace', async () => {
  const hover = (await client.connection.sendRequest(HoverRequest.type, { textDocument: doc(), position: pos('Mosul') })) as Hover;
  assert.match((hover.contents as { value: string }).value, /^\*\*Mosul\*\* · location · city\n[\s\S]*Mentioned 1 time in this file · 2 times in 2 files of the workspace$/);
  const ffes = (await client.connection.sendRequest(HoverRequest.type, { textDocument: doc(), position: pos('FFES') })) as Hover;
  assert.match((ffes.contents as { value: string }).value, /^\*\*Funding Facility for Expanded Stabilization\*\* · organization/);
});

test('definition opens the catalog entry; a bundled one opens the bundled data; references and highlights', async () => {
  const [def] = (await client.connection.sendRequest(DefinitionRequest.type, { textDocument: doc(), position: pos('FFES') })) as Location[];
  assert.deepEqual(def, { uri: uriOf('ours.entities.yaml'), range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } } });
  const [mosul] = (await client.connection.sendRequest(DefinitionRequest.type, { textDocument: doc(), position: pos('Mosul') })) as Location[];
  assert.match(mosul.uri, /\/server\/data\/gazetteer\.entities\.yaml$/);
  assert.match(readFileSync(new URL(mosul.uri), 'utf8').split('\n')[mosul.range.start.line], /id: mosul\b/);
  const refs = (await client.connection.sendRequest(ReferencesRequest.type, { textDocument: doc(), position: pos('Mosul'), context: { includeDeclaration: false } })) as Location[];
  assert.deepEqual(refs.map((r) => path.basename(new URL(r.uri).pathname)).sort(), ['a.statement', 'other.statement']);
  const highlights = await client.connection.sendRequest(DocumentHighlightRequest.type, { textDocument: doc(), position: pos('FFES') });
  assert.equal(highlights!.length, 2);
});

test('semantic tokens colour entities by type', async () => {
  const tokens = await client.connection.sendRequest(SemanticTokensRequest.type, { textDocument: doc() });
  const types: string[] = [];
  for (let i = 3; i < tokens!.data.length; i += 5) types.push(legend.tokenTypes[tokens!.data[i]]);
  assert.deepEqual(types, ['entityOrganization', 'entityLocation', 'entityOrganization']);
});

test('the tree request groups the entities; adding an unknown name edits the catalog through the client', async () => {
  const groups = (await client.connection.sendRequest('policyAnnotator/entities', doc())) as Array<{ type: string; count: number }>;
  assert.deepEqual(groups.map((g) => [g.type, g.count]), [['organization', 2], ['location', 1]]);
  const result = await client.connection.sendRequest('policyAnnotator/addEntityToCatalog', { documentUri: uriOf('a.statement'), name: 'Jane Roe', type: 'person' });
  assert.deepEqual(result, { applied: true, catalogUri: uriOf('ours.entities.yaml') });
  const edit = applied[0].edit.changes![uriOf('ours.entities.yaml')][0];
  assert.equal(edit.newText, '  - id: jane-roe\n    type: person\n    name: Jane Roe\n');
  assert.deepEqual(edit.range.start, { line: 5, character: 0 });
});

test('a broken catalog gets diagnostics at its line and keeps its last good entries', async () => {
  writeFileSync(path.join(dir, 'ours.entities.yaml'), `${CATALOG}  - id: bad\n    type: place\n    name: X\n`);
  await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: uriOf('ours.entities.yaml'), type: FileChangeType.Changed }] });
  const published = await client.waitFor(() => client.diagnostics.find((d) => d.uri === uriOf('ours.entities.yaml') && d.diagnostics.length > 0), 'catalog diagnostics');
  assert.deepEqual(published.diagnostics.map((d) => [d.code, d.range.start.line, d.message]), [
    ['catalog-invalid', 6, "entity type 'place' is not one of person, organization, location, event, document, role, concept"],
  ]);
  const [def] = (await client.connection.sendRequest(DefinitionRequest.type, { textDocument: doc(), position: pos('FFES') })) as Location[];
  assert.equal(def.uri, uriOf('ours.entities.yaml'));
});
