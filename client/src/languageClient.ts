import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { DISPLAY_NAME, LANGUAGE_ID, SERVER_BUNDLE, SETTINGS_SECTION } from './names';

/**
 * Files whose changes the server must hear about even when they are not open: statements (for the workspace
 * index), the project config, and YAML catalogs/codebooks/sidecars (their names come from the project config,
 * so every YAML file is watched and the server decides which ones matter).
 */
const WATCHED_FILES = ['**/*.{statement,stmt}', '**/.policy-annotator.yaml', '**/*.{yaml,yml}'];

/** Starts the bundled server (dist/server.js) over IPC, logging to `log`, and returns the running client. */
export async function startLanguageClient(context: vscode.ExtensionContext, log: vscode.LogOutputChannel): Promise<LanguageClient> {
  const module = context.asAbsolutePath(SERVER_BUNDLE);
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    outputChannel: log,
    documentSelector: [
      { scheme: 'file', language: LANGUAGE_ID },
      { scheme: 'untitled', language: LANGUAGE_ID },
      // Codings sidecars and codebooks: diagnostics, completion, rename and references of codes.
      { scheme: 'file', pattern: '**/*.codes.yaml' },
      { scheme: 'file', pattern: '**/{codebook,*.codebook}.yaml' },
    ],
    synchronize: {
      configurationSection: SETTINGS_SECTION,
      fileEvents: WATCHED_FILES.map((glob) => vscode.workspace.createFileSystemWatcher(glob)),
    },
  };
  const client = new LanguageClient(SETTINGS_SECTION, DISPLAY_NAME, serverOptions, clientOptions);
  await client.start();
  return client;
}
