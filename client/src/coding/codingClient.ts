import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { CodingRequests, type CodingStateResult } from '../../../server/src/features/codingProtocol';
import { LANGUAGE_ID } from '../names';

/** The statement editor a coding command applies to, with a message when there is none. */
export function statementEditor(uri?: string): vscode.TextEditor | undefined {
  const editor = uri
    ? vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri)
    : vscode.window.activeTextEditor;
  if (!editor || editor.document.languageId !== LANGUAGE_ID) {
    void vscode.window.showInformationMessage('Open a policy statement and put the cursor in a paragraph first.');
    return undefined;
  }
  return editor;
}

/** Asks the server for the codebook, the paragraphs the selection touches and the current codes. */
export async function codingState(client: LanguageClient, editor: vscode.TextEditor): Promise<CodingStateResult> {
  const s = editor.selection;
  return client.sendRequest<CodingStateResult>(CodingRequests.state, {
    uri: editor.document.uri.toString(),
    range: { start: { line: s.start.line, character: s.start.character }, end: { line: s.end.line, character: s.end.character } },
  });
}

/** Runs a server coding command (it applies one WorkspaceEdit); reports failures instead of failing silently. */
export async function runServerCommand(command: string, args: object): Promise<void> {
  try {
    await vscode.commands.executeCommand(command, args);
  } catch (e) {
    void vscode.window.showErrorMessage(`Policy Annotator: ${(e as Error).message}`);
  }
}

/** Paths given by a code lens or code action (`uri, ...paths`), else the paragraphs the selection touches. */
export function targetPaths(state: CodingStateResult, paths: string[]): string[] {
  return paths.length > 0 ? paths : state.selected;
}
