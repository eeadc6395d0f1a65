import gazetteer from '../../../data/gazetteer.json';
import type { Entity } from './types';

type StoredEntity = Partial<Entity> & Pick<Entity, 'id' | 'type' | 'name'>;

/**
 * Prefix of the source URIs of bundled entries; `resolveSource` maps it to the extension's data folder.
 * gazetteer.json holds one entity per line after its first line, so the line of entry i is i + 1.
 */
export const BUNDLED_DATA = 'policy-annotator-data:';

let cache: Entity[] | undefined;

/** The bundled gazetteer (server/data/gazetteer.json, built by scripts/build-gazetteer.ts). */
export function bundledEntities(): readonly Entity[] {
  cache ??= (gazetteer.entities as StoredEntity[]).map((e, i) => expandEntity({ source: { uri: `${BUNDLED_DATA}gazetteer.json`, line: i + 1 }, ...e }));
  return cache;
}

/** Fills the fields that the stored JSON leaves out when empty. */
export function expandEntity(e: StoredEntity): Entity {
  return {
    aliases: [], acronyms: [], demonyms: [], names: {}, ambiguous: [], links: [], roles: [],
    ...e,
  };
}

/** The real URI of an entry's source: bundled ones live in `dataUri` (the server's data folder), if known. */
export function resolveSource(source: Entity['source'], dataUri: string | undefined): { uri: string; line: number } | null {
  if (!source) return null;
  if (!source.uri.startsWith(BUNDLED_DATA)) return source;
  if (!dataUri) return null;
  return { uri: `${dataUri.replace(/\/$/, '')}/${source.uri.slice(BUNDLED_DATA.length)}`, line: source.line };
}
