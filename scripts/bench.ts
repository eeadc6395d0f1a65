// `npm run bench`: speed of the paragraph model and of the language server, written to docs/BENCHMARKS.md.
// Add a measurement by appending to `measurements` (name, unit, target, run).
import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DidChangeTextDocumentNotification, DocumentSymbolRequest } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzeDocument, problemsOf } from '../server/src/core/analysis';
import { parseStatement } from '../server/src/core/statement';
import { LspClient } from '../test/protocol/lspClient';
import { referenceMeasurements, stopReferenceBench } from './benchReferences';
import { entityMeasurements } from './bench-entities';
import { codingMeasurements } from './benchCoding';

interface Measurement {
  name: string;
  unit: 'MB/s' | 'ms' | 'MB' | '×';
  /** Met when the value is at least (MB/s) or at most (ms, MB) this. */
  target?: number;
  run(): Promise<number>;
}

const root = path.resolve(__dirname, '..');
const KB = 1000;
const MB = 1000 * KB;

const openings = ['Decides', 'Calls upon', 'Urges', 'Requests', 'Welcomes', 'Encourages', 'Condemns', 'Reaffirms'];
const preambles = ['Recalling', 'Reaffirming', 'Noting with concern', 'Deeply concerned', 'Bearing in mind', 'Expressing'];
const filler =
  'the Member States concerned, in close cooperation with the United Nations and regional organizations, to strengthen ' +
  'their efforts, as set out in resolution 2254 (2015), including through the provision of humanitarian assistance';

/** At most this many numbered paragraphs: numbers stay within 1–999, as markers of real statements do. */
const MAX_PARAGRAPHS = 800;

/**
 * A UN-style resolution of about `size` characters: preambular paragraphs, then numbered ones (one per
 * 400 characters, at most MAX_PARAGRAPHS), every fifth with (a)/(b) and (i)/(ii) subparagraphs; beyond
 * that, paragraphs grow longer with `size`. Lines are hard-wrapped.
 */
function generateStatement(size: number): string {
  const parts = ['---', 'title: Generated resolution', 'issuer: Benchmark Council', '---', 'Resolution on benchmarks', ''];
  for (let i = 0; i < 6; i++) parts.push(`${preambles[i]} ${filler},`, '');
  const head = parts.join('\n').length;
  // Characters per paragraph (a fifth of them carry four subparagraphs of the same length).
  const paragraphs = Math.min(MAX_PARAGRAPHS, Math.floor(size / 400));
  const unit = Math.floor((size - head) / (paragraphs * 1.8)) - 10;
  const body = (indent: string) => wrap(`${filler} `.repeat(Math.ceil(unit / filler.length) + 1).slice(0, unit).trimEnd(), indent);
  for (let n = 1; n <= paragraphs; n++) {
    parts.push(`${n}. ${openings[n % openings.length]} ${body('')};`);
    if (n % 5 === 0) {
      parts.push(`    (a) ${body('    ')};`, `    (b) ${body('    ')}:`, `        (i) ${body('        ')};`, `        (ii) ${body('        ')};`);
    }
  }
  return `${parts.join('\n')}\n`;
}

/** Hard-wraps at about 100 characters, as statements pasted from PDFs are. */
function wrap(text: string, indent: string): string {
  return text.replace(/(.{90,100}?) /g, `$1\n${indent}`);
}

const texts = new Map([100 * KB, MB, 10 * MB].map((size) => [size, generateStatement(size)]));
const label = (size: number) => (size >= MB ? `${size / MB} MB` : `${size / KB} KB`);

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function timeMs(action: () => void): number {
  const start = process.hrtime.bigint();
  action();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/** Parse throughput: median over `runs` parses after as many warm-ups (so the JIT has settled). */
function parseThroughput(size: number, runs: number): Measurement {
  const paragraphs = parseStatement({ uri: 'bench:///count', version: 0, text: texts.get(size)! }).paragraphs.length;
  return {
    name: `Parse ${label(size)} statement, ${paragraphs} paragraphs (in-process)`,
    unit: 'MB/s',
    target: 150,
    async run() {
      const text = texts.get(size)!;
      const times: number[] = [];
      for (let i = 0; i < 2 * runs; i++) {
        const ms = timeMs(() => parseStatement({ uri: 'bench:///s', version: i, text }));
        if (i >= runs) times.push(ms);
      }
      return Buffer.byteLength(text) / MB / (median(times) / 1000);
    },
  };
}

/** What is re-computed for a new document version: the paragraph model alone, or all that diagnostics need. */
const stages = {
  'paragraph model': (uri: string, version: number, text: string) => void parseStatement({ uri, version, text }),
  'full analysis with all problems': (uri: string, version: number, text: string) =>
    void problemsOf(analyzeDocument(uri, version, text)),
};

/** Applies a one-character insertion in the middle of the 1 MB document and re-analyses it, like the server does. */
function oneKeyReanalysis(stage: keyof typeof stages, target?: number): Measurement {
  const analyse = stages[stage];
  return {
    name: `Re-analysis after a one-key edit, 1 MB, ${stage} (in-process, median of 10)`,
    unit: 'ms',
    target,
    async run() {
      let document = TextDocument.create('bench:///s', 'policy-statement', 1, texts.get(MB)!);
      analyse(document.uri, document.version, document.getText());
      const times: number[] = [];
      for (let i = 0; i < 12; i++) {
        const at = document.positionAt(document.getText().length / 2);
        const ms = timeMs(() => {
          document = TextDocument.update(document, [{ range: { start: at, end: at }, text: 'x' }], document.version + 1);
          analyse(document.uri, document.version, document.getText());
        });
        if (i >= 2) times.push(ms);
      }
      return median(times);
    },
  };
}

let server: LspClient | null = null;
const uri = 'untitled:bench-1mb.statement';
let version = 1;

async function lspServer(): Promise<LspClient> {
  if (!server) {
    ({ client: server } = await LspClient.start());
    await server.open(uri, texts.get(MB)!, version);
  }
  return server;
}

async function roundTripMs(client: LspClient): Promise<number> {
  const start = process.hrtime.bigint();
  await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } });
  return Number(process.hrtime.bigint() - start) / 1e6;
}

