import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ClientCommands, ServerCommands } from '../../../server/src/features/codingProtocol';
import { codingState, runServerCommand, statementEditor, targetPaths } from './codingClient';

/** "Add Memo": edits the memo of the paragraph at the cursor (an empty memo removes it). */
export function registerMemoCommand(client: LanguageClient): vscode.Disposable {
  return vscode.commands.registerCommand(ClientCommands.addMemo, async (uri?: string, ...paths: string[]) => {
    const editor = statementEditor(uri);
    if (!editor) return;
    const state = await codingState(client, editor);
    const [path] = targetPaths(state, paths);
    if (!path) {
      void vscode.window.showInformationMessage('Put the cursor in a paragraph to add a memo.');
      return;
    }
    const memo = await vscode.window.showInputBox({
      title: `Memo for paragraph ${path}`,
      value: state.coded.find((c) => c.path === path)?.memo ?? '',
      prompt: 'Leave empty to remove the memo',
    });
    if (memo === undefined) return;
    await runServerCommand(ServerCommands.setMemo, { uri: editor.document.uri.toString(), path, memo });
  });
}
