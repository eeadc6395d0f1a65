import { DiagnosticSeverity } from 'vscode-languageserver-types';
import type { DocumentAnalysis } from '../analysis';
import type { FileSystem } from '../fileSystem';
import type { Problem } from '../model';
import { PROJECT_CONFIG, readWorkspaceCatalogs } from '../projectConfig';
import { joinUri, uriKey } from '../uris';
import type { CatalogStore } from './catalog';
import type { ReferenceContext } from './documentReferences';
import { createCatalogStore } from './index';
import { pinpointProblems } from './problems';
import { ReferenceIndex } from './workspace';

/** Created by "Add to workspace catalog" when the workspace has no catalog yet. */
const DEFAULT_CATALOG = 'workspace.catalog.yaml';
const SEVERITIES: Record<string, DiagnosticSeverity | 'off'> = {
  off: 'off', hint: DiagnosticSeverity.Hint, information: DiagnosticSeverity.Information, warning: DiagnosticSeverity.Warning,
};

export interface ReferenceSettings {
  /** `policyAnnotator.catalogs` */
  catalogs: unknown;
  /** `policyAnnotator.references.uncataloguedSeverity` */
  uncataloguedSeverity: unknown;
}

/**
 * The references side of a workspace: the catalogs in use (bundled, `.policy-annotator.yaml` `catalogs:`, the
 * `policyAnnotator.catalogs` setting), the citation index, and the context every analysis gets. Reads files
 * only through the core FileSystem, and only inside the workspace folders.
 */
export class ReferenceWorkspace {
  readonly store: CatalogStore;
  readonly index = new ReferenceIndex();
  readonly context: ReferenceContext;
  private folders: string[] = [];
  private settings: ReferenceSettings = { catalogs: [], uncataloguedSeverity: 'hint' };
  /** Texts of workspace catalogs as last read (disk or editor), for the "Add to workspace catalog" fix. */
  private readonly texts = new Map<string, string | null>();
  /** Problems about the configuration itself (bad paths), reported on `.policy-annotator.yaml`. */
  configErrors: string[] = [];
  private readonly seen = new Map<string, DocumentAnalysis>();
  private syncedStamp: number | undefined;
  /** Project config texts by folder (null: no config), for listing a new catalog in it. */
  private configTexts = new Map<string, string | null>();

  constructor(private readonly fs: FileSystem, bundledFile?: { uri: string; text: string }) {
    this.store = createCatalogStore(bundledFile);
    this.context = { catalog: this.store, index: this.index, uncataloguedSeverity: DiagnosticSeverity.Hint, catalogTarget: null };
  }

  /** Sets folders and settings, re-reads the project configs and every catalog. Resolves true when catalogs changed. */
  async configure(options: { folders?: string[]; settings?: Partial<ReferenceSettings> }): Promise<boolean> {
    if (options.folders) this.folders = options.folders;
    this.settings = { ...this.settings, ...options.settings };
    this.context.uncataloguedSeverity = SEVERITIES[String(this.settings.uncataloguedSeverity)] ?? DiagnosticSeverity.Hint;
    return this.reload();
  }

  /** Whether a file's change matters to references (a project config or a catalog in use). */
  isReferenceFile(uri: string): boolean {
    const key = uriKey(uri);
    return key.endsWith(`/${PROJECT_CONFIG}`) || this.store.sources.some((s) => uriKey(s) === key);
  }

  /** A project config or catalog changed on disk (or was deleted): re-read. True when analyses must be redone. */
  async fileChanged(uri: string): Promise<boolean> {
    if (!this.isReferenceFile(uri)) return false;
    return this.reload();
  }

  /** Problems of a workspace catalog (for diagnostics on it). */
  catalogProblems(uri: string): Problem[] {
    const source = this.store.sources.find((s) => uriKey(s) === uriKey(uri));
    return source === undefined ? [] : this.store.problems(source);
  }

  /** Brings the citation index up to date with the analyses of the workspace (cheap when nothing changed). */
  sync(files: () => Iterable<{ uri: string; analysis: DocumentAnalysis | null }>, stamp?: number): void {
    // The workspace index says when nothing changed since the last sync: then there is nothing to do.
    if (stamp !== undefined && stamp === this.syncedStamp) return;
    this.syncedStamp = stamp;
    const present = new Set<string>();
    for (const file of files()) {
      if (file.analysis === null) continue;
      present.add(file.uri);
      if (this.seen.get(file.uri) === file.analysis) continue;
      this.seen.set(file.uri, file.analysis);
      this.index.update(file.analysis.statement, file.analysis.references.items);
    }
    for (const uri of [...this.seen.keys()]) {
      if (!present.has(uri)) {
        this.seen.delete(uri);
        this.index.remove(uri);
      }
    }
  }

  /** `unresolved-pinpoint`: needs the workspace, so it is computed per request rather than per analysis. */
  pinpointProblems(doc: DocumentAnalysis): Problem[] {
    return pinpointProblems(doc.references.items, (symbol) => {
      const file = this.index.fileFor(symbol);
      return file && { uri: file.uri, paths: new Set(file.paragraphs.keys()) };
    });
  }

  private async reload(): Promise<boolean> {
    const before = this.store.version;
    const found = await readWorkspaceCatalogs(this.folders, this.settings.catalogs, (uri) => this.readText(uri));
    const uris = found.uris;
    this.configErrors = found.errors;
    this.configTexts = found.configTexts;
    this.store.setSources(uris);
    for (const uri of uris) {
      const text = await this.readText(uri);
      this.texts.set(uri, text);
      if (text === null) this.store.remove(uri);
      else this.store.update(uri, text);
    }
    this.refreshTarget();
    return this.store.version !== before;
  }

  /**
   * "Add to workspace catalog" appends to the catalog that wins last; without any, it creates
   * `catalogs/workspace.catalog.yaml` in the first folder and lists it in `.policy-annotator.yaml`.
   */
  private refreshTarget(): void {
    const sources = this.store.sources;
    const uri = sources[sources.length - 1];
    const folder = this.folders[0];
    if (uri !== undefined) this.context.catalogTarget = { uri, text: this.texts.get(uri) ?? null };
    else if (folder === undefined) this.context.catalogTarget = null;
    else {
      this.context.catalogTarget = {
        uri: joinUri(joinUri(folder, 'catalogs'), DEFAULT_CATALOG),
        text: null,
        register: { configUri: joinUri(folder, PROJECT_CONFIG), configText: this.configTexts.get(folder) ?? null, path: `catalogs/${DEFAULT_CATALOG}` },
      };
    }
  }

  private async readText(uri: string): Promise<string | null> {
    try {
      const stat = await this.fs.stat(uri);
      if (stat.type !== 'file' || stat.size > 10_000_000) return null;
      return new TextDecoder('utf-8', { fatal: false }).decode(await this.fs.readFile(uri));
    } catch {
      return null;
    }
  }
}
