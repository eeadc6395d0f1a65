import gazetteer from '../../../data/gazetteer.json';
import type { Entity } from './types';

type StoredEntity = Partial<Entity> & Pick<Entity, 'id' | 'type' | 'name'>;

let cache: Entity[] | undefined;

/** The bundled gazetteer (server/data/gazetteer.json, built by scripts/build-gazetteer.ts). */
export function bundledEntities(): readonly Entity[] {
  cache ??= (gazetteer.entities as StoredEntity[]).map(expandEntity);
  return cache;
}

/** Fills the fields that the stored JSON leaves out when empty. */
export function expandEntity(e: StoredEntity): Entity {
  return {
    aliases: [], acronyms: [], demonyms: [], names: {}, ambiguous: [], links: [], roles: [],
    ...e,
  };
}
