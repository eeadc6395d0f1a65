import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { test } from 'node:test';
import { buildGazetteer, GAZETTEER_PATH, serializeGazetteer } from '../../scripts/build-gazetteer';
import { isWebLink } from '../../server/src/core/entities/catalog';
import { EntityIndex } from '../../server/src/core/entities/entityIndex';
import { bundledEntities, resolveSource } from '../../server/src/core/entities/gazetteer';
import { foldKey } from '../../server/src/core/entities/normalize';
import { ENTITY_TYPES, UN_LANGUAGES } from '../../server/src/core/entities/types';

const entities = bundledEntities();
const byId = new Map(entities.map((e) => [e.id, e]));

test('the committed gazetteer.json is what scripts/build-gazetteer.ts generates', () => {
  assert.equal(readFileSync(GAZETTEER_PATH, 'utf8'), serializeGazetteer(buildGazetteer()), 'run: npx tsx scripts/build-gazetteer.ts');
});

test('193 member states and 2 observer states, each with names in the six UN languages', () => {
  const members = entities.filter((e) => e.category === 'member-state');
  const observers = entities.filter((e) => e.category === 'observer-state');
  assert.equal(members.length, 193);
  assert.deepEqual(observers.map((e) => e.name).sort(), ['Holy See', 'Palestine']);
  for (const state of [...members, ...observers]) {
    assert.match(state.id, /^[A-Z]{3}$/);
    for (const lang of UN_LANGUAGES) {
      // A language may spell a name as English does ("Mali" in French): then the English name serves.
      const names = state.names[lang] ?? [];
      assert.ok(names.length > 0 || lang === 'fr' || lang === 'es', `${state.name} has a ${lang} name`);
    }
  }
  assert.deepEqual(byId.get('SYR')!.names.fr, ['Syrie', 'République arabe syrienne']);
  assert.ok(byId.get('TUR')!.aliases.includes('Turkey'));
  assert.ok(byId.get('GBR')!.aliases.includes('United Kingdom of Great Britain and Northern Ireland'));
  assert.deepEqual(byId.get('IRQ')!.demonyms, ['Iraqi', 'Iraqis']);
});

test('every capital is there, with its state as parent', () => {
  const capitals = entities.filter((e) => e.category === 'capital' || (e.type === 'location' && e.parent && /^[A-Z]{3}$/.test(e.parent)));
  for (const name of ['Damascus', 'Baghdad', 'Tripoli', 'Bamako', 'Niamey', 'Mogadishu', "N'Djamena", 'Paris', 'London', 'Kuwait City']) {
    const capital = capitals.find((c) => c.name === name);
    assert.ok(capital, name);
    assert.ok(byId.has(capital.parent!), `${name} has a known parent`);
  }
});

test('handwritten entries: ids unique, parents and role references resolve, links are http(s)', () => {
  assert.equal(byId.size, entities.length);
  const index = new EntityIndex(entities);
  for (const e of entities) {
    assert.ok((ENTITY_TYPES as readonly string[]).includes(e.type), e.id);
    if (e.parent) assert.ok(byId.has(e.parent), `${e.id}: parent ${e.parent}`);
    for (const r of e.roles) {
      if (r.role) assert.ok(byId.has(r.role), `${e.id}: role ${r.role}`);
      if (r.of) assert.ok(byId.has(r.of), `${e.id}: of ${r.of}`);
    }
    for (const link of e.links) assert.ok(isWebLink(link), link);
  }
  assert.deepEqual(index.ancestors(byId.get('mosul')!).map((e) => e.id), ['IRQ']);
  const envoy = byId.get('staffan-de-mistura')!;
  assert.deepEqual(envoy.roles[0], { title: 'Special Envoy of the Secretary-General for Syria', role: 'special-envoy-syria', of: 'united-nations', from: '2014-07-10', to: '2019-01-06' });
  assert.deepEqual(byId.get('haider-al-abadi')!.roles[0].from, '2014-09-08');
  const sgs = entities.filter((e) => e.roles.some((r) => r.role === 'secretary-general')).map((e) => e.name);
  assert.deepEqual(sgs, ['Trygve Lie', 'Dag Hammarskjöld', 'U Thant', 'Kurt Waldheim', 'Javier Pérez de Cuéllar', 'Boutros Boutros-Ghali', 'Kofi Annan', 'Ban Ki-moon', 'António Guterres']);
});

test('no two entities claim the same name of the same kind unless one is marked ambiguous', () => {
  const owners = new Map<string, string>();
  const clashes: string[] = [];
  for (const e of entities) {
    for (const n of [e.name, ...e.aliases, ...e.acronyms]) {
      const key = foldKey(n);
      const owner = owners.get(key);
      if (owner && owner !== e.id) clashes.push(`${n}: ${owner} / ${e.id}`);
      else owners.set(key, e.id);
    }
  }
  assert.deepEqual(clashes, []);
});

test('every bundled entry knows its source line: gazetteer.json for generated ones, the YAML for handwritten ones', () => {
  const dataDir = path.join(path.dirname(GAZETTEER_PATH));
  const files = new Map<string, string[]>();
  const linesOf = (file: string) => {
    if (!files.has(file)) files.set(file, readFileSync(path.join(dataDir, file), 'utf8').split('\n'));
    return files.get(file)!;
  };
  for (const e of entities) {
    const source = resolveSource(e.source, pathToFileURL(dataDir).href)!;
    const file = source.uri.slice(source.uri.lastIndexOf('/') + 1);
    const line = linesOf(file)[source.line];
    if (file === 'gazetteer.json') assert.ok(line.startsWith(`{"id":${JSON.stringify(e.id)},`), `${e.id}: ${line.slice(0, 40)}`);
    else assert.match(line, new RegExp(`id: ${e.id.replace(/[.]/g, '\\.')}\\b`), e.id);
  }
  assert.equal(resolveSource(byId.get('SYR')!.source, undefined), null);
});
