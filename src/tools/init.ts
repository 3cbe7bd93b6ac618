import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import Handlebars from 'handlebars';
import { CommandContext, parseOptions } from './command';
import { SIMULATOR_PACKAGES } from './commands';
import { ownPackageJson, PACKAGE_ROOT, PackageJson } from './package';
import { TEMPLATES_DIR } from './templates';
import { UserError } from './user-error';

/** Marks a line of keyless's own workflows that a registry repository leaves out (`npm test`). */
export const REPOSITORY_ONLY_MARKER = '# keyless repository only';
/** Installed next to keyless in a registry repository: the simulator for verify, the CLI for cdktf deploy. */
const TOOL_PACKAGES = [...SIMULATOR_PACKAGES, 'cdktf-cli'] as const;
const WORKFLOWS_DIR = '.github/workflows';
/** Workflows of keyless's own development (mutation testing of its sources), which a registry repository has no use for. */
const DEVELOPMENT_WORKFLOWS = ['mutation.yml'];
/** The workflows' Terraform version, pinned in one place: copied so a registry repository pins the same one. */
const TERRAFORM_VERSION_FILE = '.terraform-version';

/** Files from templates/init/<template>.hbs, by where they go in the registry repository. */
const TEMPLATE_FILES: Readonly<Record<string, string>> = {
  'accounts.yaml': 'accounts.yaml',
  'apps/example-app.yaml': 'example-app.yaml',
  'cdktf.json': 'cdktf.json',
  '.vscode/settings.json': 'vscode-settings.json',
  '.github/CODEOWNERS': 'CODEOWNERS',
  '.gitignore': 'gitignore',
  'README.md': 'README.md',
};

/** `keyless init [DIR]`: scaffolds a registry repository in DIR (default: here). */
export function run(args: readonly string[], _context: CommandContext): number {
  const { positionals } = parseOptions('init', args, {}, true);
  if (positionals.length > 1) throw new UserError(`expected at most one directory, got ${positionals.length}; see keyless init --help`);
  const dir = resolve(positionals[0] ?? '.');
  const { created, packageJson } = init(dir);
  const shown = relative(process.cwd(), dir) || '.';
  for (const file of created) console.log(`created ${join(shown, file)}`);
  console.log(`${packageJson} ${join(shown, 'package.json')}: keyless, the IAM simulator verify needs and cdktf-cli as devDependencies`);
  console.log(`\nNext:${shown === '.' ? '' : `\n  cd ${shown}`}\n  npm install\n  npx --no-install keyless synth`);
  return 0;
}

/**
 * Writes the registry repository's files into `dir`. Refuses, writing nothing, when any of them exists; only a
 * package.json is completed rather than replaced (it is where `npm install <keyless>` put keyless).
 */
export function init(dir: string): { created: string[]; packageJson: 'created' | 'completed' } {
  const existingPackage = readExistingPackage(dir);
  const files = scaffoldFiles(dir, existingPackage);
  const clashes = Object.keys(files).filter((file) => file !== 'package.json' && existsSync(join(dir, file)));
  if (clashes.length) {
    throw new UserError(`${clashes.map((f) => join(dir, f)).join(', ')} already exist${clashes.length === 1 ? 's' : ''}; keyless init never overwrites: move ${clashes.length === 1 ? 'it' : 'them'} away, or init another directory`);
  }
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(join(dir, file), text);
  }
  return { created: Object.keys(files).filter((f) => f !== 'package.json'), packageJson: existingPackage ? 'completed' : 'created' };
}

