import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parse } from 'yaml';
import { RegistryError } from '../../registry/diagnostics';
import { ACCOUNTS_FILE, APP_FILE, APPS_DIR, loadRegistry } from '../../registry/load';
import { Registry } from '../../registry/model';
import { BUNDLE_PATH_PATTERN, KEEP_FILE_PATTERN } from '../../registry/schema';
import { UserError } from '../user-error';

/** Large enough for any registry file git prints. */
const GIT_MAX_OUTPUT_BYTES = 256 * 1024 * 1024;

/**
 * The registry as committed at `ref`: the files under the same path of the repository as `root` are written
 * to a temp dir and loaded there. A registry that did not exist yet at `ref` is empty, so everything is new.
 */
export function loadRegistryAtRef(root: string, ref: string, env: NodeJS.ProcessEnv): Registry {
  const top = gitTopLevel(root);
  const prefix = git(root, ['rev-parse', '--show-prefix']).trim();
  const commit = resolveCommit(top, ref);
  const accountsPath = `${prefix}${ACCOUNTS_FILE}`;
  const appsDir = `${prefix}${APPS_DIR}/`;
  // The YAML files under apps/, subfolders included, as loadRegistry reads them. -z: names unquoted, NUL-separated.
  const isAppFile = (path: string) => path.startsWith(appsDir) && APP_FILE.test(path);
  const files = git(top, ['ls-tree', '-r', '-z', '--name-only', '--full-tree', commit, '--', accountsPath, appsDir])
    .split('\0')
    .filter((path) => path === accountsPath || isAppFile(path));
  if (!files.includes(accountsPath)) return { root: `${ref}:${prefix}`, accounts: [], buckets: [], certificateAuthorities: [], apps: [] };
  const dir = mkdtempSync(join(tmpdir(), 'keyless-review-'));
  try {
    const write = (path: string, text: string) => {
      const target = join(dir, path.slice(prefix.length));
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, text);
    };
    const accountsYaml = git(top, ['show', `${commit}:${accountsPath}`]);
    for (const path of [...files, ...keepFiles(top, commit, prefix, accountsYaml)]) write(path, git(top, ['show', `${commit}:${path}`]));
    // The CA bundles accounts.yaml names, as committed at the ref; a missing one is reported by validation.
    for (const bundle of caBundlePaths(accountsYaml)) {
      const text = tryGit(top, ['show', `${commit}:${prefix}${bundle}`]);
      if (text !== undefined) write(`${prefix}${bundle}`, text);
    }
    return loadRegistry(dir, env);
  } catch (e) {
    throw e instanceof RegistryError ? atRef(e, ref) : e;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The keepStatements files accounts.yaml names that exist at the commit; a missing one is then reported by validation. */
function keepFiles(top: string, commit: string, prefix: string, accountsYaml: string): string[] {
  let buckets: unknown;
  try {
    buckets = (parse(accountsYaml) as { buckets?: unknown } | null)?.buckets;
  } catch {
    return [];
  }
  if (typeof buckets !== 'object' || buckets === null) return [];
  return Object.values(buckets)
    .map((b) => (b as { keepStatements?: unknown } | null)?.keepStatements)
    .filter((f): f is string => typeof f === 'string' && KEEP_FILE_PATTERN.test(f))
    .map((f) => `${prefix}${f}`)
    .filter((path) => tryGit(top, ['cat-file', '-e', `${commit}:${path}`]) !== undefined);
}

function gitTopLevel(root: string): string {
  try {
    return git(root, ['rev-parse', '--show-toplevel']).trim();
  } catch {
    throw new UserError(`${root} is not inside a git work tree; review compares the registry with a git ref, so run it in a clone`);
  }
}

function resolveCommit(top: string, ref: string): string {
  // A ref starting with "-" would be read as an option.
  const commit = ref.startsWith('-') ? undefined : tryGit(top, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]);
  if (!commit) {
    throw new UserError(`unknown git ref "${ref}"; pass a branch, tag or commit that exists locally (in CI: fetch it first, e.g. actions/checkout with fetch-depth: 0)`);
  }
  return commit.trim();
}

/** Locates the base registry's problems in `<ref>:<file>`, so they are not mistaken for the working tree's. */
function atRef(e: RegistryError, ref: string): RegistryError {
  return new RegistryError(e.diagnostics.map((d) => ({ ...d, location: { ...d.location, file: `${ref}:${d.location.file}` } })));
}

function git(cwd: string, args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: GIT_MAX_OUTPUT_BYTES });
}

function tryGit(cwd: string, args: string[]): string | undefined {
  try {
    return git(cwd, args);
  } catch {
    return undefined;
  }
}

/** The bundle paths of accounts.yaml's certificateAuthorities, when it parses; schema-checked paths stay inside the root. */
function caBundlePaths(accountsYaml: string): string[] {
  let cas: Record<string, { bundle?: unknown }> | undefined;
  try {
    cas = (parse(accountsYaml) as { certificateAuthorities?: Record<string, { bundle?: unknown }> } | null)?.certificateAuthorities;
  } catch {
    return []; // validation of the copied accounts.yaml reports it
  }
  return Object.values(cas ?? {}).flatMap((ca) => (typeof ca?.bundle === 'string' && BUNDLE_PATH_PATTERN.test(ca.bundle) ? [ca.bundle] : []));
}
