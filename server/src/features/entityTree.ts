import type { CancellationToken } from 'vscode-languageserver-protocol';
import type { Range } from 'vscode-languageserver-types';
import type { DocumentAnalysis } from '../core/analysis';
import { ENTITY_TYPES, type EntityType } from '../core/entities/types';

/** Custom request behind the client's "Entities in this statement" view. */
export const ENTITIES_REQUEST = 'policyAnnotator/entities';

export interface EntitiesParams {
  uri: string;
}

export interface EntityTreeItem {
  id: string;
  name: string;
  type: EntityType;
  category?: string;
  count: number;
  /** Each mention's range and text as written, in document order. */
  mentions: Array<{ range: Range; text: string }>;
}

export interface EntityTreeGroup {
  type: EntityType;
  count: number;
  entities: EntityTreeItem[];
}

/** The document's entities grouped by type (in the TLC order), most mentioned first within a group. */
export function entityTree(doc: DocumentAnalysis, token: CancellationToken): EntityTreeGroup[] {
  const byId = new Map<string, EntityTreeItem>();
  for (const m of doc.entities.mentions) {
    if (token.isCancellationRequested) return [];
    let item = byId.get(m.id);
    if (!item) {
      const category = doc.entities.index.byId.get(m.id)?.category;
      item = { id: m.id, name: m.name, type: m.type, count: 0, mentions: [], ...(category ? { category } : {}) };
      byId.set(m.id, item);
    }
    item.count++;
    item.mentions.push({ range: m.range, text: m.text.replace(/\s+/g, ' ') });
  }
  const groups: EntityTreeGroup[] = [];
  for (const type of ENTITY_TYPES) {
    const entities = [...byId.values()].filter((e) => e.type === type).sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
    if (entities.length) groups.push({ type, count: entities.reduce((n, e) => n + e.count, 0), entities });
  }
  return groups;
}

/** The `entities` array of `policy-annotator export --format json`. */
export function exportEntities(doc: DocumentAnalysis) {
  return doc.entities.mentions.map((m) => ({ text: m.text, range: m.range, id: m.id, type: m.type, name: m.name, mention: m.mention }));
}
