import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import {
  CallHierarchyIncomingCallsRequest,
  CallHierarchyPrepareRequest,
  CodeActionRequest,
  DefinitionRequest,
  DidChangeWatchedFilesNotification,
  DocumentLinkRequest,
  FileChangeType,
  HoverRequest,
  ReferencesRequest,
  type CallHierarchyItem,
  type CodeAction,
  type Location,
} from 'vscode-languageserver-protocol';
import { LspClient, repoRoot } from './lspClient';

let dir: string;
let client: LspClient;
const uriOf = (name: string) => pathToFileURL(path.join(dir, name)).href;
const r = (l1: number, c1: number, l2: number, c2: number) => ({ start: { line: l1, character: c1 }, end: { line: l2, character: c2 } });
const statement = ['Joint statement', '', '1. We support UNSCR 2254 and paragraph 2 of resolution 2178 (2014).', '2. Recalling resolution 2254 (2016) and resolution 2300.', ''].join('\n');

before(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'pa-refs-'));
  writeFileSync(path.join(dir, 'res2178.statement'), '---\nsymbol: S/RES/2178 (2014)\n---\nForeign terrorist fighters\n\n1. Condemns.\n2. Decides.\n');
  writeFileSync(path.join(dir, 'other.statement'), 'Other\n\n1. In line with S/RES/2254 (2015).\n');
  writeFileSync(path.join(dir, '.policy-annotator.yaml'), 'catalogs:\n  - catalogs/ours.yaml\n');
  mkdirSync(path.join(dir, 'catalogs'));
  writeFileSync(path.join(dir, 'catalogs', 'ours.yaml'), '# ours\nversion: 1\nentries:\n  - symbol: S/RES/2178 (2014)\n    notes: Our note on 2178.\n');
  ({ client } = await LspClient.start({ folders: [pathToFileURL(dir).href], settings: { policyAnnotator: {} } }));
  await client.waitFor(() => client.progress.some((p) => p.kind === 'end'), 'the index build to end');
  await client.open(uriOf('a.statement'), statement);
  await client.diagnosticsFor(uriOf('a.statement'), 1);
});

after(async () => {
  if (client) assert.equal(await client.stop(), 0);
  rmSync(dir, { recursive: true, force: true });
});

const at = (line: number, character: number) => ({ textDocument: { uri: uriOf('a.statement') }, position: { line, character } });

test('reference diagnostics are published with the document', async () => {
  const published = await client.diagnosticsFor(uriOf('a.statement'), 1);
  assert.deepEqual(published.diagnostics.map((d) => [d.code, d.severity, d.range.start.line, d.range.start.character]), [
    ['reference-year-mismatch', 2, 3, 13],
    ['uncatalogued-reference', 4, 3, 40],
  ]);
});

test('hover on a reference: catalog card merged with the workspace catalog, workspace counts, official link', async () => {
  const hover = await client.connection.sendRequest(HoverRequest.type, at(2, 50));
  const value = (hover?.contents as { value: string }).value;
  assert.equal(value.split('\n')[0], '**S/RES/2178 \\(2014\\)** · Security Council resolution 2178 · _in the catalog_');
  assert.match(value, /\n\nOur note on 2178\\\.\n/);
  assert.match(value, /\n\nCited 1 time in 1 file of the workspace\n/);
  assert.match(value, /\[Official document\]\(<https:\/\/undocs\.org\/S\/RES\/2178\(2014\)>\)$/);
  assert.deepEqual(hover?.range, r(2, 44, 2, 66));
  const count = ((await client.connection.sendRequest(HoverRequest.type, at(2, 16)))?.contents as { value: string }).value;
  assert.match(count, /Cited 3 times in 2 files of the workspace/);
});

test('definition: the workspace text at the pinpointed paragraph; the bundled catalog entry otherwise', async () => {
  assert.deepEqual(await client.connection.sendRequest(DefinitionRequest.type, at(2, 50)), { uri: uriOf('res2178.statement'), range: r(6, 0, 6, 11) });
  const def = (await client.connection.sendRequest(DefinitionRequest.type, at(2, 16))) as Location;
  const bundled = path.join(repoRoot, 'server', 'data', 'catalogs', 'security-council.catalog.json');
  assert.equal(def.uri, pathToFileURL(bundled).href);
  const lines = readFileSync(bundled, 'utf8').split('\n');
  assert.match(lines[def.range.start.line + 1], /"symbol": "S\/RES\/2254 \(2015\)"/);
});

