// A small LSP client for protocol tests: starts the built server over stdio and speaks JSON-RPC to it.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import path from 'node:path';
import {
  createMessageConnection,
  ErrorCodes,
  ResponseError,
  StreamMessageReader,
  StreamMessageWriter,
  type MessageConnection,
} from 'vscode-jsonrpc/node';
import {
  ConfigurationRequest,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ShutdownRequest,
  WorkDoneProgressCreateRequest,
  type ClientCapabilities,
  type InitializeResult,
  type PublishDiagnosticsParams,
  type Registration,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol';

export const repoRoot = path.resolve(__dirname, '..', '..');
export const serverPath = path.join(repoRoot, 'dist', 'server.js');

export const fullCapabilities: ClientCapabilities = {
  workspace: {
    configuration: true,
    workspaceFolders: true,
    didChangeConfiguration: { dynamicRegistration: true },
    didChangeWatchedFiles: { dynamicRegistration: true },
    symbol: {},
  },
  window: { workDoneProgress: true },
  textDocument: {
    synchronization: { dynamicRegistration: false },
    documentSymbol: { hierarchicalDocumentSymbolSupport: true },
    hover: { contentFormat: ['markdown', 'plaintext'] },
    publishDiagnostics: { versionSupport: true },
  },
};

export interface StartOptions {
  /** Workspace folder URIs sent in `initialize`. */
  folders?: string[];
  /** Answers to `workspace/configuration`, by section ("policyAnnotator", "files"). */
  settings?: Record<string, unknown>;
  capabilities?: ClientCapabilities;
  /** What node runs (default: the built server with --stdio). */
  args?: string[];
  /** Answer `workspace/configuration` with an error, as a misbehaving client might. */
  failConfiguration?: boolean;
}

export class LspClient {
  readonly connection: MessageConnection;
  /** Every publishDiagnostics notification, in arrival order. */
  readonly diagnostics: PublishDiagnosticsParams[] = [];
  /** Every `$/progress` value, in arrival order. */
  readonly progress: Array<{ kind: string; message?: string; percentage?: number; title?: string }> = [];
  readonly registrations: Registration[] = [];
  /** Sections asked for by `workspace/configuration`, one array per request. */
  readonly configurationRequests: string[][] = [];
  settings: Record<string, unknown>;
  private readonly listeners = new Set<() => void>();
  private readonly stderr: string[] = [];

  private constructor(
    readonly child: ChildProcessWithoutNullStreams,
    settings: Record<string, unknown>,
    failConfiguration: boolean,
  ) {
    this.settings = settings;
    child.stderr.on('data', (chunk: Buffer) => this.stderr.push(chunk.toString()));
    this.connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    this.connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      this.diagnostics.push(params);
      this.notify();
    });
    this.connection.onNotification('$/progress', (params: { value: LspClient['progress'][number] }) => {
      this.progress.push(params.value);
      this.notify();
    });
    this.connection.onRequest(ConfigurationRequest.type, (params) => {
      const sections = params.items.map((item) => item.section ?? '');
      this.configurationRequests.push(sections);
      this.notify();
      if (failConfiguration) throw new ResponseError(ErrorCodes.InternalError, 'no settings here');
      return sections.map((section) => this.settings[section] ?? null);
    });
    this.connection.onRequest(RegistrationRequest.type, (params) => {
      this.registrations.push(...params.registrations);
      this.notify();
    });
    this.connection.onRequest('client/unregisterCapability', () => undefined);
    this.connection.onRequest(WorkDoneProgressCreateRequest.type, () => undefined);
    this.connection.onNotification('window/logMessage', () => undefined);
    this.connection.listen();
  }

  /** Starts `dist/server.js --stdio` (or `options.args`), initializes it and sends `initialized`. */
  static async start(options: StartOptions = {}): Promise<{ client: LspClient; initializeResult: InitializeResult }> {
    const child = spawn(process.execPath, options.args ?? [serverPath, '--stdio'], { stdio: 'pipe' });
    const client = new LspClient(child, options.settings ?? {}, options.failConfiguration ?? false);
    const folders = options.folders ?? [];
    const initializeResult = await client.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: folders[0] ?? null,
      workspaceFolders: folders.map((uri, i) => ({ uri, name: `folder${i}` })),
      capabilities: options.capabilities ?? fullCapabilities,
    });
    await client.connection.sendNotification(InitializedNotification.type, {});
    return { client, initializeResult };
  }

  async open(uri: string, text: string, version = 1): Promise<void> {
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId: 'policy-statement', version, text },
    });
  }

  async change(uri: string, version: number, changes: TextDocumentContentChangeEvent[]): Promise<void> {
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: changes });
  }

  /** Resolves with the first diagnostics published for `uri` (at `version`, if given) — past or future. */
  diagnosticsFor(uri: string, version?: number, timeoutMs = 5000): Promise<PublishDiagnosticsParams> {
    return this.waitFor(
      () => this.diagnostics.find((d) => d.uri === uri && (version === undefined || d.version === version)),
      `diagnostics for ${uri}${version === undefined ? '' : ` v${version}`}`,
      timeoutMs,
    );
  }

  /** Polls `probe` whenever a message arrives until it returns a value. */
  waitFor<T>(probe: () => T | undefined | false, what: string, timeoutMs = 5000): Promise<T> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const value = probe();
        if (value === undefined || value === false) return;
        cleanup();
        resolve(value);
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`timed out waiting for ${what}; server stderr: ${this.stderr.join('')}`));
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        this.listeners.delete(check);
      };
      this.listeners.add(check);
      check();
    });
  }

  /** Sends shutdown and exit, and resolves with the server's exit code. */
  async stop(): Promise<number | null> {
    const exited = new Promise<number | null>((resolve) => this.child.once('exit', (code) => resolve(code)));
    await this.connection.sendRequest(ShutdownRequest.type);
    await this.connection.sendNotification(ExitNotification.type);
    const code = await exited;
    this.connection.dispose();
    return code;
  }

  private notify(): void {
    for (const listener of [...this.listeners]) listener();
  }
}
