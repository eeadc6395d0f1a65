import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { registerStatementFileAssociation } from './fileAssociation';
import { startLanguageClient } from './languageClient';
import { registerTreatAsStatementCommand } from './treatAsStatement';

let client: LanguageClient | undefined;

/** Thin client: starts the bundled language server and registers UI pieces, one line each. */
export async function activate(context: vscode.ExtensionContext): Promise<void> {
  context.subscriptions.push(registerTreatAsStatementCommand());
  context.subscriptions.push(registerStatementFileAssociation());
  client = await startLanguageClient(context);
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
