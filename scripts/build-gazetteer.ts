// Builds server/data/gazetteer.json: UN member and observer states from the world-countries dataset
// (names in the six UN languages, formal names, demonyms, capitals), corrected by
// server/data/gazetteer-states.yaml, plus the handwritten entries of server/data/gazetteer.entities.yaml.
// Run: npx tsx scripts/build-gazetteer.ts   (test/unit/gazetteer.test.ts checks the output is current)
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import countries from 'world-countries';
import { parse } from 'yaml';
import { parseEntityCatalog } from '../server/src/core/entities/catalog';
import { foldKey } from '../server/src/core/entities/normalize';
import { BUNDLED_DATA } from '../server/src/core/entities/gazetteer';
import type { Entity, EntitySource, UnLanguage } from '../server/src/core/entities/types';

const root = path.resolve(import.meta.dirname, '..');
const dataDir = path.join(root, 'server', 'data');
export const GAZETTEER_PATH = path.join(dataDir, 'gazetteer.json');

/** world-countries translation keys for the UN languages other than English. */
const LANGUAGES: Record<UnLanguage, string> = { ar: 'ara', zh: 'zho', fr: 'fra', ru: 'rus', es: 'spa' };

interface StateOverride {
  name?: string;
  aliases?: string[];
  demonyms?: string[];
  ambiguous?: string[];
}
interface StatesFile {
  observers: string[];
  states: Record<string, StateOverride>;
  dropNames: string[];
  ambiguousCapitals: string[];
}

/** The JSON written to disk: entities without empty fields. */
export interface GazetteerFile {
  schemaVersion: 1;
  sources: string[];
  entities: Array<Partial<Entity> & Pick<Entity, 'id' | 'type' | 'name'>>;
}

