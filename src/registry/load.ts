import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Diagnostic, error, RegistryError } from './diagnostics';
import { ReadRegistryFile } from './kept-statements';
import { Registry } from './model';
import { CheckedRegistry, validateRegistry } from './validate';

export const ACCOUNTS_FILE = 'accounts.yaml';
export const APPS_DIR = 'apps';

/** One registry file as read from disk; `file` is relative to the registry root. */
export interface RegistryFile {
  readonly file: string;
  readonly text: string;
}

export interface RegistryFiles {
  /** accounts.yaml; undefined when it does not exist or cannot be read. */
  readonly accounts?: RegistryFile;
  /** apps/*.yaml and apps/*.yml, by file name. */
  readonly apps: readonly RegistryFile[];
  /** Files that could not be read. */
  readonly diagnostics: readonly Diagnostic[];
  /** Reads other files the registry names (keepStatements), relative to its root; none when absent. */
  readonly readFile?: ReadRegistryFile;
}

/** The registry root: `$REGISTRY_DIR`, else the current directory. */
export function registryRoot(env: NodeJS.ProcessEnv = process.env): string {
  return env.REGISTRY_DIR || process.cwd();
}

/** Loads and validates the registry; throws RegistryError listing every problem. */
export function loadRegistry(root: string, env: NodeJS.ProcessEnv = process.env): Registry {
  const { registry, diagnostics } = checkRegistry(root, env);
  if (!registry) throw new RegistryError(diagnostics);
  return registry;
}

/** Loads the registry and returns every diagnostic, with the model when there are no errors. */
export function checkRegistry(root: string, env: NodeJS.ProcessEnv = process.env): CheckedRegistry {
  return validateRegistry(root, readRegistryFiles(root), env);
}

export function readRegistryFiles(root: string): RegistryFiles {
  const diagnostics: Diagnostic[] = [];
  const read = (file: string): RegistryFile[] => {
    try {
      return [{ file, text: readFileSync(join(root, file), 'utf8') }];
    } catch (e) {
      diagnostics.push(error({ file, line: 1, column: 1 }, `cannot read the file (${(e as NodeJS.ErrnoException).code ?? String(e)}); make it a readable YAML file`));
      return [];
    }
  };
  const [accounts] = existsSync(join(root, ACCOUNTS_FILE)) ? read(ACCOUNTS_FILE) : [];
  const apps = listAppFiles(root).flatMap(read);
  return { accounts, apps, diagnostics, readFile: (file) => readFileSync(join(root, file), 'utf8') };
}

function listAppFiles(root: string): string[] {
  const dir = join(root, APPS_DIR);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) return [];
  return readdirSync(dir)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort()
    .map((f) => `${APPS_DIR}/${f}`);
}
