import { parseArgs, type ParseArgsConfig } from 'node:util';

/** Where a command writes; tests and the CLI entry pass process streams. */
export interface CliIo {
  cwd: string;
  out(text: string): void;
  err(text: string): void;
}

/** One CLI subcommand. `name` may have several words ("catalog import"). */
export interface Command {
  name: string;
  /** One line for `--help`. */
  summary: string;
  /** The usage text shown by `<command> --help`. */
  usage: string;
  /** Resolves with the exit code: 0 fine, 1 findings, 2 usage or input error. */
  run(args: string[], io: CliIo): Promise<number>;
}

/** A mistake in how the CLI was called or in what it was given: printed as one line, exit code 2. */
export class UsageError extends Error {}

/** node:util parseArgs with strict checking, its errors turned into short UsageErrors. */
export function parseOptions<T extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: T) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const unknown = /Unknown option '([^']+)'/.exec(message);
    if (unknown) throw new UsageError(`unknown option '${unknown[1]}'`);
    throw new UsageError(message.split('. ')[0].replace(/^\w/, (c) => c.toLowerCase()));
  }
}
