import { execFile, spawnSync, SpawnSyncReturns } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

/** The repository root: the bundled registry and the scripts live here. */
export const ROOT = join(__dirname, '..');

export interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** The `keyless` command of this checkout: what `npm run <cmd>` and `npx --no-install keyless` run. */
export const KEYLESS_BIN = join(ROOT, 'bin', 'keyless.js');

/** Runs `keyless <args>` in `cwd` (default: the repository root) with extra environment, as CI would. */
export function runKeyless(args: readonly string[], env: NodeJS.ProcessEnv = {}, cwd: string = ROOT): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, [KEYLESS_BIN, ...args], { cwd, env: { ...process.env, ...env } }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
    });
  });
}

/** Runs `keyless <args>` and waits for it; `cwd` defaults to the repository root. */
export function runKeylessSync(args: readonly string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [KEYLESS_BIN, ...args], { cwd: options.cwd ?? ROOT, env: { ...process.env, ...options.env }, encoding: 'utf8' });
}

/** A copy of the bundled registry (accounts.yaml, apps/ and the CA certificate in ca/) in a fresh temp directory. */
export function copyBundledRegistry(): string {
  const root = mkdtempSync(join(tmpdir(), 'keyless-registry-'));
  cpSync(join(ROOT, 'accounts.yaml'), join(root, 'accounts.yaml'));
  cpSync(join(ROOT, 'apps'), join(root, 'apps'), { recursive: true });
  cpSync(join(ROOT, 'ca', 'swarm-ca.pem'), join(root, 'ca', 'swarm-ca.pem'));
  cpSync(join(ROOT, 'policies'), join(root, 'policies'), { recursive: true });
  return root;
}

/** Every file under `dir` with its bytes, by relative path: equal snapshots mean byte-identical trees. */
export function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else out[relative(dir, path)] = readFileSync(path).toString('base64');
    }
  };
  walk(dir);
  return out;
}

/** What a stack trace prints; user mistakes must never show one. */
export const STACK_FRAME = /^\s+at .+\(?.*:\d+:\d+\)?$/m;

/** `file:line:col: error: …` of a registry file. */
export const LOCATED_ERROR = /^(accounts\.yaml|apps\/[^:]+):\d+:\d+: error: .+$/m;
