import * as vscode from 'vscode';
import { COMMANDS, LANGUAGE_ID } from './names';

/** "Policy Annotator: Treat This File as a Policy Statement": switches the active editor's language. */
export function registerTreatAsStatementCommand(): vscode.Disposable {
  return vscode.commands.registerCommand(COMMANDS.treatAsStatement, async () => {
    const editor = vscode.window.activeTextEditor;
    if (!editor) {
      void vscode.window.showInformationMessage('Open a file first, then treat it as a policy statement.');
      return;
    }
    await vscode.languages.setTextDocumentLanguage(editor.document, LANGUAGE_ID);
  });
}
