import type { LineIndex } from '../text';
import { resolveSource } from './gazetteer';
import { EntityMatcher } from './recognizer';
import type { Entity, EntityMention } from './types';

/**
 * The entities in force for a workspace: the bundled gazetteer overlaid by workspace catalogs.
 * A workspace entry replaces a bundled one with the same id, and its names win over bundled ones.
 */
export class EntityIndex {
  readonly entities: readonly Entity[];
  readonly byId: ReadonlyMap<string, Entity>;
  private compiled: EntityMatcher | undefined;

  /**
   * @param dataUri the folder of the bundled data files (server/data) as a URI, so that go to definition
   *   can open bundled entries; without it only workspace entries have a location.
   */
  constructor(bundled: readonly Entity[], workspace: readonly Entity[] = [], readonly dataUri?: string) {
    const byId = new Map<string, Entity>();
    for (const e of workspace) if (!byId.has(e.id)) byId.set(e.id, e);
    for (const e of bundled) if (!byId.has(e.id)) byId.set(e.id, e);
    this.byId = byId;
    this.entities = [...byId.values()];
  }

  get matcher(): EntityMatcher {
    this.compiled ??= new EntityMatcher(this.entities);
    return this.compiled;
  }

  find(text: string, lines: LineIndex, from?: number, to?: number): EntityMention[] {
    return this.matcher.find(text, lines, from, to);
  }

  /** Where the entry is defined: a workspace catalog line, or a line of the bundled data files. */
  sourceOf(entity: Entity): { uri: string; line: number } | null {
    return resolveSource(entity.source, this.dataUri);
  }

  /** The chain of parents, nearest first, stopping at unknown ids and cycles. */
  ancestors(entity: Entity): Entity[] {
    const out: Entity[] = [];
    const seen = new Set([entity.id]);
    for (let p = entity.parent; p && !seen.has(p); ) {
      const parent = this.byId.get(p);
      if (!parent) break;
      out.push(parent);
      seen.add(p);
      p = parent.parent;
    }
    return out;
  }
}
