import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ClientCommands, CodingRequests } from '../../../server/src/features/codingProtocol';

/** Opens Markdown text in the Markdown preview (an untitled document, never written to disk). */
export async function showMarkdown(markdown: string): Promise<void> {
  const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: markdown });
  await vscode.commands.executeCommand('markdown.showPreview', doc.uri);
}

/** "Show Coding Report": the report over every statement in the workspace, as a Markdown preview. */
export function registerCodingReportCommand(client: LanguageClient): vscode.Disposable {
  return vscode.commands.registerCommand(ClientCommands.showReport, async () => {
    const markdown = await client.sendRequest<string>(CodingRequests.report, {});
    await showMarkdown(markdown);
  });
}
