// The coding requests of the language server: code lens, completion, rename, references, commands and the
// custom requests of the VS Code client's coding UI. Each handler finds the analysis and calls one feature.
import { ResponseError, ErrorCodes, type CancellationToken, type Connection, type ReferenceParams } from 'vscode-languageserver';
import type { Hover, Location, Position, WorkspaceEdit } from 'vscode-languageserver-types';
import { analyzeDocument, type DocumentAnalysis } from './core/analysis';
import { readCodings } from './core/coding/codings';
import type { CodingWorkspace } from './core/coding/codingWorkspace';
import { relativePath, uriKey } from './core/uris';
import { codingState, CODING_COMMANDS, commandUri, executeCodingCommand } from './features/codingCommands';
import { TAG_ACTION_KIND } from './features/codingCodeActions';
import { frontMatterCodingCompletion, sidecarCodingCompletion } from './features/codingCompletion';
import { codeHoverIn } from './features/codingHover';
import { codingLenses } from './features/codingLens';
import { CodingRequests, type CodingReportParams, type CodingStateParams, type CompareCodingsParams } from './features/codingProtocol';
import { codeReferences } from './features/codingReferences';
import { codeIdAt, prepareCodeRename, renameCode } from './features/codingRename';
import { agreementMarkdown, codingReportMarkdown, compareStatements } from './features/codingReport';
import { codeSymbols } from './features/codingSymbols';

export { TAG_ACTION_KIND, codeSymbols };

/** What the coding handlers need from the server. */
export interface CodingHost {
  files: CodingWorkspace;
  /** The analysis of a statement (open or indexed); null for other files. */
  analysisOf(uri: string): DocumentAnalysis | null;
  /** Every statement of the workspace. */
  analyses(): DocumentAnalysis[];
  /** The text of an open document, or null. */
  documentText(uri: string): string | null;
  readText(uri: string): Promise<string | null>;
  applyEdit(edit: WorkspaceEdit): Promise<boolean>;
  folders(): string[];
}

/** Find All References is shared with the references feature: see `codeReferencesAt`. */
export const capabilities = {
  codeLensProvider: { resolveProvider: false },
  completionProvider: { triggerCharacters: ['[', ',', ' ', '"'] },
  renameProvider: { prepareProvider: true },
  executeCommandProvider: { commands: CODING_COMMANDS },
};

/** Hover on a code id in a sidecar file. */
export function hoverInCodingFile(host: CodingHost, uri: string, position: Position, token: CancellationToken): Hover | null {
  if (!uri.endsWith('.codes.yaml') || token.isCancellationRequested) return null;
  const analysis = host.analysisOf(host.files.statementOf(uri));
  return analysis ? codeHoverIn(analysis.codings, host.files.codebook, position) : null;
}

function fail(message: string): ResponseError<void> {
  return new ResponseError(ErrorCodes.InvalidRequest, message);
}

/** The codings that can hold a code at `uri`: the statement's own, or those of the statement a sidecar codes. */
function codingsAt(host: CodingHost, uri: string) {
  const statementUri = uri.endsWith('.codes.yaml') ? host.files.statementOf(uri) : uri;
  return host.analysisOf(statementUri)?.codings ?? null;
}

/** Find All References on a code (in the codebook or a coding): every coded paragraph; null elsewhere. */
export function codeReferencesAt(host: CodingHost, params: ReferenceParams, token: CancellationToken): Location[] | null {
  const at = codeIdAt(params.textDocument.uri, params.position, host.files.codebook, codingsAt(host, params.textDocument.uri));
  return at ? codeReferences(at.id, host.files.codebook, host.analyses(), params.context.includeDeclaration, token) : null;
}

function insideWorkspace(host: CodingHost, uri: string): boolean {
  return host.folders().some((folder) => relativePath(folder, uri) !== null);
}

export function register(connection: Connection, host: CodingHost): void {
  const { files } = host;

  connection.onCodeLens((params, token) => {
    const analysis = host.analysisOf(params.textDocument.uri);
    return analysis ? codingLenses(analysis, token) : [];
  });

  connection.onCompletion((params, token) => {
    const uri = params.textDocument.uri;
    if (uri.endsWith('.codes.yaml')) {
      const text = host.documentText(uri);
      return text === null ? null : sidecarCodingCompletion(uri, text, host.analysisOf(files.statementOf(uri)), files.codebook, params.position, token);
    }
    const analysis = host.analysisOf(uri);
    return analysis ? frontMatterCodingCompletion(analysis, params.position, token) : null;
  });

  connection.onPrepareRename((params) => prepareCodeRename(params.textDocument.uri, params.position, files.codebook, codingsAt(host, params.textDocument.uri)));

  connection.onRenameRequest((params, token) => {
    const codebook = files.codebook;
    const at = codeIdAt(params.textDocument.uri, params.position, codebook, codingsAt(host, params.textDocument.uri));
    if (!at || !codebook) return null;
    const result = renameCode(codebook, host.analyses().map((a) => a.codings), at.id, params.newName.trim(), token);
    if ('error' in result) throw fail(result.error);
    return result;
  });

  connection.onExecuteCommand(async (params, token) => {
    const uri = commandUri(params.arguments);
    const analysis = uri ? host.analysisOf(uri) : null;
    if (!analysis) throw fail(`${params.command}: no open policy statement ${uri ?? ''}`.trim());
    const result = executeCodingCommand(analysis, params.command, params.arguments, token);
    if (!result) throw fail(`Unknown command ${params.command}`);
    if ('error' in result) throw fail(result.error);
    if (!(await host.applyEdit(result.edit))) throw fail('The editor did not apply the coding edit');
    return null;
  });

  connection.onRequest(CodingRequests.state, (params: CodingStateParams, token: CancellationToken) => {
    const analysis = host.analysisOf(params.uri);
    if (!analysis) throw fail(`${params.uri} is not an open policy statement`);
    return { ...codingState(analysis, params.range, token), codebookProblem: files.codebookStatus() };
  });

  connection.onRequest(CodingRequests.report, (params: CodingReportParams, token: CancellationToken) => {
    const wanted = params.uris ? new Set(params.uris.map(uriKey)) : null;
    const docs = host
      .analyses()
      .filter((a) => !wanted || wanted.has(uriKey(a.statement.uri)))
      .sort((a, b) => a.statement.uri.localeCompare(b.statement.uri));
    const name = (uri: string) => host.folders().map((f) => relativePath(f, uri)).find((r): r is string => r !== null) ?? uri;
    return codingReportMarkdown(docs, files.codebook, name, token);
  });

  connection.onRequest(CodingRequests.compare, async (params: CompareCodingsParams) => {
    const a = host.analysisOf(params.a);
    if (!a) throw fail(`${params.a} is not a policy statement`);
    if (!insideWorkspace(host, params.b)) throw fail('Pick a file inside the workspace to compare with');
    const text = host.documentText(params.b) ?? (await host.readText(params.b));
    if (text === null) throw fail(`${params.b} cannot be read`);
    const codebook = files.codebook;
    let b;
    if (/\.ya?ml$/i.test(params.b)) {
      // A codings file coding the same text as A.
      b = { statement: a.statement, codings: readCodings(a.statement, { sidecar: { uri: params.b, text }, storage: 'sidecar', codebook }) };
    } else {
      await files.prepare(params.b);
      b = analyzeDocument(params.b, 0, text, { coding: files.options(params.b) });
    }
    const report = compareStatements(a, b, codebook);
    const name = (uri: string) => decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1));
    return agreementMarkdown(report, name(params.a), name(params.b));
  });
}
