import { parseEntityCatalog, type EntityCatalogResult } from './catalog';
import { LastGoodFiles } from '../lastGoodFiles';
import type { EntityIndex } from './entityIndex';
import { indexFromResults } from './workspaceEntities';

/**
 * The workspace's entity catalogs as the server sees them: the files in merge order, the last good
 * version of each (a file whose YAML does not parse keeps its previous entries), and the index built
 * from them, rebuilt only after a change.
 */
export class EntityCatalogStore {
  private order: string[] = [];
  private readonly files = new LastGoodFiles<EntityCatalogResult>();
  private built: EntityIndex | undefined;

  /** @param dataUri the bundled data folder, for go to definition on bundled entries */
  constructor(private readonly dataUri?: string) {}

  /** Sets which files are catalogs, in merge order; forgets the others. */
  setCatalogs(uris: readonly string[]): void {
    this.order = [...uris];
    this.files.retain(uris);
    this.built = undefined;
  }

  isCatalog(uri: string): boolean {
    return this.order.includes(uri);
  }

  /** A catalog's text changed (or was read): parse it; returns its problems for diagnostics. */
  update(uri: string, text: string | null): EntityCatalogResult {
    const result = text === null ? { entities: [], problems: [], hasEntities: false } : parseEntityCatalog(text, uri);
    this.files.set(uri, result, !result.problems.some((p) => p.code === 'catalog-yaml-error'));
    this.built = undefined;
    return result;
  }

  /** The latest problems of a catalog file. */
  problemsOf(uri: string): EntityCatalogResult['problems'] {
    return this.files.latest(uri)?.problems ?? [];
  }

  get index(): EntityIndex {
    this.built ??= indexFromResults(this.order.flatMap((uri) => this.files.good(uri) ?? []), this.dataUri);
    return this.built;
  }
}
