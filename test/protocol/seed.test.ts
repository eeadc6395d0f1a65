import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { DocumentSymbolRequest, type DocumentSymbol } from 'vscode-languageserver-protocol';
import { sharedDir } from '../shared';
import { LspClient } from './lspClient';

test('the seed over LSP: title holding 15 paragraphs labelled 1–15, and the web-boilerplate hint', async (t) => {
  const dir = sharedDir(t, 'seeds');
  if (!dir) return;
  const [name] = readdirSync(dir);
  const uri = pathToFileURL(path.join(dir, name)).href;
  const { client } = await LspClient.start();
  try {
    await client.open(uri, readFileSync(path.join(dir, name), 'utf8'));
    const symbols = (await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } })) as DocumentSymbol[];
    assert.equal(symbols.length, 1);
    assert.equal(symbols[0].name, 'Joint Statement by the Small Group of the Global Coalition');
    const paragraphs = symbols[0].children ?? [];
    assert.deepEqual(
      paragraphs.map((p) => p.name.split(' ')[0]),
      Array.from({ length: 15 }, (_, i) => `${i + 1}.`),
    );
    assert.equal(paragraphs[0].name, '1. These are essential milestones in our campaign to put Da’esh…');
    const published = await client.diagnosticsFor(uri, 1);
    // This findings; other analyses (entities, references) may add their own.
    const own = published.diagnostics.filter((d) => d.code === 'web-boilerplate' || /^(paragraph|file)-/.test(String(d.code)));
    assert.deepEqual(own.map((d) => [d.code, d.severity, d.range.start.line]), [['web-boilerplate', 4, 18]]);
  } finally {
    assert.equal(await client.stop(), 0);
  }
});
