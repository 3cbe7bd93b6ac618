import { execFile, spawnSync, SpawnSyncReturns } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';

/** The repository root: the bundled registry and the scripts live here. */
export const ROOT = join(__dirname, '..');

export interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** tsx's loader by absolute URL, so that a child whose working directory is a fixture still finds it. */
const TSX_LOADER = pathToFileURL(require.resolve('tsx')).href;

/**
 * Node's arguments to run a TypeScript entry of this project: `node --import tsx <script>`, what `tsx <script>` runs
 * without the extra process of tsx's CLI (or npx's start-up) in front: one process per run instead of two or three.
 */
export function tsxArgs(script: string, args: readonly string[] = []): string[] {
  return ['--import', TSX_LOADER, script, ...args];
}

/** Runs `<script>` with tsx from the repository root with extra environment, as CI would. */
export function runTsx(script: string, env: NodeJS.ProcessEnv): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, tsxArgs(script), { cwd: ROOT, env: { ...process.env, ...env } }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
    });
  });
}

/** Runs `<script> <args>` with tsx and waits for it; `cwd` defaults to the repository root. */
export function runTsxSync(script: string, args: readonly string[] = [], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, tsxArgs(script, args), { cwd: options.cwd ?? ROOT, env: { ...process.env, ...options.env }, encoding: 'utf8' });
}

/** A copy of the bundled registry (accounts.yaml + apps/) in a fresh temp directory. */
export function copyBundledRegistry(): string {
  const root = mkdtempSync(join(tmpdir(), 'keyless-registry-'));
  cpSync(join(ROOT, 'accounts.yaml'), join(root, 'accounts.yaml'));
  cpSync(join(ROOT, 'apps'), join(root, 'apps'), { recursive: true });
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
