import { startNodeServer } from '../node/startNodeServer';
import { parseOptions, UsageError, type Command } from './command';

export const lspCommand: Command = {
  name: 'lsp',
  summary: 'Start the language server over stdio (for any LSP editor)',
  usage: `Usage: policy-annotator lsp --stdio

Starts the Policy Annotator language server in this process, speaking LSP over stdin/stdout.
See the README for Neovim and Helix set-up.`,
  run(args: string[]): Promise<number> {
    const { values, positionals } = parseOptions(args, { stdio: { type: 'boolean' } });
    if (positionals.length > 0) throw new UsageError(`unexpected argument '${positionals[0]}'`);
    if (!values.stdio) throw new UsageError('lsp needs --stdio (the only transport)');
    startNodeServer('stdio');
    // The server runs until the client sends `exit`, which ends the process.
    return new Promise<number>(() => undefined);
  },
};
