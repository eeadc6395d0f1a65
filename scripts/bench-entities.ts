// Entity recognition benchmarks (part of `npm run bench`): matching throughput with the full bundled
// gazetteer, and the scaling claim — the same text scanned with 100 and with 50,000 catalog entries.
import { analyzeEntities } from '../server/src/core/entities/analyzeEntities';
import { EntityIndex } from '../server/src/core/entities/entityIndex';
import { bundledEntities } from '../server/src/core/entities/gazetteer';
import { EntityMatcher } from '../server/src/core/entities/recognizer';
import type { Entity } from '../server/src/core/entities/types';
import { LineIndex } from '../server/src/core/text';

/** Deterministic pseudo-random numbers (mulberry32), so that runs compare. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SENTENCES = [
  'The Coalition welcomed the progress made by the Iraqi Security Forces in Mosul and Ninewa.',
  'We reaffirm our support to the Government of National Accord (GNA) and to UNSMIL in Libya.',
  'Donors at the London Conference pledged support to Syrians and to host communities in Jordan and Lebanon.',
  'Da’esh’s ability to move funds across the Sahel has been degraded, according to CTED and the Monitoring Team.',
  'The Special Envoy briefed the Security Council on the political process under resolution 2254 (2015).',
  'Humanitarian access to Idlib, Raqqa and Deir ez-Zor remains limited, said OCHA and UNHCR.',
  'Member states will continue to share information with INTERPOL on foreign terrorist fighters.',
  'We call on all parties to respect international humanitarian law and to protect civilians and\nhumanitarian workers in the conflict zone.',
  // Sentences without names: real statements (the seed has about 11,000 mentions per MB) mix both.
  'These efforts are fundamental to the overall process of reconciliation that our partners hope to foster.',
  'We remain committed to sustaining the momentum of our work and look forward to the next meeting.',
  'The number of people needing help is growing, particularly in the populated areas near the front lines.',
  'We urge donors to fulfil all pledges made at these events and to fund vital assistance programmes.',
  'Improvements in our common understanding of these trends have enabled governments to develop more effective policy.',
  'We acknowledge with satisfaction credible reports of growing dissatisfaction within its ranks and of increased desertions.',
];

/** About `bytes` of statement-like prose in numbered paragraphs. */
export function generateText(bytes: number): string {
  const rnd = random(7);
  const parts: string[] = [];
  let size = 0;
  for (let p = 1; size < bytes; p++) {
    let para = `  ${p}. `;
    for (let s = 0; s < 6; s++) para += SENTENCES[Math.floor(rnd() * SENTENCES.length)] + ' ';
    parts.push(para.trimEnd() + '\n\n');
    size += para.length + 2;
  }
  return parts.join('');
}

const SYLLABLES = ['ka', 'lo', 'mir', 'tan', 'sel', 'vo', 'dru', 'nex', 'por', 'ali', 'ben', 'qua', 'zo', 'rim', 'tes', 'gul'];
const TAILS = ['Foundation', 'Front', 'Council', 'Province', 'Initiative', 'Brigade', 'Fund', 'Agency'];

/** `n` synthetic catalog entries with capitalised one- to three-word names. */
export function syntheticEntities(n: number): Entity[] {
  const rnd = random(42);
  const word = () => {
    let w = '';
    const len = 2 + Math.floor(rnd() * 3);
    for (let i = 0; i < len; i++) w += SYLLABLES[Math.floor(rnd() * SYLLABLES.length)];
    return w.charAt(0).toUpperCase() + w.slice(1);
  };
  const out: Entity[] = [];
  for (let i = 0; i < n; i++) {
    const words = [word()];
    if (rnd() < 0.6) words.push(word());
    if (rnd() < 0.5) words.push(TAILS[Math.floor(rnd() * TAILS.length)]);
    out.push({ id: `e${i}`, type: 'organization', name: words.join(' '), aliases: [], acronyms: [], demonyms: [], names: {}, ambiguous: [], links: [], roles: [] });
  }
  return out;
}

function bestOf(runs: number, fn: () => void): number {
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    best = Math.min(best, performance.now() - t0);
  }
  return best;
}

/** A row of docs/BENCHMARKS.md (the shape scripts/bench.ts measures). */
export interface EntityMeasurement {
  name: string;
  unit: 'MB/s' | 'ms' | '×';
  target?: number;
  run(): Promise<number>;
}

let shared: { text: string; lines: LineIndex; mb: number; full: EntityIndex } | undefined;
function fixture() {
  if (!shared) {
    const text = generateText(5_000_000);
    shared = { text, lines: new LineIndex(text), mb: Buffer.byteLength(text) / 1e6, full: new EntityIndex(bundledEntities()) };
  }
  return shared;
}

export const entityMeasurements: EntityMeasurement[] = [
  {
    name: `Entity matching, 5 MB, full gazetteer (${bundledEntities().length} entries; ~17,000 mentions per MB)`,
    unit: 'MB/s',
    target: 30,
    async run() {
      const { text, lines, mb, full } = fixture();
      return mb / (bestOf(10, () => full.find(text, lines)) / 1000);
    },
  },
  {
    // Both sizes scanned in alternation, best of each: the machine is shared, so noise hits both alike.
    name: 'Entity matching with 50,000 vs 100 catalog entries, same 5 MB (time ratio)',
    unit: '×',
    target: 1.5,
    async run() {
      const { text, lines } = fixture();
      const matchers = [100, 50_000].map((n) => new EntityMatcher(syntheticEntities(n)));
      const times = matchers.map(() => Infinity);
      for (let round = 0; round < 15; round++) matchers.forEach((m, k) => (times[k] = Math.min(times[k], bestOf(1, () => m.find(text, lines)))));
      return times[1] / times[0];
    },
  },
  {
    name: 'Whole entity analysis (mentions, spelling hints, unknown names), 1 MB, first analysis of a document',
    unit: 'ms',
    async run() {
      const { full } = fixture();
      const text = generateText(1_000_000);
      const lines = new LineIndex(text);
      // A new URI each time: a document's earlier analysis would be reused.
      let run = 0;
      return bestOf(5, () => analyzeEntities({ uri: `file:///bench-${run++}.statement`, text, lines }, full).unknown);
    },
  },
  {
    name: 'Entity re-analysis after a one-key edit, 1 MB, mentions and spelling hints (median of 10)',
    unit: 'ms',
    target: 10,
    async run() {
      const { full } = fixture();
      let text = generateText(1_000_000);
      const uri = 'file:///bench-edited.statement';
      analyzeEntities({ uri, text, lines: new LineIndex(text) }, full);
      const times: number[] = [];
      for (let i = 0; i < 12; i++) {
        const at = text.length >> 1;
        text = `${text.slice(0, at)}x${text.slice(at)}`;
        const lines = new LineIndex(text);
        const t0 = performance.now();
        analyzeEntities({ uri, text, lines }, full);
        if (i >= 2) times.push(performance.now() - t0);
      }
      return times.sort((a, b) => a - b)[times.length >> 1];
    },
  },
];

if (process.argv[1] && /bench-entities\.ts$/.test(process.argv[1])) {
  void (async () => {
    for (const m of entityMeasurements) console.log(`${m.name}: ${(await m.run()).toFixed(2)} ${m.unit}${m.target ? ` (target ${m.target})` : ''}`);
  })();
}
