import { CodeActionKind, TextDocumentSyncKind, type Connection, type InitializeResult } from 'vscode-languageserver';
import { version } from '../../package.json';
import * as coding from './codingHandlers';
import type { FileSystem } from './core/fileSystem';
import { codeActions } from './features/codeActions';
import { definition } from './features/definition';
import { documentHighlights } from './features/documentHighlights';
import { documentSymbols } from './features/documentSymbols';
import { entitySemanticTokens, entityTokensLegend } from './features/entitySemanticTokens';
import { foldingRanges } from './features/foldingRanges';
import { hover } from './features/hover';
import { citationIncomingCalls, citationOutgoingCalls, prepareCitationHierarchy } from './features/referenceCallHierarchy';
import { referenceLinks } from './features/referenceLinks';
import { REFERENCES_REQUEST, referenceList, type ReferencesParams } from './features/referenceList';
import { references } from './features/references';
import { selectionRanges } from './features/selectionRanges';
import { workspaceSymbolSearch } from './features/workspaceSymbolSearch';
import { WorkspaceSession, type SessionOptions } from './workspaceSession';

/**
 * Wires the language features to a connection; the caller creates it (stdio or IPC) and passes the disk.
 * The session keeps the workspace up to date and publishes diagnostics; each request here is one feature call.
 */
export function startServer(connection: Connection, fs: FileSystem, options: SessionOptions = {}): void {
  const session = new WorkspaceSession(connection, fs, options);
  const { codingHost, codingFiles } = session;

  connection.onInitialize((params): InitializeResult => {
    session.initialize(params);
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
  connection.onInitialized(() => session.initialized());
  connection.onDidChangeConfiguration((change) => session.settingsChanged(change.settings));
  connection.onDidChangeWatchedFiles((change) => session.watchedFilesChanged(change));
  connection.onShutdown(() => session.shutdown());

  connection.onDocumentSymbol((params, token) => session.withAnalysis(params.textDocument.uri, [], (doc) => documentSymbols(doc, token)));
  connection.onFoldingRanges((params, token) => session.withAnalysis(params.textDocument.uri, [], (doc) => foldingRanges(doc, token)));
  connection.onSelectionRanges((params, token) => session.withAnalysis(params.textDocument.uri, [], (doc) => selectionRanges(doc, params.positions, token)));
  connection.onHover((params, token) =>
    codingFiles.isCodingFile(params.textDocument.uri)
      ? coding.hoverInCodingFile(codingHost, params.textDocument.uri, params.position, token)
      : session.withReferences(params.textDocument.uri, null, (doc) => hover(doc, params.position, token, session.analyses)),
  );
  connection.onDefinition((params, token) => session.withReferences(params.textDocument.uri, null, (doc) => definition(doc, params.position, token)));
  connection.onReferences(
    (params, token) =>
      coding.codeReferencesAt(codingHost, params, token) ??
      session.withReferences(params.textDocument.uri, null, (doc) => references(doc, params.position, params.context.includeDeclaration, session.analyses, token)),
  );
  connection.onDocumentHighlight((params, token) => session.withAnalysis(params.textDocument.uri, null, (doc) => documentHighlights(doc, params.position, token)));
  connection.languages.semanticTokens.on((params, token) => session.withAnalysis(params.textDocument.uri, { data: [] }, (doc) => entitySemanticTokens(doc, token)));
  connection.onDocumentLinks((params, token) => session.withAnalysis(params.textDocument.uri, [], (doc) => referenceLinks(doc, token)));
  connection.languages.callHierarchy.onPrepare((params, token) =>
    session.withReferences(params.textDocument.uri, null, (doc) => prepareCitationHierarchy(doc, params.position, token)),
  );
  connection.languages.callHierarchy.onIncomingCalls((params, token) => (session.syncReferences(), citationIncomingCalls(params.item, session.references.context, token)));
  connection.languages.callHierarchy.onOutgoingCalls((params, token) => (session.syncReferences(), citationOutgoingCalls(params.item, session.references.context, token)));
  connection.onRequest(REFERENCES_REQUEST, (params: ReferencesParams, token) => session.withAnalysis(params.uri, [], (doc) => referenceList(doc, token)));
  connection.onCodeAction((params, token) => session.withAnalysis(params.textDocument.uri, [], (doc) => codeActions(doc, params.range, params.context, token)));
  connection.onWorkspaceSymbol((params, token) => workspaceSymbolSearch(session.symbolSources(), params.query, token));
  coding.register(connection, codingHost);

  session.documents.listen(connection);
  connection.listen();
}
