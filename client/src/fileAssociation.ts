import * as vscode from 'vscode';
import { LANGUAGE_ID, SETTINGS_SECTION } from './names';

const FILES_SETTING = 'files';

/**
 * Applies the `policyAnnotator.files` setting: documents matching one of its globs are switched to the
 * policy-statement language when opened, and already-open ones when the extension starts or the setting changes.
 */
export function registerStatementFileAssociation(log: vscode.LogOutputChannel): vscode.Disposable {
  const switchAll = () => vscode.workspace.textDocuments.forEach((document) => void switchIfMatching(document, log));
  switchAll();
  return vscode.Disposable.from(
    vscode.workspace.onDidOpenTextDocument((document) => void switchIfMatching(document, log)),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration(`${SETTINGS_SECTION}.${FILES_SETTING}`)) switchAll();
    }),
  );
}

async function switchIfMatching(document: vscode.TextDocument, log: vscode.LogOutputChannel): Promise<void> {
  if (document.languageId === LANGUAGE_ID || document.uri.scheme !== 'file') return;
  if (!matchesFilesSetting(document)) return;
  log.info(`${document.uri.fsPath} matches ${SETTINGS_SECTION}.${FILES_SETTING}: treating it as a policy statement`);
  try {
    await vscode.languages.setTextDocumentLanguage(document, LANGUAGE_ID);
  } catch (error) {
    // Typically the document was closed before the switch.
    log.warn(`Could not switch ${document.uri.fsPath} to ${LANGUAGE_ID}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function matchesFilesSetting(document: vscode.TextDocument): boolean {
  const globs = vscode.workspace.getConfiguration(SETTINGS_SECTION, document.uri).get<unknown>(FILES_SETTING);
  if (!Array.isArray(globs)) return false;
  const folder = vscode.workspace.getWorkspaceFolder(document.uri);
  return globs.some((glob) => {
    if (typeof glob !== 'string' || glob.trim() === '') return false;
    // Relative to the document's workspace folder, so that "notes/*.txt" works as well as "**/*.txt".
    const pattern = folder ? new vscode.RelativePattern(folder, glob) : glob;
    return vscode.languages.match({ pattern }, document) > 0;
  });
}
