// Entry of the bundled language server (dist/server.js): stdio with --stdio, else Node IPC (the VS Code client).
import {
  IPCMessageReader,
  IPCMessageWriter,
  ProposedFeatures,
  StreamMessageReader,
  StreamMessageWriter,
  createConnection,
} from 'vscode-languageserver/node';
import { NodeFileSystem } from './node/nodeFileSystem';
import { startServer } from './server';

const connection = process.argv.includes('--stdio')
  ? createConnection(ProposedFeatures.all, new StreamMessageReader(process.stdin), new StreamMessageWriter(process.stdout))
  : createConnection(ProposedFeatures.all, new IPCMessageReader(process), new IPCMessageWriter(process));

startServer(connection, new NodeFileSystem());
