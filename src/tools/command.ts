import { parseArgs, ParseArgsConfig } from 'node:util';
import { UserError } from './user-error';

/** What every `keyless` command gets besides its own arguments. */
export interface CommandContext {
  /** The registry root: `--registry DIR`, else $REGISTRY_DIR, else the current directory; absolute. */
  readonly root: string;
}

/** A `keyless` command: runs with its own arguments and returns the exit code. */
export interface CommandModule {
  run(args: readonly string[], context: CommandContext): number | Promise<number>;
}

/** node's parseArgs, strict, whose mistakes are UserErrors that point at `keyless <command> --help`. */
export function parseOptions<T extends NonNullable<ParseArgsConfig['options']>>(
  command: string,
  args: readonly string[],
  options: T,
  allowPositionals = false,
) {
  try {
    return parseArgs({ args: [...args], options, strict: true, allowPositionals });
  } catch (e) {
    throw new UserError(`${(e as Error).message}; see keyless ${command} --help`);
  }
}
