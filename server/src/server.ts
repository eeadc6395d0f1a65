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
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { DocumentAnalysis } from './core/analysis';
import { sidecarProblems } from './core/coding/codingAnalysis';
import { CodingWorkspace, type Affected } from './core/coding/codingWorkspace';
import type { FileSystem } from './core/fileSystem';
import { readFilesExclude, readSettings, statementGlobs, type Settings } from './core/settings';
import { basename } from './core/uris';
import { WorkspaceIndex } from './core/workspaceIndex';
import { codeActions } from './features/codeActions';
import { diagnostics, toDiagnostic } from './features/diagnostics';
import { documentSymbols } from './features/documentSymbols';
import { foldingRanges } from './features/foldingRanges';
import { hover } from './features/hover';
import { selectionRanges } from './features/selectionRanges';
import { workspaceSymbols } from './features/workspaceSymbols';
import * as coding from './codingHandlers';

/** Diagnostics wait this long after the last change of a document, so typing does not analyse every key. */
const DIAGNOSTICS_DELAY_MS = 50;

/** Wires the language features to a connection; the caller creates it (stdio or IPC) and passes the disk. */
export function startServer(connection: Connection, fs: FileSystem): void {
  const documents = new TextDocuments(TextDocument);
  const index = new WorkspaceIndex(fs);
  const codingFiles = new CodingWorkspace(fs);
  index.configure({ coding: codingFiles });
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
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'policy-annotator' },
    };
  });

  connection.onInitialized(async () => {
    if (capabilities.workspace?.didChangeConfiguration?.dynamicRegistration) {
      await connection.client.register(DidChangeConfigurationNotification.type, { section: ['policyAnnotator', 'files'] });
    }
    if (capabilities.workspace?.workspaceFolders) {
      connection.workspace.onDidChangeWorkspaceFolders((event) => {
        const removed = new Set(event.removed.map((folder) => folder.uri));
        const folders = index.folderUris.filter((uri) => !removed.has(uri)).concat(event.added.map((folder) => folder.uri));
        index.configure({ folders });
        void rebuildIndex();
      });
    }
    await reloadSettings();
  });

  /** Pulls `policyAnnotator` and `files` settings; when they changed, re-indexes and re-checks open documents. */
  async function reloadSettings(pushed?: unknown): Promise<void> {
    let raw: [unknown, unknown] = [undefined, undefined];
    if (capabilities.workspace?.configuration) {
      const [own, files] = await connection.workspace.getConfiguration([{ section: 'policyAnnotator' }, { section: 'files' }]);
      raw = [own, files];
    } else if (isRecord(pushed)) {
      raw = [pushed.policyAnnotator, pushed.files];
    }
    const settings = readSettings(raw[0]);
    const filesExclude = readFilesExclude(raw[1]);
    const key = JSON.stringify([settings, filesExclude]);
    if (key === settingsKey) return;
    settingsKey = key;
    index.configure({ settings, filesExclude });
    if (await codingFiles.configure(index.folderUris, settings)) await index.codingChanged('all');
    publishCodebook();
    await registerWatchers(settings);
    for (const document of documents.all()) scheduleDiagnostics(document.uri);
    await rebuildIndex();
  }

  /** Asks the client to report changes to statement files and .gitignore files (when it allows registration). */
  async function registerWatchers(settings: Settings): Promise<void> {
    if (!capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration) return;
    const globs = [...statementGlobs, ...settings.files.map((glob) => (glob.includes('/') ? glob : `**/${glob}`)), '**/.gitignore', ...coding.watchedGlobs(settings)];
    const watchers: FileSystemWatcher[] = globs.map((globPattern) => ({ globPattern }));
    watcherRegistration?.dispose();
    watcherRegistration = await connection.client.register(DidChangeWatchedFilesNotification.type, { watchers });
  }

  async function rebuildIndex(): Promise<void> {
    const progress = await connection.window.createWorkDoneProgress();
    progress.begin('Indexing policy statements', 0, undefined, false);
    let lastPercentage = -1;
    try {
      await index.rebuild((message, percentage) => {
        if (percentage === undefined || percentage !== lastPercentage) progress.report(percentage ?? 0, message);
        lastPercentage = percentage ?? lastPercentage;
      });
    } catch (error) {
      connection.console.error(`Indexing failed: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      progress.done();
    }
  }

  connection.onDidChangeConfiguration((change) => void reloadSettings(change.settings));

  connection.onDidChangeWatchedFiles(async (change) => {
    if (change.changes.some((event) => basename(event.uri) === '.gitignore')) {
      await rebuildIndex();
      return;
    }
    for (const event of change.changes) {
      if (codingFiles.isCodingFile(event.uri)) await codingChanged(await codingFiles.fileChanged(event.uri));
      else if (event.type === FileChangeType.Deleted) index.fileDeleted(event.uri);
      else await index.fileChanged(event.uri);
    }
  });

  function scheduleDiagnostics(uri: string): void {
    clearTimeout(pendingDiagnostics.get(uri));
    pendingDiagnostics.set(
      uri,
      setTimeout(() => {
        pendingDiagnostics.delete(uri);
        const document = documents.get(uri);
        const analysis = document && analysisOf(uri);
        if (!document || !analysis) return;
        void connection.sendDiagnostics({ uri, version: document.version, diagnostics: diagnostics(analysis, CancellationToken.None) });
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
    await index.codingChanged(affected);
    if (affected === 'all') {
      publishCodebook();
      await rebuildIndex();
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
      void codingFiles.setOpenText(event.document.uri, event.document.getText()).then(codingChanged);
      return;
    }
    index.setOpenDocument(event.document.uri, event.document.version, event.document.getText());
    scheduleDiagnostics(event.document.uri);
  });

  documents.onDidClose((event) => {
    if (codingFiles.isCodingFile(event.document.uri)) {
      void codingFiles.setOpenText(event.document.uri, null).then(codingChanged);
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
  connection.onHover((params, token) =>
    codingFiles.isCodingFile(params.textDocument.uri)
      ? coding.hoverInCodingFile(codingHost, params.textDocument.uri, params.position, token)
      : withAnalysis(params.textDocument.uri, null, (doc) => hover(doc, params.position, token)),
  );
  connection.onCodeAction((params, token) =>
    withAnalysis(params.textDocument.uri, [], (doc) => codeActions(doc, params.range, params.context, token)),
  );
  connection.onWorkspaceSymbol((params, token) => {
    const analyses = [...index.files()].flatMap((file) => (file.analysis ? [file.analysis] : []));
    return [...workspaceSymbols(analyses, params.query, token), ...coding.codeSymbols(codingFiles.codebook, params.query, token)];
  });

  const codingHost: coding.CodingHost = {
    files: codingFiles,
    analysisOf,
    analyses: () => [...index.files()].flatMap((file) => (file.analysis ? [file.analysis] : [])),
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
