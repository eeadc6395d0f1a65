import {
  IPCMessageReader,
  IPCMessageWriter,
  ProposedFeatures,
  StreamMessageReader,
  StreamMessageWriter,
  createConnection,
} from 'vscode-languageserver/node';
import { startServer } from '../server';
import { readBundledCatalog } from './bundledCatalog';
import { NodeFileSystem } from './nodeFileSystem';

/** Starts the language server in this process, over stdio or over Node IPC (how the VS Code client starts it). */
export function startNodeServer(transport: 'stdio' | 'ipc'): void {
  const connection =
    transport === 'stdio'
      ? createConnection(ProposedFeatures.all, new StreamMessageReader(process.stdin), new StreamMessageWriter(process.stdout))
      : createConnection(ProposedFeatures.all, new IPCMessageReader(process), new IPCMessageWriter(process));
  startServer(connection, new NodeFileSystem(), { bundledCatalog: readBundledCatalog() });
}