test('document links and find references across the workspace', async () => {
  const links = await client.connection.sendRequest(DocumentLinkRequest.type, { textDocument: { uri: uriOf('a.statement') } });
  assert.deepEqual(links?.map((l) => [l.range, l.target]), [
    [r(2, 14, 2, 24), 'https://undocs.org/S/RES/2254(2015)'],
    [r(2, 44, 2, 66), 'https://undocs.org/S/RES/2178(2014)'],
    [r(3, 13, 3, 35), 'https://undocs.org/S/RES/2254(2015)'],
    [r(3, 40, 3, 55), 'https://undocs.org/S/RES/2300(2016)'],
  ]);
  const refs = await client.connection.sendRequest(ReferencesRequest.type, { ...at(2, 16), context: { includeDeclaration: false } });
  assert.deepEqual(refs?.map((l) => [path.basename(l.uri), l.range.start.line, l.range.start.character]), [
    ['a.statement', 2, 14],
    ['a.statement', 3, 13],
    ['other.statement', 2, 16],
  ]);
});

test('call hierarchy: incoming citations of a document', async () => {
  const items = (await client.connection.sendRequest(CallHierarchyPrepareRequest.type, at(3, 20))) as CallHierarchyItem[];
  assert.equal(items[0].name, 'S/RES/2254 (2015)');
  const incoming = await client.connection.sendRequest(CallHierarchyIncomingCallsRequest.type, { item: items[0] });
  assert.deepEqual(incoming?.map((c) => [c.from.name, c.fromRanges.length]), [['Joint statement', 2], ['Other', 1]]);
});

test('"Add to workspace catalog" appends to the workspace catalog; a catalog edit on disk is picked up', async () => {
  const actions = (await client.connection.sendRequest(CodeActionRequest.type, {
    textDocument: { uri: uriOf('a.statement') }, range: r(3, 45, 3, 45), context: { diagnostics: [] },
  })) as CodeAction[];
  const add = actions.find((a) => a.title === 'Add S/RES/2300 (2016) to workspace catalog');
  const edit = add?.edit?.changes?.[uriOf('catalogs/ours.yaml')];
  assert.deepEqual(edit?.[0].range, r(5, 0, 5, 0));
  assert.match(edit?.[0].newText ?? '', /^  - symbol: S\/RES\/2300 \(2016\)\n    body: SC\n    number: 2300\n/);
  // Apply it as the editor would, then tell the server.
  const file = path.join(dir, 'catalogs', 'ours.yaml');
  writeFileSync(file, readFileSync(file, 'utf8') + (edit?.[0].newText ?? ''));
  await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: uriOf('catalogs/ours.yaml'), type: FileChangeType.Changed }] });
  const published = await client.waitFor(
    () => client.diagnostics.filter((d) => d.uri === uriOf('a.statement')).find((d) => !d.diagnostics.some((x) => x.code === 'uncatalogued-reference')),
    'diagnostics without uncatalogued-reference',
  );
  assert.deepEqual(published.diagnostics.map((d) => d.code), ['reference-year-mismatch']);
});

test('a broken catalog gets diagnostics at its exact line and its last good version stays in use', async () => {
  const file = path.join(dir, 'catalogs', 'ours.yaml');
  writeFileSync(file, '# ours\nversion: 1\nentries:\n  - symbol: S/RES/2178 (2014)\n    date: soon\n');
  await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: uriOf('catalogs/ours.yaml'), type: FileChangeType.Changed }] });
  const published = await client.waitFor(
    () => client.diagnostics.find((d) => d.uri === uriOf('catalogs/ours.yaml') && d.diagnostics.length > 0),
    'catalog diagnostics',
  );
  assert.deepEqual(published.diagnostics.map((d) => [d.code, d.message, d.range]), [['catalog-invalid', '"date" must be a date written YYYY-MM-DD.', r(4, 10, 4, 14)]]);
  const hover = await client.connection.sendRequest(HoverRequest.type, at(2, 50));
  assert.match((hover?.contents as { value: string }).value, /Our note on 2178\\\./);
});
