import {
  CancellationToken,
  CodeActionKind,
  CodeLensRefreshRequest,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  TextDocuments,
  TextDocumentSyncKind,
  type ClientCapabilities,
  type Connection,
  type Disposable,
  type FileSystemWatcher,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver';
import { ReferenceWorkspace } from './core/references/referenceWorkspace';
import { citationIncomingCalls, citationOutgoingCalls, prepareCitationHierarchy } from './features/referenceCallHierarchy';
import { referenceDefinition } from './features/referenceDefinition';
import { referenceLinks } from './features/referenceLinks';
import { REFERENCES_REQUEST, referenceList, type ReferencesParams } from './features/referenceList';
import { referenceHighlights, referenceLocations } from './features/referenceLocations';
import { citedDocumentSymbols } from './features/referenceWorkspaceSymbols';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { version } from '../../package.json';
import type { DocumentAnalysis } from './core/analysis';
import { sidecarProblems } from './core/coding/codingAnalysis';
import { CodingWorkspace, type Affected } from './core/coding/codingWorkspace';
import * as coding from './codingHandlers';
import type { FileSystem } from './core/fileSystem';
import { readFilesExclude, readSettings, statementGlobs, type Settings } from './core/settings';
import { basename } from './core/uris';
import { WorkspaceIndex } from './core/workspaceIndex';
import { EntityServer } from './entityServer';
import { codeActions } from './features/codeActions';
import { diagnostics, toDiagnostic } from './features/diagnostics';
import { entityDefinition, entityHighlights, entityReferences, entityWorkspaceSymbols } from './features/entityNavigation';
import { entitySemanticTokens, entityTokensLegend } from './features/entitySemanticTokens';
import { documentSymbols } from './features/documentSymbols';
import { foldingRanges } from './features/foldingRanges';
import { hover } from './features/hover';
import { selectionRanges } from './features/selectionRanges';
import { workspaceSymbols } from './features/workspaceSymbols';

/** Files whose changes matter to references: project configs and catalogs. */
const CATALOG_GLOBS = ['**/.policy-annotator.yaml', '**/*.{yaml,yml}', '**/*.catalog.json'];

/** Diagnostics wait this long after the last change of a document, so typing does not analyse every key. */
const DIAGNOSTICS_DELAY_MS = 50;

/** Wires the language features to a connection; the caller creates it (stdio or IPC) and passes the disk. */
export function startServer(
  connection: Connection,
  fs: FileSystem,
  options: { bundledCatalog?: { uri: string; text: string }; entityDataUri?: string } = {},
): void {
  const documents = new TextDocuments(TextDocument);
  const index = new WorkspaceIndex(fs);
  const references = new ReferenceWorkspace(fs, options.bundledCatalog);
  const entities = new EntityServer(connection, fs, options.entityDataUri, (uri) => analysisOf(uri), (uri) => documents.get(uri)?.getText() ?? null);
  const codingFiles = new CodingWorkspace(fs);
  index.configure({ references: references.context, entities: entities.context, coding: codingFiles });
  const analyses = () => [...index.files()].flatMap((file) => (file.analysis ? [file.analysis] : []));
  let currentSettings: Settings | null = null;
  const pendingDiagnostics = new Map<string, ReturnType<typeof setTimeout>>();
  let capabilities: ClientCapabilities = {};
  let watcherRegistration: Disposable | null = null;
  let settingsKey = '';

  /** The analysis of an open document, computed once per version. */
  function analysisOf(uri: string): DocumentAnalysis | null {
    if (codingFiles.isCodingFile(uri)) return null;
    const document = documents.get(uri);
    if (document) index.setOpenDocument(uri, document.version, document.getText());
    return index.analysisOf(uri);
  }

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    capabilities = params.capabilities;
    const folders = params.workspaceFolders?.map((folder) => folder.uri) ?? (params.rootUri ? [params.rootUri] : []);
    index.configure({ folders });
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        documentSymbolProvider: { label: 'Policy Annotator' },
        foldingRangeProvider: true,
        selectionRangeProvider: true,
        hoverProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, coding.TAG_ACTION_KIND] },
        ...coding.capabilities,
        workspaceSymbolProvider: true,
        definitionProvider: true,
        referencesProvider: true,
        documentHighlightProvider: true,
        documentLinkProvider: { resolveProvider: false },
        semanticTokensProvider: { legend: entityTokensLegend, full: true },
        callHierarchyProvider: true,
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'policy-annotator', version },
    };
  });

  /** Runs work nobody awaits; a failure is logged, never an unhandled rejection that ends the server. */
  function inBackground(what: string, work: () => Promise<void>): void {
    work().catch((error: unknown) => connection.console.error(`${what} failed: ${error instanceof Error ? error.message : String(error)}`));
  }

  connection.onInitialized(() =>
    inBackground('Start-up', async () => {
      if (capabilities.workspace?.workspaceFolders) {
        connection.workspace.onDidChangeWorkspaceFolders((event) => {
          const removed = new Set(event.removed.map((folder) => folder.uri));
          const folders = index.folderUris.filter((uri) => !removed.has(uri)).concat(event.added.map((folder) => folder.uri));
          index.configure({ folders });
          inBackground('Indexing', async () => {
            await references.configure({ folders });
            if (currentSettings) await entities.reload(folders, currentSettings);
            if (currentSettings) await codingFiles.configure(folders, currentSettings);
            index.invalidateAnalyses();
            publishCatalogDiagnostics();
            await rebuildIndex();
          });
        });
      }
      if (capabilities.workspace?.didChangeConfiguration?.dynamicRegistration) {
        await connection.client.register(DidChangeConfigurationNotification.type, { section: ['policyAnnotator', 'files'] });
      }
      await reloadSettings();
    }),
  );

  /** Pulls `policyAnnotator` and `files` settings; when they changed, re-indexes and re-checks open documents. */
  async function reloadSettings(pushed?: unknown): Promise<void> {
    let raw: [unknown, unknown] = [undefined, undefined];
    if (capabilities.workspace?.configuration) {
      try {
        const [own, files] = await connection.workspace.getConfiguration([{ section: 'policyAnnotator' }, { section: 'files' }]);
        raw = [own, files];
      } catch (error) {
        connection.console.warn(`Could not read settings, using defaults: ${error instanceof Error ? error.message : String(error)}`);
      }
    } else if (isRecord(pushed)) {
      raw = [pushed.policyAnnotator, pushed.files];
    }
    const settings = readSettings(raw[0]);
    const filesExclude = readFilesExclude(raw[1]);
    const own = isRecord(raw[0]) ? raw[0] : {};
    const referenceSettings = { catalogs: own.catalogs, uncataloguedSeverity: isRecord(own.references) ? own.references.uncataloguedSeverity : undefined };
    const key = JSON.stringify([settings, filesExclude, referenceSettings]);
    if (key === settingsKey) return;
    settingsKey = key;
    index.configure({ settings, filesExclude });
    await references.configure({ folders: index.folderUris, settings: referenceSettings });
    currentSettings = settings;
    await entities.reload(index.folderUris, settings);
    await codingFiles.configure(index.folderUris, settings);
    index.invalidateAnalyses();
    publishCatalogDiagnostics();
    publishCodebook();
    for (const document of documents.all()) scheduleDiagnostics(document.uri);
    await registerWatchers(settings);
    await rebuildIndex();
  }

  /** Asks the client to report changes to statement files and .gitignore files (when it allows registration). */
  async function registerWatchers(settings: Settings): Promise<void> {
    if (!capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration) return;
    const globs = [...statementGlobs, ...settings.files.map((glob) => (glob.includes('/') ? glob : `**/${glob}`)), '**/.gitignore', ...CATALOG_GLOBS];
    const watchers: FileSystemWatcher[] = globs.map((globPattern) => ({ globPattern }));
    watcherRegistration?.dispose();
    watcherRegistration = await connection.client.register(DidChangeWatchedFilesNotification.type, { watchers });
  }

  /** Re-walks the workspace in the background, reporting progress when the client shows it. */
  async function rebuildIndex(): Promise<void> {
    const progress = capabilities.window?.workDoneProgress ? await connection.window.createWorkDoneProgress() : null;
    progress?.begin('Indexing policy statements', 0, undefined, false);
    let lastPercentage = -1;
    try {
      await index.rebuild((message, percentage) => {
        // One report per percent, not per file.
        if (percentage !== undefined && percentage === lastPercentage) return;
        progress?.report(percentage ?? 0, message);
        lastPercentage = percentage ?? lastPercentage;
      });
    } finally {
      progress?.done();
    }
  }

  connection.onDidChangeConfiguration((change) => inBackground('Reloading settings', () => reloadSettings(change.settings)));

  connection.onDidChangeWatchedFiles((change) =>
    inBackground('Updating the index', async () => {
      if (change.changes.some((event) => basename(event.uri) === '.gitignore')) {
        await rebuildIndex();
        return;
      }
      if (currentSettings && change.changes.some((event) => entities.isCatalogFile(event.uri))) {
        await entities.reload(index.folderUris, currentSettings);
        publishCatalogDiagnostics();
        for (const document of documents.all()) scheduleDiagnostics(document.uri);
        if (capabilities.workspace?.semanticTokens?.refreshSupport) void connection.languages.semanticTokens.refresh();
      }
      for (const event of change.changes) {
        // A project config matters to references and to coding alike.
        if (codingFiles.isCodingFile(event.uri)) await codingChanged(await codingFiles.fileChanged(event.uri));
        if (references.isReferenceFile(event.uri)) {
          if (await references.fileChanged(event.uri)) {
            index.invalidateAnalyses();
            for (const document of documents.all()) scheduleDiagnostics(document.uri);
            inBackground('Indexing', rebuildIndex);
          }
          publishCatalogDiagnostics();
          continue;
        }
        if (codingFiles.isCodingFile(event.uri)) continue;
        if (event.type === FileChangeType.Deleted) index.fileDeleted(event.uri);
        else await index.fileChanged(event.uri);
      }
    }),
  );

  /** Catalog problems at their exact lines, and configuration errors on the project config. */
  function publishCatalogDiagnostics(): void {
    // A catalog file may hold document entries and entities: its diagnostics are both loaders' problems.
    for (const uri of new Set([...references.store.sources, ...entities.catalogUris()])) {
      const problems = [...references.catalogProblems(uri), ...entities.catalogProblems(uri)];
      void connection.sendDiagnostics({ uri, diagnostics: problems.map(toDiagnostic) });
    }
    for (const message of references.configErrors) connection.console.warn(message);
  }

  /** Brings the citation index up to date (skipped when the workspace index reports no change). */
  function syncReferences(): void {
    references.sync(() => index.files(), index.changes);
  }

  /** The analysis with the citation index brought up to date, for features that look across the workspace. */
  function withReferences<T, E>(uri: string, empty: E, feature: (doc: DocumentAnalysis) => T): T | E {
    syncReferences();
    return withAnalysis(uri, empty, feature);
  }

  function scheduleDiagnostics(uri: string): void {
    clearTimeout(pendingDiagnostics.get(uri));
    pendingDiagnostics.set(
      uri,
      setTimeout(() => {
        pendingDiagnostics.delete(uri);
        const document = documents.get(uri);
        const analysis = document && analysisOf(uri);
        if (!document || !analysis) return;
        syncReferences();
        const pinpoints = references.pinpointProblems(analysis).map(toDiagnostic);
        void connection.sendDiagnostics({ uri, version: document.version, diagnostics: [...diagnostics(analysis, CancellationToken.None), ...pinpoints] });
        publishSidecar(analysis);
      }, DIAGNOSTICS_DELAY_MS),
    );
  }

  /** Codings of a statement kept in a sidecar: their problems belong to the sidecar's editor. */
  function publishSidecar(analysis: DocumentAnalysis): void {
    const sidecar = sidecarProblems(analysis.codings);
    if (sidecar) void connection.sendDiagnostics({ uri: sidecar.uri, diagnostics: sidecar.problems.map(toDiagnostic) });
  }

  function publishCodebook(): void {
    const book = codingFiles.codebookProblems();
    if (book) void connection.sendDiagnostics({ uri: book.uri, diagnostics: book.problems.map(toDiagnostic) });
  }

  /** A sidecar or the codebook changed: re-analyse the statements it affects and refresh their diagnostics. */
  async function codingChanged(affected: Affected): Promise<void> {
    if (!affected) return;
    if (affected === 'all') {
      index.invalidateAnalyses();
      publishCodebook();
      inBackground('Indexing', rebuildIndex);
    } else {
      await index.reanalyze(affected.uris);
    }
    // Code lenses show codes, which live outside the statement's own text.
    if (capabilities.workspace?.codeLens?.refreshSupport) void connection.sendRequest(CodeLensRefreshRequest.type);
    const uris = affected === 'all' ? documents.all().map((d) => d.uri) : affected.uris;
    for (const uri of uris) {
      if (documents.get(uri)) scheduleDiagnostics(uri);
      else {
        const analysis = index.analysisOf(uri);
        if (analysis) publishSidecar(analysis);
      }
    }
  }

  documents.onDidChangeContent((event) => {
    if (codingFiles.isCodingFile(event.document.uri)) {
      inBackground('Reading codings', async () => codingChanged(await codingFiles.setOpenText(event.document.uri, event.document.getText())));
      return;
    }
    index.setOpenDocument(event.document.uri, event.document.version, event.document.getText());
    scheduleDiagnostics(event.document.uri);
    // A statement opened before the index read its sidecar: read it now, and analyse again if there is one.
    const uri = event.document.uri;
    inBackground('Reading codings', async () => {
      if (await codingFiles.prepare(uri)) await codingChanged({ uris: [uri] });
    });
  });

  documents.onDidClose((event) => {
    if (codingFiles.isCodingFile(event.document.uri)) {
      inBackground('Reading codings', async () => codingChanged(await codingFiles.setOpenText(event.document.uri, null)));
      return;
    }
    clearTimeout(pendingDiagnostics.get(event.document.uri));
    pendingDiagnostics.delete(event.document.uri);
    index.closeDocument(event.document.uri);
    void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
  });

  connection.onDocumentSymbol((params, token) => withAnalysis(params.textDocument.uri, [], (doc) => documentSymbols(doc, token)));
  connection.onFoldingRanges((params, token) => withAnalysis(params.textDocument.uri, [], (doc) => foldingRanges(doc, token)));
  connection.onSelectionRanges((params, token) =>
    withAnalysis(params.textDocument.uri, [], (doc) => selectionRanges(doc, params.positions, token)),
  );
  // A position is a reference or an entity mention: the reference feature answers first, then the entity one.
  connection.onHover((params, token) =>
    codingFiles.isCodingFile(params.textDocument.uri)
      ? coding.hoverInCodingFile(codingHost, params.textDocument.uri, params.position, token)
      : withReferences(params.textDocument.uri, null, (doc) => hover(doc, params.position, token, analyses)),
  );
  connection.onDefinition((params, token) =>
    withReferences(params.textDocument.uri, null, (doc) => referenceDefinition(doc, params.position, token) ?? entityDefinition(doc, params.position, token)),
  );
  connection.onReferences(
    (params, token) =>
      coding.codeReferencesAt(codingHost, params, token) ??
      withReferences(
        params.textDocument.uri,
        null,
        (doc) =>
          referenceLocations(doc, params.position, params.context.includeDeclaration, token) ??
          entityReferences(doc, params.position, params.context.includeDeclaration, analyses, token),
      ),
  );
  connection.onDocumentHighlight((params, token) =>
    withAnalysis(params.textDocument.uri, null, (doc) => referenceHighlights(doc, params.position, token) ?? entityHighlights(doc, params.position, token)),
  );
  connection.languages.semanticTokens.on((params, token) => withAnalysis(params.textDocument.uri, { data: [] }, (doc) => entitySemanticTokens(doc, token)));
  connection.onDocumentLinks((params, token) => withAnalysis(params.textDocument.uri, [], (doc) => referenceLinks(doc, token)));
  connection.languages.callHierarchy.onPrepare((params, token) =>
    withReferences(params.textDocument.uri, null, (doc) => prepareCitationHierarchy(doc, params.position, token)),
  );
  connection.languages.callHierarchy.onIncomingCalls((params, token) => (syncReferences(), citationIncomingCalls(params.item, references.context, token)));
  connection.languages.callHierarchy.onOutgoingCalls((params, token) => (syncReferences(), citationOutgoingCalls(params.item, references.context, token)));
  connection.onRequest(REFERENCES_REQUEST, (params: ReferencesParams, token) => withAnalysis(params.uri, [], (doc) => referenceList(doc, token)));
  connection.onCodeAction((params, token) =>
    withAnalysis(params.textDocument.uri, [], (doc) => codeActions(doc, params.range, params.context, token)),
  );
  connection.onWorkspaceSymbol((params, token) => {
    const analyses = [...index.files()].flatMap((file) => (file.analysis ? [file.analysis] : []));
    syncReferences();
    return [
      ...citedDocumentSymbols(references.context, params.query, token),
      ...workspaceSymbols(analyses, params.query, token),
      ...entityWorkspaceSymbols(entities.context().index, params.query, () => analyses, token),
      ...coding.codeSymbols(codingFiles.codebook, params.query, token),
    ];
  });

  const codingHost: coding.CodingHost = {
    files: codingFiles,
    analysisOf,
    analyses,
    documentText: (uri) => documents.get(uri)?.getText() ?? null,
    readText: async (uri) => {
      try {
        return new TextDecoder('utf-8', { fatal: true }).decode(await fs.readFile(uri));
      } catch {
        return null;
      }
    },
    applyEdit: async (edit) => (await connection.workspace.applyEdit(edit)).applied,
    folders: () => index.folderUris,
  };
  coding.register(connection, codingHost);

  connection.onShutdown(() => {
    for (const timer of pendingDiagnostics.values()) clearTimeout(timer);
    pendingDiagnostics.clear();
  });

  function withAnalysis<T, E>(uri: string, empty: E, feature: (doc: DocumentAnalysis) => T): T | E {
    const analysis = analysisOf(uri);
    return analysis ? feature(analysis) : empty;
  }

  documents.listen(connection);
  connection.listen();
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
