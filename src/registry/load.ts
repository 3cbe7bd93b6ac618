import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Diagnostic, error, RegistryError, warning } from './diagnostics';
import { ReadRegistryFile } from './kept-statements';
import { Registry } from './model';
import { decodeUtf8 } from './utf8';
import { CheckedRegistry, validateRegistry } from './validate';

export const ACCOUNTS_FILE = 'accounts.yaml';
export const APPS_DIR = 'apps';
/** What apps/ holds: one YAML file per app, in subfolders too. */
export const APP_FILE = /\.ya?ml$/;
/** Files in apps/ that are not apps and need no warning: notes for the people who edit it. */
const IGNORED_FILE = /\.(md|txt)$|^CODEOWNERS$/;

/** One registry file as read from disk; `file` is relative to the registry root. */
export interface RegistryFile {
  readonly file: string;
  readonly text: string;
}

export interface RegistryFiles {
  /** accounts.yaml; undefined when it does not exist or cannot be read. */
  readonly accounts?: RegistryFile;
  /** The .yaml and .yml files of apps/ and its subfolders, by path. */
  readonly apps: readonly RegistryFile[];
  /** Files that could not be read, and warnings about what apps/ holds. */
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
    let bytes: Buffer;
    try {
      bytes = readFileSync(join(root, file));
    } catch (e) {
      diagnostics.push(error({ file, line: 1, column: 1 }, `cannot read the file (${(e as NodeJS.ErrnoException).code ?? String(e)}); make it a readable YAML file`));
      return [];
    }
    const decoded = decodeUtf8(bytes);
    if ('text' in decoded) return [{ file, text: decoded.text }];
    const { line, column, byte } = decoded.invalidAt;
    const hex = byte.toString(16).toUpperCase().padStart(2, '0');
    diagnostics.push(error({ file, line, column }, `the file is not UTF-8 (byte 0x${hex}); save it as UTF-8 (YAML files are UTF-8; an editor may have saved it as Latin-1 or Windows-1252)`));
    return [];
  };
  const [accounts] = existsSync(join(root, ACCOUNTS_FILE)) ? read(ACCOUNTS_FILE) : [];
  const apps = listAppFiles(root, diagnostics).flatMap(read);
  return { accounts, apps, diagnostics, readFile: (file) => readFileSync(join(root, file), 'utf8') };
}

/**
 * The .yaml and .yml files of apps/, in subfolders too (e.g. one per team, for CODEOWNERS), by path. A registry without
 * app files, and files in apps/ that are not YAML, are warned about: an app that is silently not read would
 * have its role deleted on the next apply.
 */
function listAppFiles(root: string, diagnostics: Diagnostic[]): string[] {
  const dir = join(root, APPS_DIR);
  if (!isDirectory(dir)) {
    diagnostics.push(warning({ file: `${APPS_DIR}/`, line: 1, column: 1 }, `no ${APPS_DIR}/ directory in the registry root ${root}; create it with one YAML file per app`));
    return [];
  }
  const files: string[] = [];
  const walk = (relDir: string) => {
    for (const name of readdirSync(join(root, relDir)).sort()) {
      const rel = `${relDir}/${name}`;
      if (name.startsWith('.')) continue;
      if (isDirectory(join(root, rel))) walk(rel);
      else if (APP_FILE.test(name)) files.push(rel);
      else if (!IGNORED_FILE.test(name)) {
        diagnostics.push(warning({ file: rel, line: 1, column: 1 }, 'not read: app files end in .yaml or .yml; rename it, or move it out of apps/'));
      }
    }
  };
  walk(APPS_DIR);
  if (!files.length) diagnostics.push(warning({ file: `${APPS_DIR}/`, line: 1, column: 1 }, 'no app files (.yaml or .yml) in apps/; add one per app'));
  return files.sort();
}

/** A dangling link is not a directory: it is read as a file, and reported as unreadable. */
function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
