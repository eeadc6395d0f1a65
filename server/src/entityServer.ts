import type { Connection } from 'vscode-languageserver';
import type { DocumentAnalysis } from './core/analysis';
import { EntityCatalogStore } from './core/entities/catalogStore';
import type { EntityContext } from './core/entities/workspaceEntities';
import type { FileSystem } from './core/fileSystem';
import type { Settings } from './core/settings';
import { decodeSource } from './core/sourceFile';
import { PROJECT_CONFIG, readWorkspaceCatalogs } from './core/projectConfig';
import { basename, relativePath, uriKey } from './core/uris';
import type { Problem } from './core/model';
import { registerEntityRequests } from './entityRequests';

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
    connection: Connection,
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
    const found = await readWorkspaceCatalogs(folders, settings.catalogs, (uri) => this.readText(uri));
    // Configuration problems are reported once, with the reference catalogs' (the same list).
    this.catalogsByFolder = found.byFolder;
    const all = found.uris;
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
