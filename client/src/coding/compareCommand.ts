import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ClientCommands, CodingRequests } from '../../../server/src/features/codingProtocol';
import { statementEditor } from './codingClient';
import { showMarkdown } from './reportCommand';

/**
 * "Compare Codings With…": inter-coder agreement between the current statement's codings and another coding of
 * the same text (a copy of the statement, or a codings YAML file), shown as a Markdown preview.
 */
export function registerCompareCodingsCommand(client: LanguageClient): vscode.Disposable {
  return vscode.commands.registerCommand(ClientCommands.compare, async () => {
    const editor = statementEditor();
    if (!editor) return;
    const [other] =
      (await vscode.window.showOpenDialog({
        title: 'Compare codings with… (another coder’s statement or codings file)',
        canSelectMany: false,
        filters: { 'Statements and codings': ['statement', 'stmt', 'yaml', 'yml'] },
        defaultUri: vscode.Uri.joinPath(editor.document.uri, '..'),
      })) ?? [];
    if (!other) return;
    try {
      const markdown = await client.sendRequest<string>(CodingRequests.compare, { a: editor.document.uri.toString(), b: other.toString() });
      await showMarkdown(markdown);
    } catch (e) {
      void vscode.window.showErrorMessage(`Policy Annotator: ${(e as Error).message}`);
    }
  });
}