export function buildGazetteer(): GazetteerFile {
  const states = parse(readFileSync(path.join(dataDir, 'gazetteer-states.yaml'), 'utf8')) as StatesFile;
  const curatedPath = path.join(dataDir, 'gazetteer.entities.yaml');
  const curated = parseEntityCatalog(readFileSync(curatedPath, 'utf8'), curatedPath);
  if (curated.problems.length) {
    const lines = curated.problems.map((p) => `gazetteer.entities.yaml:${p.range.start.line + 1}: ${p.message}`);
    throw new Error(`invalid handwritten gazetteer:\n${lines.join('\n')}`);
  }
  const dropped = new Set(states.dropNames.map(foldKey));
  const usable = (name: string) => !dropped.has(foldKey(name)) && !/^[A-Z]{2}$/.test(name) && !name.includes(',');

  const un = countries.filter((c) => c.unMember || states.observers.includes(c.cca3));
  // A demonym shared by two states ("Congolese", "Dominican") names neither.
  const demonymCount = new Map<string, number>();
  const demonymsOf = (c: (typeof countries)[number]) => {
    const eng = c.demonyms?.eng;
    const base = unique([eng?.m, eng?.f].filter((d): d is string => !!d));
    return unique([...base, ...base.filter((d) => /(an|i)$/.test(d)).map((d) => d + 's'), ...(states.states[c.cca3]?.demonyms ?? [])]);
  };
  for (const c of un) for (const d of demonymsOf(c)) demonymCount.set(d, (demonymCount.get(d) ?? 0) + 1);

  const stateEntities: Entity[] = un.map((c) => {
    const o = states.states[c.cca3] ?? {};
    const observer = states.observers.includes(c.cca3);
    const name = o.name ?? c.name.common;
    const dataset = [c.name.common, c.name.official, ...c.altSpellings.filter((a) => /^[\p{Script=Latin}\s'’.()-]+$/u.test(a))].filter(usable);
    const english = unique([...dataset, ...(o.aliases ?? [])]).filter((a) => a !== name);
    const known = new Set([name, ...english].map(foldKey));
    const names: Entity['names'] = {};
    for (const [lang, key] of Object.entries(LANGUAGES) as Array<[UnLanguage, string]>) {
      const t = c.translations[key];
      const list = unique([t?.common, t?.official].filter((n): n is string => !!n)).filter((n) => usable(n) && !known.has(foldKey(n)));
      if (list.length) names[lang] = list;
    }
    const capital = c.capital[0];
    return {
      id: c.cca3,
      type: 'location',
      name,
      category: observer ? 'observer-state' : 'member-state',
      aliases: english,
      acronyms: [],
      demonyms: demonymsOf(c).filter((d) => demonymCount.get(d) === 1 && !known.has(foldKey(d)) && !(d.endsWith('s') && known.has(foldKey(d.slice(0, -1))))),
      names,
      ambiguous: o.ambiguous ?? [],
      description: `${observer ? 'Non-member observer state of the United Nations' : 'Member state of the United Nations'} (${c.subregion || c.region}).` +
        (c.name.official !== name ? ` Formal name: ${c.name.official}.` : '') + (capital ? ` Capital: ${capital}.` : ''),
      links: [],
      roles: [],
    };
  });

  const taken = new Set([...stateEntities, ...curated.entities].flatMap((e) => [e.name, ...e.aliases]).map(foldKey));
  const ids = new Set([...stateEntities, ...curated.entities].map((e) => e.id));
  const capitals: Entity[] = [];
  for (const c of un) {
    for (const capital of c.capital) {
      if (taken.has(foldKey(capital))) continue;
      let id = slug(capital);
      if (ids.has(id)) id = `${id}-${c.cca3.toLowerCase()}`;
      ids.add(id);
      const ambiguous = states.ambiguousCapitals.filter((a) => foldKey(a) === foldKey(capital));
      capitals.push({
        id, type: 'location', name: capital, category: 'capital', parent: c.cca3, aliases: [], acronyms: [], demonyms: [],
        names: {}, ambiguous, description: `Capital of ${stateEntities.find((s) => s.id === c.cca3)!.name}.`, links: [], roles: [],
      });
    }
  }

  return {
    schemaVersion: 1,
    sources: [
      'world-countries (https://github.com/mledoze/countries, ODbL-1.0): states, names in the UN languages, demonyms, capitals',
      'server/data/gazetteer-states.yaml: corrections to that dataset',
      'server/data/gazetteer.entities.yaml: handwritten entries',
    ],
    entities: [...stateEntities, ...curated.entities, ...capitals].map(compact),
  };
}

function compact(e: Entity): GazetteerFile['entities'][number] {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(e)) {
    if (v === undefined) continue;
    if (k === 'source') {
      // Handwritten entries point back to their line in the YAML (go to definition); the others to gazetteer.json.
      out.source = { uri: `${BUNDLED_DATA}gazetteer.entities.yaml`, line: (v as EntitySource).line };
      continue;
    }
    if (Array.isArray(v) && v.length === 0) continue;
    if (v && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length === 0) continue;
    out[k] = v;
  }
  return out as GazetteerFile['entities'][number];
}

function unique(list: string[]): string[] {
  const seen = new Set<string>();
  return list.filter((s) => {
    const k = foldKey(s);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

function slug(name: string): string {
  return foldKey(name).toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

/** One entity per line, so that an entity's line in the file is known (go to definition) and diffs stay small. */
export function serializeGazetteer(g: GazetteerFile): string {
  const head = JSON.stringify({ schemaVersion: g.schemaVersion, sources: g.sources });
  return `${head.slice(0, -1)},"entities":[\n${g.entities.map((e) => JSON.stringify(e)).join(',\n')}\n]}\n`;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const g = buildGazetteer();
  writeFileSync(GAZETTEER_PATH, serializeGazetteer(g));
  console.log(`wrote ${path.relative(root, GAZETTEER_PATH)}: ${g.entities.length} entities`);
}
