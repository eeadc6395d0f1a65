import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, unlinkSync, writeFileSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import {
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  CodeActionRequest,
  DocumentSymbolRequest,
  FoldingRangeRequest,
  SelectionRangeRequest,
  type CodeAction,
  FileChangeType,
  HoverRequest,
  TextDocumentSyncKind,
  WorkspaceSymbolRequest,
  type DocumentSymbol,
  type SymbolInformation,
} from 'vscode-languageserver-protocol';
import { LspClient } from './lspClient';

const statement = [
  'Joint Statement on Testing',
  '',
  '1. We welcome the progress made on water security.',
  '2. We call upon all parties to respect the ceasefire.',
  '4. We decide to remain seized of the matter.',
  '',
].join('\n');

let dir: string;
let client: LspClient;
const folderUri = () => pathToFileURL(dir).href;
const fileUri = (name: string) => pathToFileURL(path.join(dir, name)).href;

before(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'pa-protocol-'));
  writeFileSync(path.join(dir, 'alpha.statement'), 'Alpha\n\n1. Desalination plants are welcome.\n2. Nothing else.\n');
  mkdirSync(path.join(dir, 'sub'));
  writeFileSync(path.join(dir, 'sub', 'beta.stmt'), 'Beta\n\n1. Irrigation canals matter.\n');
  writeFileSync(path.join(dir, 'notes.txt'), 'Notes\n\n1. Desalination notes in a text file.\n');
  writeFileSync(path.join(dir, '.gitignore'), 'ignored/\n');
  mkdirSync(path.join(dir, 'ignored'));
  writeFileSync(path.join(dir, 'ignored', 'gamma.stmt'), 'Gamma\n\n1. Desalination in an ignored folder.\n');
  mkdirSync(path.join(dir, 'drafts'));
  writeFileSync(path.join(dir, 'drafts', 'delta.stmt'), 'Delta\n\n1. Desalination in an excluded folder.\n');
  ({ client } = await LspClient.start({
    folders: [folderUri()],
    settings: { policyAnnotator: { files: ['*.txt'] }, files: { exclude: { '**/drafts': true, '**/.git': true } } },
  }));
});

after(async () => {
  if (client) assert.equal(await client.stop(), 0);
  rmSync(dir, { recursive: true, force: true });
});

async function indexed(): Promise<void> {
  await client.waitFor(() => client.progress.some((p) => p.kind === 'end'), 'the index build to end');
}

async function symbolNames(query: string): Promise<string[]> {
  const symbols = (await client.connection.sendRequest(WorkspaceSymbolRequest.type, { query })) as SymbolInformation[];
  return symbols.map((s) => `${path.relative(dir, new URL(s.location.uri).pathname)} ${s.name}`).sort();
}

test('initialize announces incremental sync and the features', async () => {
  // The capabilities are fixed by onInitialize; start a second server to read them without disturbing the first.
  const { client: other, initializeResult } = await LspClient.start({ capabilities: {} });
  const caps = initializeResult.capabilities;
  assert.deepEqual(caps.textDocumentSync, { openClose: true, change: TextDocumentSyncKind.Incremental });
  assert.ok(caps.documentSymbolProvider && caps.hoverProvider && caps.foldingRangeProvider && caps.selectionRangeProvider);
  assert.equal(caps.workspaceSymbolProvider, true);
  assert.deepEqual(caps.codeActionProvider, { codeActionKinds: ['quickfix', 'refactor.tagParagraph'] });
  assert.equal(await other.stop(), 0);
});

