// Reference measurements for `npm run bench` (scripts/bench.ts adds them to its table).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DefinitionRequest, HoverRequest } from 'vscode-languageserver-protocol';
import { createCatalogStore, findReferences } from '../server/src/core/references';
import { LineIndex } from '../server/src/core/text';
import { LspClient } from '../test/protocol/lspClient';

export interface ReferenceMeasurement {
  name: string;
  unit: 'MB/s' | 'ms';
  target?: number;
  run(): Promise<number>;
}

const FILES = 5000;
let workspace: { dir: string; client: LspClient; uri: string } | null = null;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** A workspace of 5,000 statements citing Security Council resolutions, one of them the text of 2178 (2014). */
async function indexedWorkspace(): Promise<{ client: LspClient; uri: string }> {
  if (workspace) return workspace;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'pa-bench-refs-'));
  mkdirSync(path.join(dir, 'statements'));
  writeFileSync(path.join(dir, 'res2178.statement'), '---\nsymbol: S/RES/2178 (2014)\n---\nResolution 2178 (2014)\n\n1. Condemns.\n2. Decides.\n3. Urges.\n');
  for (let i = 0; i < FILES - 1; i++) {
    const n = 2100 + (i % 300);
    const text = [
      `Statement ${i}`,
      '',
      `1. Recalling resolutions 1267 (1999), 1373 (2001) and ${n}, we support UNSCR 2254 and the work of the Council.`,
      `2. We stress paragraph 2 of resolution 2178 (2014) and General Assembly resolution ${60 + (i % 20)}/${1 + (i % 50)}.`,
      '3. We remain seized of the matter.',
      '',
    ].join('\n');
    writeFileSync(path.join(dir, 'statements', `s${i}.statement`), text);
  }
  const { client } = await LspClient.start({ folders: [pathToFileURL(dir).href] });
  await client.waitFor(() => client.progress.some((p) => p.kind === 'end'), 'the index build to end', 600_000);
  const uri = pathToFileURL(path.join(dir, 'statements', 's7.statement')).href;
  workspace = { dir, client, uri };
  return workspace;
}

async function roundTrips(request: (client: LspClient, uri: string) => Promise<unknown>): Promise<number> {
  const { client, uri } = await indexedWorkspace();
  const times: number[] = [];
  for (let i = 0; i < 45; i++) {
    const start = process.hrtime.bigint();
    const answer = await request(client, uri);
    if (answer === null) throw new Error('no answer: the benchmark position is not on a reference');
    if (i >= 5) times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return median(times);
}

export function referenceMeasurements(text10MB: string): ReferenceMeasurement[] {
  const lines = new LineIndex(text10MB);
  const store = createCatalogStore();
  const count = findReferences(lines, store).length;
  return [
    {
      // Wall time, median of five runs after three warm-ups. (CPU time would also count the parallel GC
      // threads, which run beside the pass on the second core.)
      name: `Reference scanning, 10 MB statement, ${count} references found and resolved (in-process, median of 5)`,
      unit: 'MB/s',
      target: 100,
      async run() {
        const times: number[] = [];
        for (let i = 0; i < 8; i++) {
          const start = process.hrtime.bigint();
          findReferences(lines, store);
          if (i >= 3) times.push(Number(process.hrtime.bigint() - start) / 1e6);
        }
        return Buffer.byteLength(text10MB) / 1e6 / (median(times) / 1000);
      },
    },
    {
      name: `Reference hover over LSP, ${FILES.toLocaleString('en')} files indexed (round trip, median of 40)`,
      unit: 'ms',
      target: 5,
      run: () => roundTrips((client, uri) => client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 2, character: 80 } })),
    },
    {
      name: `Go to definition over LSP, ${FILES.toLocaleString('en')} files indexed (round trip, median of 40)`,
      unit: 'ms',
      target: 5,
      run: () => roundTrips((client, uri) => client.connection.sendRequest(DefinitionRequest.type, { textDocument: { uri }, position: { line: 3, character: 40 } })),
    },
  ];
}

export async function stopReferenceBench(): Promise<void> {
  if (!workspace) return;
  await workspace.client.stop();
  rmSync(workspace.dir, { recursive: true, force: true });
  workspace = null;
}