/** Every file of a new registry repository, by relative path. */
export function scaffoldFiles(dir: string, existingPackage?: Record<string, unknown>): Record<string, string> {
  const own = ownPackageJson();
  const name = packageName(basename(dir));
  const view = { name, version: own.version, externalId: `example-app-${randomBytes(16).toString('hex')}` };
  const files: Record<string, string> = { 'package.json': registryPackageJson(dir, name, own, existingPackage) };
  for (const [file, template] of Object.entries(TEMPLATE_FILES)) {
    const source = readFileSync(join(TEMPLATES_DIR, 'init', `${template}.hbs`), 'utf8');
    files[file] = Handlebars.compile(source, { noEscape: true })(view);
  }
  for (const workflow of readdirSync(join(PACKAGE_ROOT, WORKFLOWS_DIR)).filter((f) => /\.ya?ml$/.test(f) && !DEVELOPMENT_WORKFLOWS.includes(f)).sort()) {
    files[`${WORKFLOWS_DIR}/${workflow}`] = registryWorkflow(readFileSync(join(PACKAGE_ROOT, WORKFLOWS_DIR, workflow), 'utf8'));
  }
  files[TERRAFORM_VERSION_FILE] = readFileSync(join(PACKAGE_ROOT, TERRAFORM_VERSION_FILE), 'utf8');
  return files;
}

/**
 * keyless's own workflow as a registry repository runs it: the same file, without the lines marked as being
 * for keyless's repository only. Its commands are already `npx --no-install keyless …`, which run the installed
 * keyless there and keyless's own checkout here.
 */
export function registryWorkflow(text: string): string {
  return text.split('\n').filter((line) => !line.includes(REPOSITORY_ONLY_MARKER)).join('\n');
}

function registryPackageJson(dir: string, name: string, own: PackageJson, existing: Record<string, unknown> = {}): string {
  const dependencies = (existing.dependencies ?? {}) as Record<string, string>;
  const devDependencies = { ...((existing.devDependencies ?? {}) as Record<string, string>) };
  const has = (p: string) => p in dependencies || p in devDependencies;
  if (!has('keyless')) devDependencies.keyless = installedFrom(dir);
  for (const p of TOOL_PACKAGES) if (!has(p)) devDependencies[p] = own.devDependencies?.[p] ?? own.dependencies![p];
  const pkg = {
    name,
    version: '0.0.0',
    private: true,
    description: 'Registry of apps reaching S3 across AWS accounts with STS AssumeRole, generated by keyless',
    engines: own.engines,
    ...existing,
    devDependencies: Object.fromEntries(Object.entries(devDependencies).sort(([a], [b]) => a.localeCompare(b))),
  };
  return `${JSON.stringify(pkg, null, 2)}\n`;
}

function readExistingPackage(dir: string): Record<string, unknown> | undefined {
  const file = join(dir, 'package.json');
  if (!existsSync(file)) return undefined;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  } catch (e) {
    throw new UserError(`${file}:1:1: error: not valid JSON (${(e as Error).message}); fix it or remove it, then run keyless init again`);
  }
}

/**
 * The spec this keyless was installed from, as the project holding node_modules/keyless declares it (a tarball or
 * git URL: keyless is not taken from the public npm registry), with a relative `file:` path rebased onto `dir`.
 */
function installedFrom(dir: string): string {
  const project = basename(dirname(PACKAGE_ROOT)) === 'node_modules' ? dirname(dirname(PACKAGE_ROOT)) : undefined;
  const declared = project ? readExistingPackage(project) : undefined;
  const spec = ((declared?.devDependencies ?? {}) as Record<string, string>).keyless ?? ((declared?.dependencies ?? {}) as Record<string, string>).keyless;
  if (!spec) {
    throw new UserError(`cannot tell which tarball or git URL this keyless (${PACKAGE_ROOT}) was installed from; in ${dir}, run npm install --save-dev <keyless tarball or git URL> first, then npx --no-install keyless init`);
  }
  if (!spec.startsWith('file:')) return spec;
  const path = spec.slice('file:'.length);
  return isAbsolute(path) ? spec : `file:${relative(dir, resolve(project!, path)) || '.'}`;
}

/** npm package names are lower case, without spaces. */
function packageName(directory: string): string {
  return directory.toLowerCase().replace(/[^a-z0-9._-]+/g, '-').replace(/^[._-]+/, '') || 'keyless-registry';
}
