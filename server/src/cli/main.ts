// The policy-annotator CLI (dist/cli.js). Each subcommand lives in its own file; add it to `commands`.
import { version } from '../../../package.json';
import { agreementCommand } from './agreementCommand';
import { catalogImportCommand } from './catalogImport';
import { checkCommand } from './check';
import { codebookExportCommand, codebookImportCommand } from './codebookCommand';
import { UsageError, type CliIo, type Command } from './command';
import { entitiesCommand } from './entities';
import { exportCommand } from './export';
import { lspCommand } from './lsp';
import { reportCommand } from './reportCommand';

const commands: Command[] = [checkCommand, exportCommand, entitiesCommand, lspCommand, catalogImportCommand, reportCommand, codebookExportCommand, codebookImportCommand, agreementCommand];

const help = `Usage: policy-annotator <command> [options]

Commands:
${commands.map((c) => `  ${c.name.padEnd(16)}${c.summary}`).join('\n')}

Options:
  -h, --help      Show help (also: policy-annotator <command> --help)
  -v, --version   Show the version`;

/** Runs the CLI on `argv` (without node and script) and resolves with the exit code. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') {
    io.out(`${help}\n`);
    return argv.length === 0 ? 2 : 0;
  }
  if (argv[0] === '--version' || argv[0] === '-v') {
    io.out(`${version}\n`);
    return 0;
  }
  // The longest command name whose words start argv ("catalog import" before "catalog").
  const command = commands
    .filter((c) => c.name.split(' ').every((word, i) => argv[i] === word))
    .sort((a, b) => b.name.length - a.name.length)[0];
  if (!command) {
    io.err(`policy-annotator: unknown command '${argv[0]}'. Run 'policy-annotator --help' for the commands.\n`);
    return 2;
  }
  const args = argv.slice(command.name.split(' ').length);
  if (args.includes('--help') || args.includes('-h')) {
    io.out(`${command.usage}\n`);
    return 0;
  }
  try {
    return await command.run(args, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`policy-annotator ${command.name}: ${error.message}\n`);
      return 2;
    }
    io.err(`policy-annotator ${command.name}: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
    return 3;
  }
}

if (require.main === module) {
  const io: CliIo = { cwd: process.cwd(), out: (text) => process.stdout.write(text), err: (text) => process.stderr.write(text) };
  void runCli(process.argv.slice(2), io).then((code) => {
    process.exitCode = code;
  });
}
