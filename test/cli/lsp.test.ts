import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DocumentSymbolRequest, type DocumentSymbol } from 'vscode-languageserver-protocol';
import { LspClient } from '../protocol/lspClient';
import { cliPath } from './cliHelpers';

test('lsp --stdio starts the same language server in the CLI process', async () => {
  const { client, initializeResult } = await LspClient.start({ args: [cliPath, 'lsp', '--stdio'] });
  assert.deepEqual(initializeResult.serverInfo, { name: 'policy-annotator', version: require('../../package.json').version });
  const uri = 'untitled:cli-lsp';
  await client.open(uri, 'Title\n\n1. First.\n3. Third.\n');
  const published = await client.diagnosticsFor(uri, 1);
  assert.deepEqual(published.diagnostics.map((d) => d.code), ['paragraph-number-gap']);
  const symbols = (await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } })) as DocumentSymbol[];
  assert.deepEqual(symbols[0].children?.map((s) => s.name), ['1. First.', '3. Third.']);
  assert.equal(await client.stop(), 0);
});
