import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { buildRegistry } from './build';
import { Diagnostic, RegistryError } from './diagnostics';
import { Registry } from './model';
import { accountsFileSchema, AccountsFile, appFileSchema, AppFile } from './schema';
import { YamlSource } from './yaml-source';

export const ACCOUNTS_FILE = 'accounts.yaml';
export const APPS_DIR = 'apps';

/** A registry file that passed its schema, with the source to locate its values. */
export interface Parsed<T> {
  readonly source: YamlSource;
  readonly data: T;
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
export function checkRegistry(root: string, env: NodeJS.ProcessEnv = process.env): { registry?: Registry; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const accounts = readFile(root, ACCOUNTS_FILE, accountsFileSchema, diagnostics);
  const apps = listAppFiles(root).flatMap((file) => {
    const parsed = readFile(root, file, appFileSchema, diagnostics);
    return parsed ? [parsed] : [];
  });
  if (!accounts || diagnostics.some((d) => d.severity === 'error')) return { diagnostics };
  const built = buildRegistry(root, accounts as Parsed<AccountsFile>, apps as Parsed<AppFile>[], env);
  diagnostics.push(...built.diagnostics);
  const ok = !diagnostics.some((d) => d.severity === 'error');
  return { registry: ok ? built.registry : undefined, diagnostics };
}

function listAppFiles(root: string): string[] {
  const dir = join(root, APPS_DIR);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort()
    .map((f) => `${APPS_DIR}/${f}`);
}

function readFile<T>(root: string, file: string, schema: z.ZodType<T>, out: Diagnostic[]): Parsed<T> | undefined {
  const path = join(root, file);
  if (!existsSync(path)) {
    out.push({ severity: 'error', location: { file, line: 1, column: 1 }, message: `file not found; create ${file} in the registry root ${root}` });
    return undefined;
  }
  const { source, diagnostics } = YamlSource.parse(file, readFileSync(path, 'utf8'));
  out.push(...diagnostics);
  if (diagnostics.length) return undefined;
  const value = source.value;
  if (value === null || value === undefined) {
    out.push({ severity: 'error', location: { file, line: 1, column: 1 }, message: 'file is empty; add the registry entry or delete the file' });
    return undefined;
  }
  const result = schema.safeParse(value);
  if (result.success) return { source, data: result.data };
  out.push(...result.error.issues.flatMap((issue) => schemaDiagnostics(source, issue)));
  return undefined;
}

function schemaDiagnostics(source: YamlSource, issue: z.core.$ZodIssue): Diagnostic[] {
  const path = issue.path as (string | number)[];
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => ({
      severity: 'error' as const,
      location: source.locate([...path, key], true),
      message: `unknown field "${key}"; remove it or check its spelling`,
    }));
  }
  const field = path.length ? `"${path.join('.')}"` : 'file';
  return [{ severity: 'error', location: source.locate(path), message: `${field} ${issue.message}` }];
}
