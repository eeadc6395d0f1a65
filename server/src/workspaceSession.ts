import {
  CancellationToken,
  CodeLensRefreshRequest,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  TextDocuments,
  type ClientCapabilities,
  type Connection,
  type DidChangeWatchedFilesParams,
  type Disposable,
  type FileSystemWatcher,
  type InitializeParams,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { DocumentAnalysis } from './core/analysis';
import { sidecarProblems } from './core/coding/codingAnalysis';
import { CodingWorkspace, type Affected } from './core/coding/codingWorkspace';
import type { FileSystem } from './core/fileSystem';
import { ReferenceWorkspace } from './core/references/referenceWorkspace';
import { readFilesExclude, readSettings, statementGlobs, type Settings } from './core/settings';
import { basename } from './core/uris';
import { withoutRepeats } from './core/problems';
import { WorkspaceIndex } from './core/workspaceIndex';
import type { CodingHost } from './codingHandlers';
import { EntityServer } from './entityServer';
import { diagnostics, toDiagnostic } from './features/diagnostics';
import type { SymbolSources } from './features/workspaceSymbolSearch';

/** Files whose changes matter to references: project configs and catalogs. */
const CATALOG_GLOBS = ['**/.policy-annotator.yaml', '**/*.{yaml,yml}', '**/*.catalog.json'];

/** Diagnostics wait this long after the last change of a document, so typing does not analyse every key. */
const DIAGNOSTICS_DELAY_MS = 50;

export interface SessionOptions {
  bundledCatalog?: { uri: string; text: string };
  entityDataUri?: string;
}

/**
 * The server's state and its upkeep, so that `server.ts` only maps requests to features: the open documents,
 * the workspace index, the reference, entity and coding workspaces, settings, file watchers, the index rebuild
 * with progress, and diagnostics (debounced per document, plus those of catalogs, sidecars and the codebook).
 */
export class WorkspaceSession {
  readonly documents = new TextDocuments(TextDocument);
  readonly index: WorkspaceIndex;
  readonly references: ReferenceWorkspace;
  readonly entities: EntityServer;
  readonly codingFiles: CodingWorkspace;
  readonly codingHost: CodingHost;
  private capabilities: ClientCapabilities = {};
  private currentSettings: Settings | null = null;
  private settingsKey = '';
  private watcherRegistration: Disposable | null = null;
  private readonly pendingDiagnostics = new Map<string, ReturnType<typeof setTimeout>>();

  constructor(
    private readonly connection: Connection,
    fs: FileSystem,
    options: SessionOptions = {},
  ) {
    this.index = new WorkspaceIndex(fs);
    this.references = new ReferenceWorkspace(fs, options.bundledCatalog);
    this.entities = new EntityServer(connection, fs, options.entityDataUri, (uri) => this.analysisOf(uri), (uri) => this.documentText(uri));
    this.codingFiles = new CodingWorkspace(fs);
    this.index.configure({ references: this.references.context, entities: this.entities.context, coding: this.codingFiles });
    this.codingHost = {
      files: this.codingFiles,
      analysisOf: (uri) => this.analysisOf(uri),
      analyses: this.analyses,
      documentText: (uri) => this.documentText(uri),
      readText: async (uri) => {
        try {
          return new TextDecoder('utf-8', { fatal: true }).decode(await fs.readFile(uri));
        } catch {
          return null;
        }
      },
      applyEdit: async (edit) => (await connection.workspace.applyEdit(edit)).applied,
      folders: () => this.index.folderUris,
    };
    this.documents.onDidChangeContent((event) => this.documentChanged(event.document));
    this.documents.onDidClose((event) => this.documentClosed(event.document.uri));
  }

  /** Every analysed statement of the workspace. */
  readonly analyses = (): DocumentAnalysis[] => [...this.index.files()].flatMap((file) => (file.analysis ? [file.analysis] : []));

  /** The analysis of a statement (open: computed once per version); null for coding files and unknown files. */
  analysisOf(uri: string): DocumentAnalysis | null {
    if (this.codingFiles.isCodingFile(uri)) return null;
    const document = this.documents.get(uri);
    if (document) this.index.setOpenDocument(uri, document.version, document.getText());
    return this.index.analysisOf(uri);
  }

  /** `feature` on the analysis of `uri`, or `empty` when it is not a statement. */
  withAnalysis<T, E>(uri: string, empty: E, feature: (doc: DocumentAnalysis) => T): T | E {
    const analysis = this.analysisOf(uri);
    return analysis ? feature(analysis) : empty;
  }

  /** The same, with the citation index brought up to date first, for features that look across the workspace. */
  withReferences<T, E>(uri: string, empty: E, feature: (doc: DocumentAnalysis) => T): T | E {
    this.syncReferences();
    return this.withAnalysis(uri, empty, feature);
  }

  /** Brings the citation index up to date (skipped when the workspace index reports no change). */
  syncReferences(): void {
    this.references.sync(() => this.index.files(), this.index.changes);
  }

  /** The sources of the workspace-symbol search, with the citation index up to date. */
  symbolSources(): SymbolSources {
    const analyses = this.analyses();
    this.syncReferences();
    return { analyses, references: this.references.context, entities: this.entities.context().index, codebook: this.codingFiles.codebook };
  }

  /** Takes the client's capabilities and workspace folders from `initialize`. */
  initialize(params: InitializeParams): void {
    this.capabilities = params.capabilities;
    const folders = params.workspaceFolders?.map((folder) => folder.uri) ?? (params.rootUri ? [params.rootUri] : []);
    this.index.configure({ folders });
  }

  /** After `initialized`: follows folder changes, registers for settings, reads them and builds the index. */
  initialized(): void {
    this.inBackground('Start-up', async () => {
      if (this.capabilities.workspace?.workspaceFolders) {
        this.connection.workspace.onDidChangeWorkspaceFolders((event) => {
          const removed = new Set(event.removed.map((folder) => folder.uri));
          const folders = this.index.folderUris.filter((uri) => !removed.has(uri)).concat(event.added.map((folder) => folder.uri));
          this.foldersChanged(folders);
        });
      }
      if (this.capabilities.workspace?.didChangeConfiguration?.dynamicRegistration) {
        await this.connection.client.register(DidChangeConfigurationNotification.type, { section: ['policyAnnotator', 'files'] });
      }
      await this.reloadSettings();
    });
  }

  /** `workspace/didChangeConfiguration`: `settings` is used when the client cannot be asked for them. */
  settingsChanged(settings: unknown): void {
    this.inBackground('Reloading settings', () => this.reloadSettings(settings));
  }

  /** `workspace/didChangeWatchedFiles`. */
  watchedFilesChanged(change: DidChangeWatchedFilesParams): void {
    this.inBackground('Updating the index', () => this.filesChanged(change));
  }

  /** Stops pending diagnostics. */
  shutdown(): void {
    for (const timer of this.pendingDiagnostics.values()) clearTimeout(timer);
    this.pendingDiagnostics.clear();
  }

  private documentText(uri: string): string | null {
    return this.documents.get(uri)?.getText() ?? null;
  }

  /** Runs work nobody awaits; a failure is logged, never an unhandled rejection that ends the server. */
  private inBackground(what: string, work: () => Promise<void>): void {
    work().catch((error: unknown) => this.connection.console.error(`${what} failed: ${error instanceof Error ? error.message : String(error)}`));
  }

  private foldersChanged(folders: string[]): void {
    this.index.configure({ folders });
    this.inBackground('Indexing', async () => {
      await this.references.configure({ folders });
      if (this.currentSettings) await this.entities.reload(folders, this.currentSettings);
      if (this.currentSettings) await this.codingFiles.configure(folders, this.currentSettings);
      this.index.invalidateAnalyses();
      this.publishCatalogDiagnostics();
      await this.rebuildIndex();
    });
  }

  /** Pulls `policyAnnotator` and `files` settings; when they changed, re-indexes and re-checks open documents. */
  private async reloadSettings(pushed?: unknown): Promise<void> {
    let raw: [unknown, unknown] = [undefined, undefined];
    if (this.capabilities.workspace?.configuration) {
      try {
        const [own, files] = await this.connection.workspace.getConfiguration([{ section: 'policyAnnotator' }, { section: 'files' }]);
        raw = [own, files];
      } catch (error) {
        this.connection.console.warn(`Could not read settings, using defaults: ${error instanceof Error ? error.message : String(error)}`);
      }
    } else if (isRecord(pushed)) {
      raw = [pushed.policyAnnotator, pushed.files];
    }
    const settings = readSettings(raw[0]);
    const filesExclude = readFilesExclude(raw[1]);
    const own = isRecord(raw[0]) ? raw[0] : {};
    const referenceSettings = { catalogs: own.catalogs, uncataloguedSeverity: isRecord(own.references) ? own.references.uncataloguedSeverity : undefined };
    const key = JSON.stringify([settings, filesExclude, referenceSettings]);
    if (key === this.settingsKey) return;
    this.settingsKey = key;
    this.index.configure({ settings, filesExclude });
    await this.references.configure({ folders: this.index.folderUris, settings: referenceSettings });
    this.currentSettings = settings;
    await this.entities.reload(this.index.folderUris, settings);
    await this.codingFiles.configure(this.index.folderUris, settings);
    this.index.invalidateAnalyses();
    this.publishCatalogDiagnostics();
    this.publishCodebook();
    this.scheduleOpenDocuments();
    await this.registerWatchers(settings);
    await this.rebuildIndex();
  }

  /** Asks the client to report changes to statement files and .gitignore files (when it allows registration). */
  private async registerWatchers(settings: Settings): Promise<void> {
    if (!this.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration) return;
    const globs = [...statementGlobs, ...settings.files.map((glob) => (glob.includes('/') ? glob : `**/${glob}`)), '**/.gitignore', ...CATALOG_GLOBS];
    const watchers: FileSystemWatcher[] = globs.map((globPattern) => ({ globPattern }));
    this.watcherRegistration?.dispose();
    this.watcherRegistration = await this.connection.client.register(DidChangeWatchedFilesNotification.type, { watchers });
  }

  /** Re-walks the workspace in the background, reporting progress when the client shows it. */
  private async rebuildIndex(): Promise<void> {
    const progress = this.capabilities.window?.workDoneProgress ? await this.connection.window.createWorkDoneProgress() : null;
    progress?.begin('Indexing policy statements', 0, undefined, false);
    let lastPercentage = -1;
    try {
      await this.index.rebuild((message, percentage) => {
        // One report per percent, not per file.
        if (percentage !== undefined && percentage === lastPercentage) return;
        progress?.report(percentage ?? 0, message);
        lastPercentage = percentage ?? lastPercentage;
      });
    } finally {
      progress?.done();
    }
  }

  private async filesChanged(change: DidChangeWatchedFilesParams): Promise<void> {
    if (change.changes.some((event) => basename(event.uri) === '.gitignore')) {
      await this.rebuildIndex();
      return;
    }
    if (this.currentSettings && change.changes.some((event) => this.entities.isCatalogFile(event.uri))) {
      await this.entities.reload(this.index.folderUris, this.currentSettings);
      this.publishCatalogDiagnostics();
      this.scheduleOpenDocuments();
      if (this.capabilities.workspace?.semanticTokens?.refreshSupport) void this.connection.languages.semanticTokens.refresh();
    }
    for (const event of change.changes) {
      // A project config matters to references and to coding alike.
      if (this.codingFiles.isCodingFile(event.uri)) await this.codingChanged(await this.codingFiles.fileChanged(event.uri));
      if (this.references.isReferenceFile(event.uri)) {
        if (await this.references.fileChanged(event.uri)) {
          this.index.invalidateAnalyses();
          this.scheduleOpenDocuments();
          this.inBackground('Indexing', () => this.rebuildIndex());
        }
        this.publishCatalogDiagnostics();
        continue;
      }
      if (this.codingFiles.isCodingFile(event.uri)) continue;
      if (event.type === FileChangeType.Deleted) this.index.fileDeleted(event.uri);
      else await this.index.fileChanged(event.uri);
    }
  }

  private documentChanged(document: TextDocument): void {
    const uri = document.uri;
    if (this.codingFiles.isCodingFile(uri)) {
      this.inBackground('Reading codings', async () => this.codingChanged(await this.codingFiles.setOpenText(uri, document.getText())));
      return;
    }
    this.index.setOpenDocument(uri, document.version, document.getText());
    this.scheduleDiagnostics(uri);
    // A statement opened before the index read its sidecar: read it now, and analyse again if there is one.
    this.inBackground('Reading codings', async () => {
      if (await this.codingFiles.prepare(uri)) await this.codingChanged({ uris: [uri] });
    });
  }

  private documentClosed(uri: string): void {
    if (this.codingFiles.isCodingFile(uri)) {
      this.inBackground('Reading codings', async () => this.codingChanged(await this.codingFiles.setOpenText(uri, null)));
      return;
    }
    clearTimeout(this.pendingDiagnostics.get(uri));
    this.pendingDiagnostics.delete(uri);
    this.index.closeDocument(uri);
    void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  /** A sidecar or the codebook changed: re-analyse the statements it affects and refresh their diagnostics. */
  private async codingChanged(affected: Affected): Promise<void> {
    if (!affected) return;
    if (affected === 'all') {
      this.index.invalidateAnalyses();
      this.publishCodebook();
      this.inBackground('Indexing', () => this.rebuildIndex());
    } else {
      await this.index.reanalyze(affected.uris);
    }
    // Code lenses show codes, which live outside the statement's own text.
    if (this.capabilities.workspace?.codeLens?.refreshSupport) void this.connection.sendRequest(CodeLensRefreshRequest.type);
    const uris = affected === 'all' ? this.documents.all().map((d) => d.uri) : affected.uris;
    for (const uri of uris) {
      if (this.documents.get(uri)) this.scheduleDiagnostics(uri);
      else {
        const analysis = this.index.analysisOf(uri);
        if (analysis) this.publishSidecar(analysis);
      }
    }
  }

  private scheduleOpenDocuments(): void {
    for (const document of this.documents.all()) this.scheduleDiagnostics(document.uri);
  }

  private scheduleDiagnostics(uri: string): void {
    clearTimeout(this.pendingDiagnostics.get(uri));
    this.pendingDiagnostics.set(
      uri,
      setTimeout(() => {
        this.pendingDiagnostics.delete(uri);
        this.publishDiagnostics(uri);
      }, DIAGNOSTICS_DELAY_MS),
    );
  }

  /** A statement's own problems and its pinpoint problems (which need the citation index), and its sidecar's. */
  private publishDiagnostics(uri: string): void {
    const document = this.documents.get(uri);
    const analysis = document && this.analysisOf(uri);
    if (!document || !analysis) return;
    this.syncReferences();
    const pinpoints = this.references.pinpointProblems(analysis).map(toDiagnostic);
    void this.connection.sendDiagnostics({ uri, version: document.version, diagnostics: [...diagnostics(analysis, CancellationToken.None), ...pinpoints] });
    this.publishSidecar(analysis);
  }

  /** Catalog problems at their exact lines, and configuration errors on the project config. */
  private publishCatalogDiagnostics(): void {
    // A catalog file may hold document entries and entities: its diagnostics are both loaders' problems.
    for (const uri of new Set([...this.references.store.sources, ...this.entities.catalogUris()])) {
      const problems = withoutRepeats([...this.references.catalogProblems(uri), ...this.entities.catalogProblems(uri)]);
      void this.connection.sendDiagnostics({ uri, diagnostics: problems.map(toDiagnostic) });
    }
    for (const message of this.references.configErrors) this.connection.console.warn(message);
  }

  /** Codings of a statement kept in a sidecar: their problems belong to the sidecar's editor. */
  private publishSidecar(analysis: DocumentAnalysis): void {
    const sidecar = sidecarProblems(analysis.codings);
    if (sidecar) void this.connection.sendDiagnostics({ uri: sidecar.uri, diagnostics: sidecar.problems.map(toDiagnostic) });
  }

  private publishCodebook(): void {
    const book = this.codingFiles.codebookProblems();
    if (book) void this.connection.sendDiagnostics({ uri: book.uri, diagnostics: book.problems.map(toDiagnostic) });
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
