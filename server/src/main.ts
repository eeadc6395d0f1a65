// Entry of the bundled language server (dist/server.js): stdio with --stdio, else Node IPC (the VS Code client).
import { startNodeServer } from './node/startNodeServer';

startNodeServer(process.argv.includes('--stdio') ? 'stdio' : 'ipc');