test('settings are pulled with workspace/configuration and file watchers registered', async () => {
  await client.waitFor(() => client.registrations.some((r) => r.method === DidChangeWatchedFilesNotification.method), 'watchers');
  assert.deepEqual(client.configurationRequests[0], ['policyAnnotator', 'files']);
  const watchers = client.registrations.find((r) => r.method === DidChangeWatchedFilesNotification.method)!.registerOptions as {
    watchers: Array<{ globPattern: string }>;
  };
  assert.deepEqual(
    watchers.watchers.map((w) => w.globPattern),
    ['**/*.statement', '**/*.stmt', '**/*.txt', '**/.gitignore', '**/.policy-annotator.yaml', '**/*.{yaml,yml}', '**/*.catalog.json'],
  );
  assert.ok(client.registrations.some((r) => r.method === DidChangeConfigurationNotification.method));
});

test('the index is built with progress and honours files, files.exclude and .gitignore', async () => {
  await indexed();
  const kinds = client.progress.map((p) => p.kind);
  assert.equal(kinds[0], 'begin');
  assert.equal(kinds.at(-1), 'end');
  assert.ok(client.progress.some((p) => p.kind === 'report' && p.percentage === 100));
  assert.deepEqual(await symbolNames('desalination'), [
    'alpha.statement 1. Desalination plants are welcome.',
    'notes.txt 1. Desalination notes in a text file.',
  ]);
});

test('didOpen publishes diagnostics; documentSymbol and hover answer', async () => {
  const uri = fileUri('open.statement');
  await client.open(uri, statement);
  const published = await client.diagnosticsFor(uri, 1);
  assert.deepEqual(
    published.diagnostics.map((d) => [d.code, d.source, d.message, d.range.start.line, d.range.start.character]),
    [['paragraph-number-gap', 'policy-annotator', 'Numbering skips: paragraph 3 is missing.', 4, 0]],
  );
  assert.deepEqual(await outline(uri), [
    'Joint Statement on Testing 0:0-4:44',
    '  1. We welcome the progress made on water security. 2:0-2:50',
    '  2. We call upon all parties to respect the ceasefire. 3:0-3:53',
    '  4. We decide to remain seized of the matter. 4:0-4:44',
  ]);
  const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 3, character: 1 } });
  assert.deepEqual(hover, {
    contents: { kind: 'markdown', value: '**Paragraph 2** · numbered\n\n9 words · 1 sentence' },
    range: { start: { line: 3, character: 0 }, end: { line: 3, character: 2 } },
  });
  assert.equal(
    await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 0, character: 3 } }),
    null,
  );
  const selections = await client.connection.sendRequest(SelectionRangeRequest.type, {
    textDocument: { uri },
    positions: [{ line: 3, character: 6 }],
  });
  // Word "call", then the sentence.
  assert.deepEqual(selections?.[0].range, { start: { line: 3, character: 6 }, end: { line: 3, character: 10 } });
  assert.deepEqual(selections?.[0].parent?.range, { start: { line: 3, character: 3 }, end: { line: 3, character: 53 } });
  const actions = (await client.connection.sendRequest(CodeActionRequest.type, {
    textDocument: { uri },
    range: { start: { line: 4, character: 0 }, end: { line: 4, character: 0 } },
    context: { diagnostics: published.diagnostics },
  })) as CodeAction[];
  assert.deepEqual(
    actions.map((a) => [a.title, a.kind, JSON.stringify(a.edit)]),
    [['Renumber paragraph 4 → 3', 'quickfix', JSON.stringify({ changes: { [uri]: [{ range: { start: { line: 4, character: 0 }, end: { line: 4, character: 1 } }, newText: '3' }] } })]],
  );
  // Folding: nothing spans more than one line here.
  assert.deepEqual(await client.connection.sendRequest(FoldingRangeRequest.type, { textDocument: { uri } }), []);
});

