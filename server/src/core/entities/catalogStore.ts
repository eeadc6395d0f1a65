import { parseEntityCatalog, type EntityCatalogResult } from './catalog';
import type { EntityIndex } from './entityIndex';
import { indexFromResults } from './workspaceEntities';

/**
 * The workspace's entity catalogs as the server sees them: the files in merge order, the last good
 * version of each (a file whose YAML does not parse keeps its previous entries), and the index built
 * from them, rebuilt only after a change.
 */
export class EntityCatalogStore {
  private order: string[] = [];
  private readonly good = new Map<string, EntityCatalogResult>();
  private readonly latest = new Map<string, EntityCatalogResult>();
  private built: EntityIndex | undefined;

  /** @param dataUri the bundled data folder, for go to definition on bundled entries */
  constructor(private readonly dataUri?: string) {}

  /** Sets which files are catalogs, in merge order; forgets the others. */
  setCatalogs(uris: readonly string[]): void {
    this.order = [...uris];
    for (const uri of [...this.latest.keys()]) {
      if (!uris.includes(uri)) {
        this.latest.delete(uri);
        this.good.delete(uri);
      }
    }
    this.built = undefined;
  }

  isCatalog(uri: string): boolean {
    return this.order.includes(uri);
  }

  /** A catalog's text changed (or was read): parse it; returns its problems for diagnostics. */
  update(uri: string, text: string | null): EntityCatalogResult {
    const result = text === null ? { entities: [], problems: [], hasEntities: false } : parseEntityCatalog(text, uri);
    this.latest.set(uri, result);
    const unreadable = result.problems.some((p) => p.message.startsWith('YAML: '));
    if (!unreadable || !this.good.has(uri)) this.good.set(uri, result);
    this.built = undefined;
    return result;
  }

  /** The latest problems of a catalog file. */
  problemsOf(uri: string): EntityCatalogResult['problems'] {
    return this.latest.get(uri)?.problems ?? [];
  }

  get index(): EntityIndex {
    this.built ??= indexFromResults(this.order.flatMap((uri) => this.good.get(uri) ?? []), this.dataUri);
    return this.built;
  }
}
