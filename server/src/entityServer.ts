import type { Connection } from 'vscode-languageserver';
import { parse } from 'yaml';
import type { DocumentAnalysis } from './core/analysis';
import { MAX_ALIAS_COUNT } from './core/entities/catalog';
import { EntityCatalogStore } from './core/entities/catalogStore';
import type { EntityContext } from './core/entities/workspaceEntities';
import type { FileSystem } from './core/fileSystem';
import type { Settings } from './core/settings';
import { decodeSource } from './core/sourceFile';
import { basename, joinUri, relativePath, uriKey } from './core/uris';
import type { Problem } from './core/model';
import { registerEntityRequests } from './entityRequests';

export const PROJECT_CONFIG = '.policy-annotator.yaml';

/**
 * The server side of entities that is not a per-document feature: the workspace entity catalogs
 * (`catalogs:` of each folder's .policy-annotator.yaml, then the setting `policyAnnotator.catalogs`),
 * their diagnostics, the entity context given to every analysis, and the custom requests.
 */
export class EntityServer {
  private readonly store: EntityCatalogStore;
  private folders: string[] = [];
  private catalogsByFolder = new Map<string, string[]>();
  private unknownNamesAsHints = false;

  constructor(
    private readonly connection: Connection,
    private readonly fs: FileSystem,
    dataUri: string | undefined,
    analysisOf: (uri: string) => DocumentAnalysis | null,
    private readonly openText: (uri: string) => string | null,
  ) {
    this.store = new EntityCatalogStore(dataUri);
    registerEntityRequests(connection, {
      analysisOf,
      folderOf: (uri) => this.folders.find((f) => relativePath(f, uri) !== null) ?? null,
      catalogUris: (folder) => this.catalogsByFolder.get(folder) ?? [],
      readText: (uri) => this.readText(uri),
      entityIndex: () => this.store.index,
    });
  }

  /** What analyses use; read anew on every access, so a catalog change reaches documents already analysed. */
  readonly context = (): EntityContext => ({ index: this.store.index, unknownNamesAsHints: this.unknownNamesAsHints });

  /** A project config or a catalog: its change needs `reload`. */
  isCatalogFile(uri: string): boolean {
    return basename(uri) === PROJECT_CONFIG || [...this.catalogsByFolder.values()].some((list) => list.some((c) => uriKey(c) === uriKey(uri)));
  }

  /** Reads every folder's catalog list and every catalog (the server then publishes `catalogProblems`). */
  async reload(folders: string[], settings: Settings): Promise<void> {
    this.folders = folders;
    this.unknownNamesAsHints = settings.entities.unknownNamesAsHints;
    this.catalogsByFolder = new Map();
    const all: string[] = [];
    for (const folder of folders) {
      const config = await this.readText(joinUri(folder, PROJECT_CONFIG));
      let listed: unknown = [];
      if (config !== null) {
        try {
          listed = (parse(config, { maxAliasCount: MAX_ALIAS_COUNT }) as { catalogs?: unknown } | null)?.catalogs ?? [];
        } catch (error) {
          this.connection.console.warn(`${PROJECT_CONFIG} in ${folder}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
        }
      }
      const uris = resolveCatalogs(folder, [...(Array.isArray(listed) ? listed : []), ...settings.catalogs], (m) => this.connection.console.warn(m));
      this.catalogsByFolder.set(folder, uris);
      all.push(...uris);
    }
    this.store.setCatalogs(all);
    for (const uri of all) this.store.update(uri, await this.readText(uri));
  }

  /** The entity catalog files in use, for publishing their diagnostics. */
  catalogUris(): string[] {
    return [...this.catalogsByFolder.values()].flat();
  }

  /** The `entities:` problems of a catalog file, at its exact lines. */
  catalogProblems(uri: string): Problem[] {
    return this.store.problemsOf(uri);
  }

  private async readText(uri: string): Promise<string | null> {
    const open = this.openText(uri);
    if (open !== null) return open;
    try {
      const source = decodeSource(uri, await this.fs.readFile(uri));
      return source.text;
    } catch {
      return null;
    }
  }
}

/** Catalog paths relative to the folder, kept only when they stay inside it; in order, without repeats. */
export function resolveCatalogs(folder: string, paths: unknown[], warn: (message: string) => void): string[] {
  const out: string[] = [];
  for (const p of paths) {
    if (typeof p !== 'string' || !p.trim()) {
      warn(`catalogs: ${JSON.stringify(p)} is not a path`);
      continue;
    }
    const parts = p.trim().replace(/\\/g, '/').split('/').filter((s) => s && s !== '.');
    if (/^[a-z][a-z0-9+.-]*:/i.test(p) || p.startsWith('/') || parts.includes('..')) {
      warn(`catalogs: '${p}' is outside the workspace folder; only relative paths inside it are read`);
      continue;
    }
    const uri = parts.reduce((u, part) => joinUri(u, part), folder);
    if (!out.some((u) => uriKey(u) === uriKey(uri))) out.push(uri);
  }
  return out;
}
