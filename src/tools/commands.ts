import { CommandModule } from './command';
import { ownPackageJson } from './package';
import { UserError } from './user-error';

/** One `keyless` command as `--help` shows it; its code is loaded only when it runs. */
export interface CommandSpec {
  readonly name: string;
  /** One line for `keyless --help`. */
  readonly summary: string;
  /** The arguments after `keyless <name>`. */
  readonly usage: string;
  /** Option and argument lines: `[flag, what it does]`. */
  readonly options: readonly (readonly [string, string])[];
  /** Whether the command reads the registry (and so takes --registry). */
  readonly readsRegistry: boolean;
  readonly load: () => CommandModule;
}

/** Every command, in the order a team meets them. */
export const COMMANDS: readonly CommandSpec[] = [
  {
    name: 'init',
    summary: 'scaffold a registry repository (accounts.yaml, an example app, workflows, CODEOWNERS, README)',
    usage: '[DIR]',
    options: [['DIR', 'where to create it (default: the current directory); existing files are never overwritten']],
    readsRegistry: false,
    load: () => load('./init'),
  },
  {
    name: 'validate',
    summary: 'check the registry: every problem as file:line:col, exit 1 on any error',
    usage: '',
    options: [],
    readsRegistry: true,
    load: () => load('./validate'),
  },
  {
    name: 'synth',
    summary: 'validate, then write one Terraform workspace per account to cdktf.out/stacks/<alias>',
    usage: '',
    options: [['$CDKTF_OUTDIR', 'output directory (default: cdktf.out in the registry root; the cdktf CLI sets it)']],
    readsRegistry: true,
    load: () => load('../../main'),
  },
  {
    name: 'verify',
    summary: 'prove offline, by IAM simulation, that each app reaches exactly its own prefix',
    usage: '[--out DIR] [--json]',
    options: [
      ['--out DIR', 'verify this synthesized directory (e.g. cdktf.out); default: synthesize into a temporary one'],
      ['--json', 'the report as JSON'],
    ],
    readsRegistry: true,
    load: () => needsSimulator(() => load('./verify/cli')),
  },
  {
    name: 'review',
    summary: 'the pull-request comment: who gains or loses which access, compared with a git ref',
    usage: '--base REF [--out FILE] [--verify-out DIR | --verify-json FILE] [--max-chars N]',
    options: [
      ['--base REF', 'the git ref to compare with, e.g. origin/main (required)'],
      ['--out FILE', 'write the Markdown to FILE instead of stdout'],
      ['--verify-out DIR', 'verify this synthesized directory and include the result'],
      ['--verify-json FILE', 'include a report of `keyless verify --json`'],
      ['--max-chars N', 'stay under N characters (default 65536, GitHub\'s comment limit)'],
    ],
    readsRegistry: true,
    load: () => load('./review'),
  },
  {
    name: 'onboard',
    summary: 'what an app\'s team needs: role, prefixes, network, boto3/JavaScript/CLI snippets',
    usage: '<app id>',
    options: [['<app id>', 'the id of an app of the registry']],
    readsRegistry: true,
    load: () => load('./onboard'),
  },
  {
    name: 'bench',
    summary: 'synth and verify time, memory and policy sizes on generated registries',
    usage: '[--apps 10,100,1000] [--runs 3] [--json]',
    options: [
      ['--apps LIST', 'registry sizes to generate (default 10,100,1000)'],
      ['--runs N', 'measured runs per size (default 3)'],
      ['--json', 'JSON instead of the table'],
    ],
    readsRegistry: false,
    load: () => load('./bench/cli'),
  },
  {
    name: 'schema',
    summary: 'write the editor JSON schemas (accounts.schema.json, app.schema.json)',
    usage: '[--out DIR]',
    options: [['--out DIR', 'where to write them (default: schema/ in the registry root)']],
    readsRegistry: true,
    load: () => load('./schema'),
  },
];

/** `keyless --help`. */
export function mainHelp(version: string): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    `keyless ${version}: STS AssumeRole instead of access keys for cross-account S3, from a YAML registry`,
    '',
    'usage: keyless [--registry DIR] <command> [options]',
    '',
    'commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'options:',
    '  --registry DIR  the registry root (accounts.yaml, apps/); default: $REGISTRY_DIR, else the current directory',
    '  --help, -h      this text; `keyless <command> --help` for a command',
    '  --version       the installed version',
    '',
  ].join('\n');
}

/** `keyless <command> --help`. */
export function commandHelp(spec: CommandSpec): string {
  const registry = spec.readsRegistry ? ' [--registry DIR]' : '';
  const lines = [`usage: keyless ${spec.name}${registry}${spec.usage ? ` ${spec.usage}` : ''}`, '', `${spec.summary}.`];
  const options = [...spec.options, ...(spec.readsRegistry ? [['--registry DIR', 'the registry root (default: $REGISTRY_DIR, else the current directory)'] as const] : [])];
  if (options.length) {
    const width = Math.max(...options.map(([flag]) => flag.length));
    lines.push('', ...options.map(([flag, text]) => `  ${flag.padEnd(width)}  ${text}`));
  }
  return `${lines.join('\n')}\n`;
}

/**
 * A command's module, loaded when it runs so that `keyless validate` never loads cdktf or the simulator.
 * `require`, not `import()`: tsx's CommonJS hook (bin/keyless.js on sources) does not see dynamic imports.
 */
function load(path: string): CommandModule {
  return require(path) as CommandModule;
}

/** The IAM simulator verify runs on: AGPL, so an optional peer dependency that a registry repository installs. */
export const SIMULATOR_PACKAGES = ['@cloud-copilot/iam-simulate', '@cloud-copilot/iam-policy'] as const;

/** Loads a module that imports the simulator; its absence is a UserError that says what to install. */
function needsSimulator(loader: () => CommandModule): CommandModule {
  try {
    return loader();
  } catch (e) {
    const missing = SIMULATOR_PACKAGES.find((p) => (e as NodeJS.ErrnoException).code === 'MODULE_NOT_FOUND' && (e as Error).message.includes(`'${p}'`));
    if (!missing) throw e;
    const versions = ownPackageJson().devDependencies ?? {};
    const install = SIMULATOR_PACKAGES.map((p) => `${p}@${versions[p]}`).join(' ');
    throw new UserError(`verify needs ${missing} (AGPL-3.0, not bundled with keyless), which is not installed; run: npm install --save-dev ${install}`);
  }
}