test('incremental didChange re-analyses only the edited document', async () => {
  const uri = fileUri('open.statement');
  // "4." -> "3." closes the gap.
  await client.change(uri, 2, [{ range: { start: { line: 4, character: 0 }, end: { line: 4, character: 1 } }, text: '3' }]);
  assert.deepEqual((await client.diagnosticsFor(uri, 2)).diagnostics, []);
  // Insert a new paragraph 4 at the end, in two keystrokes sent as separate changes.
  await client.change(uri, 3, [
    { range: { start: { line: 5, character: 0 }, end: { line: 5, character: 0 } }, text: '4. We request a report on' },
    { range: { start: { line: 5, character: 25 }, end: { line: 5, character: 25 } }, text: ' desalination.\n' },
  ]);
  assert.deepEqual((await client.diagnosticsFor(uri, 3)).diagnostics, []);
  assert.deepEqual(await outline(uri), [
    'Joint Statement on Testing 0:0-5:39',
    '  1. We welcome the progress made on water security. 2:0-2:50',
    '  2. We call upon all parties to respect the ceasefire. 3:0-3:53',
    '  3. We decide to remain seized of the matter. 4:0-4:44',
    '  4. We request a report on desalination. 5:0-5:39',
  ]);
  // The open document's words are found by workspace symbols, alongside disk files.
  assert.deepEqual(await symbolNames('report desalination'), ['open.statement 4. We request a report on desalination.']);
});

test('file events keep the index current', async () => {
  await indexed();
  const uri = fileUri('sub/new.stmt');
  writeFileSync(path.join(dir, 'sub', 'new.stmt'), 'New\n\n1. Hydroponics research.\n');
  await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri, type: FileChangeType.Created }] });
  assert.deepEqual(await eventually(() => symbolNames('hydroponics'), (names) => names.length === 1), [
    'sub/new.stmt 1. Hydroponics research.',
  ]);
  unlinkSync(path.join(dir, 'sub', 'new.stmt'));
  await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri, type: FileChangeType.Deleted }] });
  assert.deepEqual(await eventually(() => symbolNames('hydroponics'), (names) => names.length === 0), []);
});

test('a configuration change is pulled again and re-indexes', async () => {
  const requests = client.configurationRequests.length;
  client.settings = { policyAnnotator: { files: [] }, files: { exclude: {} } };
  await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
  await client.waitFor(() => client.configurationRequests.length > requests, 'a second configuration request');
  assert.deepEqual(
    await eventually(() => symbolNames('desalination'), (names) => !names.some((name) => name.startsWith('notes.txt'))),
    [
      'alpha.statement 1. Desalination plants are welcome.',
      'drafts/delta.stmt 1. Desalination in an excluded folder.',
      'open.statement 4. We request a report on desalination.',
    ],
  );
});

test('a client that fails the configuration request gets defaults, not a dead server', async () => {
  const { client: other } = await LspClient.start({ failConfiguration: true, folders: [folderUri()] });
  await other.waitFor(() => other.progress.some((p) => p.kind === 'end'), 'the index build with default settings');
  const symbols = (await other.connection.sendRequest(WorkspaceSymbolRequest.type, { query: 'desalination' })) as SymbolInformation[];
  // Defaults: no *.txt files, nothing excluded but .gitignore'd folders.
  assert.deepEqual(symbols.map((s) => path.relative(dir, new URL(s.location.uri).pathname)).sort(), ['alpha.statement', 'drafts/delta.stmt']);
  assert.equal(await other.stop(), 0);
});

/** The document's outline as indented "name line:char-line:char" lines. */
async function outline(uri: string): Promise<string[]> {
  const symbols = (await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } })) as DocumentSymbol[];
  const lines: string[] = [];
  const walk = (list: DocumentSymbol[], indent: string) => {
    for (const s of list) {
      lines.push(`${indent}${s.name} ${s.range.start.line}:${s.range.start.character}-${s.range.end.line}:${s.range.end.character}`);
      walk(s.children ?? [], `${indent}  `);
    }
  };
  walk(symbols, '');
  return lines;
}

/** Repeats `probe` until `done` holds (the server processes notifications asynchronously), for up to 5 s. */
async function eventually<T>(probe: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  const deadline = Date.now() + 5000;
  for (;;) {
    const value = await probe();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
