import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { registerEntitiesView } from './entitiesView';
import { registerCodingDecorations } from './coding/decorations';
import { registerCompareCodingsCommand } from './coding/compareCommand';
import { registerMemoCommand } from './coding/memoCommand';
import { registerRemoveCodeCommand } from './coding/removeCodeCommand';
import { registerCodingReportCommand } from './coding/reportCommand';
import { registerTagCommand } from './coding/tagCommand';
import { registerStatementFileAssociation } from './fileAssociation';
import { startLanguageClient } from './languageClient';
import { DISPLAY_NAME } from './names';
import { registerReferencesView } from './referencesView';
import { registerTreatAsStatementCommand } from './treatAsStatement';

let client: LanguageClient | undefined;

/** Thin client: starts the bundled language server and registers UI pieces, one line each. */
export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const log = vscode.window.createOutputChannel(DISPLAY_NAME, { log: true });
  context.subscriptions.push(log);
  context.subscriptions.push(registerTreatAsStatementCommand());
  context.subscriptions.push(registerStatementFileAssociation(log));
  client = await startLanguageClient(context, log);
  context.subscriptions.push(registerReferencesView(client));
  context.subscriptions.push(registerEntitiesView(client));
  context.subscriptions.push(registerTagCommand(client));
  context.subscriptions.push(registerRemoveCodeCommand(client));
  context.subscriptions.push(registerMemoCommand(client));
  context.subscriptions.push(registerCodingDecorations(client));
  context.subscriptions.push(registerCodingReportCommand(client));
  context.subscriptions.push(registerCompareCodingsCommand(client));
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
