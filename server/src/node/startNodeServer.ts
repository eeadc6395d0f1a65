import {
  IPCMessageReader,
  IPCMessageWriter,
  ProposedFeatures,
  StreamMessageReader,
  StreamMessageWriter,
  createConnection,
} from 'vscode-languageserver/node';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { startServer } from '../server';
import { readBundledCatalog } from './bundledCatalog';
import { NodeFileSystem } from './nodeFileSystem';

/** Starts the language server in this process, over stdio or over Node IPC (how the VS Code client starts it). */
export function startNodeServer(transport: 'stdio' | 'ipc'): void {
  const connection =
    transport === 'stdio'
      ? createConnection(ProposedFeatures.all, new StreamMessageReader(process.stdin), new StreamMessageWriter(process.stdout))
      : createConnection(ProposedFeatures.all, new IPCMessageReader(process), new IPCMessageWriter(process));
  startServer(connection, new NodeFileSystem(), { bundledCatalog: readBundledCatalog(), entityDataUri: bundledDataUri() });
}

/** server/data, from the bundle (dist/) or from the sources (server/src/node/): bundled entities' definitions. */
function bundledDataUri(): string | undefined {
  const dir = [path.resolve(__dirname, '..', 'server', 'data'), path.resolve(__dirname, '..', '..', 'data')].find((d) => existsSync(path.join(d, 'gazetteer.json')));
  return dir ? pathToFileURL(dir).href : undefined;
}