const measurements: Measurement[] = [
  parseThroughput(100 * KB, 50),
  parseThroughput(MB, 20),
  parseThroughput(10 * MB, 5),
  oneKeyReanalysis('paragraph model', 10),
  oneKeyReanalysis('full analysis with all problems'),
  {
    name: 'documentSymbol over LSP, 1 MB, first request after didOpen (includes analysis)',
    unit: 'ms',
    async run() {
      return roundTripMs(await lspServer());
    },
  },
  {
    name: 'documentSymbol over LSP, 1 MB (round trip, median of 20)',
    unit: 'ms',
    target: 30,
    async run() {
      const client = await lspServer();
      const times: number[] = [];
      for (let i = 0; i < 20; i++) times.push(await roundTripMs(client));
      return median(times);
    },
  },
  {
    name: 'One-key didChange then documentSymbol over LSP, 1 MB (round trip, median of 20)',
    unit: 'ms',
    async run() {
      const client = await lspServer();
      const line = 40;
      const times: number[] = [];
      for (let i = 0; i < 20; i++) {
        const start = process.hrtime.bigint();
        await client.connection.sendNotification(DidChangeTextDocumentNotification.type, {
          textDocument: { uri, version: ++version },
          contentChanges: [{ range: { start: { line, character: 5 }, end: { line, character: 5 } }, text: 'x' }],
        });
        await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } });
        times.push(Number(process.hrtime.bigint() - start) / 1e6);
      }
      return median(times);
    },
  },
  ...referenceMeasurements(texts.get(10 * MB)!),
  {
    name: 'Peak memory (RSS) of the server process',
    unit: 'MB',
    async run() {
      const client = await lspServer();
      const status = readFileSync(`/proc/${client.child.pid}/status`, 'utf8');
      const kb = Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? NaN);
      return kb / 1024;
    },
  },
  ...entityMeasurements,
  {
    name: 'Peak memory (RSS) of the benchmark process (10 MB parses)',
    unit: 'MB',
    async run() {
      return process.resourceUsage().maxRSS / 1024;
    },
  },
  ...codingMeasurements,
];

function met(m: Measurement, value: number): string {
  if (m.target === undefined) return '';
  const ok = m.unit === 'MB/s' ? value >= m.target : value <= m.target;
  return `${ok ? 'met' : 'MISSED'} (target ${m.unit === 'MB/s' ? '≥' : '<'} ${m.target} ${m.unit})`;
}

function machine(): string {
  let model = os.cpus()[0]?.model ?? 'unknown';
  try {
    model = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? model;
  } catch {
    // not Linux: os.cpus() is good enough
  }
  return `${os.availableParallelism()} CPUs (nproc), ${model}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB memory, Node ${process.version}, ${os.platform()} ${os.release()}`;
}

async function main(): Promise<void> {
  const rows: string[] = [];
  try {
    for (const m of measurements) {
      const value = await m.run();
      const shown = value >= 100 ? value.toFixed(0) : value.toFixed(2);
      console.log(`${m.name.padEnd(84)} ${`${shown} ${m.unit}`.padStart(12)}  ${met(m, value)}`);
      rows.push(`| ${m.name} | ${shown} ${m.unit} | ${met(m, value)} |`);
    }
  } finally {
    if (server) await server.stop();
    await stopReferenceBench();
  }
  const when = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
  const doc = `# Benchmarks

Written by \`npm run bench\` (scripts/bench.ts); rerun it to refresh this page. The statements are generated:
UN-style resolutions with front matter, preambular paragraphs and numbered operative paragraphs (one per 400
characters, at most 800 so that numbers stay within the 1–999 that markers allow; larger files have longer
paragraphs), every fifth with (a)/(b) and (i)/(ii) subparagraphs, hard-wrapped at about 100 characters; every paragraph
cites a resolution, so the text is dense in references. Parse
cost grows with the number of paragraphs more than with bytes, so the 100 KB figure (densest) is the
conservative one. LSP timings are round trips from a client in the benchmark process to the
built server (\`dist/server.js --stdio\`), including JSON-RPC over pipes. The machine is shared, so expect noise. Reference scanning reads the same 10 MB statement, which cites a resolution every ~230 characters (about
43,000 references, far denser than real statements: the real statements of ../shared/corpus, repeated to
10 MB, scan at about 250 MB/s); the
hover and definition timings are over LSP with 5,000 generated statements indexed.

- Date: ${when}
- Machine: ${machine()}
- Load average when the run ended (1/5/15 min): ${os.loadavg().map((load) => load.toFixed(2)).join(' / ')}

| Measurement | Value | Target |
| --- | --- | --- |
${rows.join('\n')}
`;
  writeFileSync(path.join(root, 'docs', 'BENCHMARKS.md'), doc);
  console.log(`\nWrote docs/BENCHMARKS.md`);
}

void main().catch((error) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exitCode = 1;
});
