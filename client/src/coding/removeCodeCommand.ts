import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ClientCommands, ServerCommands } from '../../../server/src/features/codingProtocol';
import { codingState, runServerCommand, statementEditor, targetPaths } from './codingClient';

/** "Remove Code": picks one of the codes on the selected paragraphs and removes it from all of them. */
export function registerRemoveCodeCommand(client: LanguageClient): vscode.Disposable {
  return vscode.commands.registerCommand(ClientCommands.removeCode, async (uri?: string, ...paths: string[]) => {
    const editor = statementEditor(uri);
    if (!editor) return;
    const state = await codingState(client, editor);
    const targets = targetPaths(state, paths);
    const present = [...new Set(state.coded.filter((c) => targets.includes(c.path)).flatMap((c) => c.codes))];
    if (present.length === 0) {
      void vscode.window.showInformationMessage('The selected paragraphs have no codes.');
      return;
    }
    const labels = new Map(state.codebook.map((c) => [c.id, c.label]));
    const choice = await vscode.window.showQuickPick(
      present.map((id) => ({ label: id, description: labels.get(id) })),
      { title: 'Remove which code?', placeHolder: targets.length === 1 ? `Paragraph ${targets[0]}` : `${targets.length} paragraphs` },
    );
    if (!choice) return;
    await runServerCommand(ServerCommands.removeCode, { uri: editor.document.uri.toString(), paths: targets, code: choice.label });
  });
}
