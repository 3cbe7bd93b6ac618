#!/usr/bin/env node
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { runCli } from './cli';
import { COMMANDS, commandHelp, mainHelp } from './commands';
import { ownPackageJson } from './package';
import { UserError } from './user-error';

const HELP_FLAGS = ['--help', '-h'];

/**
 * The `keyless` command line: `keyless [--registry DIR] <command> [options]`. `--registry` may also follow the
 * command. Returns the exit code; user mistakes are thrown as UserError or RegistryError for runCli to print.
 */
export async function keyless(argv: readonly string[], env: NodeJS.ProcessEnv = process.env, cwd: string = process.cwd()): Promise<number> {
  const { registry, rest } = takeRegistryOption(argv);
  const [name, ...args] = rest;
  const version = ownPackageJson().version;
  if (name === undefined || HELP_FLAGS.includes(name) || name === 'help') {
    const spec = COMMANDS.find((c) => c.name === args[0]);
    process.stdout.write(spec ? commandHelp(spec) : mainHelp(version));
    return name === undefined ? 1 : 0;
  }
  if (name === '--version') {
    process.stdout.write(`${version}\n`);
    return 0;
  }
  const spec = COMMANDS.find((c) => c.name === name);
  if (!spec) throw new UserError(`unknown command "${name}"; commands: ${COMMANDS.map((c) => c.name).join(', ')} (keyless --help)`);
  if (args.some((a) => HELP_FLAGS.includes(a))) {
    process.stdout.write(commandHelp(spec));
    return 0;
  }
  const root = registryRoot(registry, env, cwd);
  const command = spec.load();
  return command.run(args, { root });
}

/** `--registry DIR` or `--registry=DIR` anywhere before a `--`, taken out of the arguments. */
function takeRegistryOption(argv: readonly string[]): { registry?: string; rest: string[] } {
  const rest: string[] = [];
  let registry: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      rest.push(...argv.slice(i));
      break;
    }
    if (arg === '--registry' || arg.startsWith('--registry=')) {
      const value = arg === '--registry' ? argv[++i] : arg.slice('--registry='.length);
      if (!value) throw new UserError('--registry needs a directory: the one holding accounts.yaml and apps/');
      registry = value;
    } else {
      rest.push(arg);
    }
  }
  return { registry, rest };
}

/** `--registry`, else $REGISTRY_DIR, else the current directory; it must be a directory. */
export function registryRoot(option: string | undefined, env: NodeJS.ProcessEnv, cwd: string): string {
  const given = option ?? (env.REGISTRY_DIR || undefined);
  const root = resolve(cwd, given ?? '.');
  let isDirectory = false;
  try {
    isDirectory = statSync(root).isDirectory();
  } catch {
    // reported below
  }
  if (!isDirectory) {
    const source = option !== undefined ? '--registry' : 'REGISTRY_DIR';
    throw new UserError(`${source} ${given}: no such directory; pass the registry root, the directory holding accounts.yaml and apps/`);
  }
  return root;
}

/** Run by bin/keyless.js, and by `node dist/src/tools/keyless.js` when launched directly. */
export function main(): void {
  runCli(async () => {
    process.exitCode = await keyless(process.argv.slice(2));
  });
}

if (require.main === module) main();
