import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ChildUsage, USAGE_FILE_ENV } from './report-usage';

/** The project root, where `tsx` resolves and the entry points live. */
export const PROJECT_ROOT = resolve(__dirname, '../../..');
export const MAIN_ENTRY = 'main.ts';
/** The floor: an empty cdktf app started the same way. */
export const EMPTY_APP_ENTRY = 'modules/empty-app.ts';

/** One measured run of an entry point. */
export interface EntryRun {
  readonly seconds: number;
  /** User + system CPU time of the child: steadier than wall time when the machine is shared. */
  readonly cpuSeconds: number;
  readonly peakRssMb: number;
}

/** A finished run: its measurements and what the child printed. */
export interface EntryResult extends EntryRun {
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
}

export interface EntryOptions {
  /** Command-line arguments after the entry. */
  readonly args?: readonly string[];
  /** Exit codes that are results, not crashes: verify exits 1 with its report on stdout when a scenario fails. */
  readonly exitCodes?: readonly number[];
}

/**
 * Runs `entry` as `node --import tsx` (what `tsx main.ts` runs, without npx's own start-up) and measures
 * its wall time from spawn to exit, and its CPU time and peak RSS as the child reports them.
 */
export async function runEntry(entry: string, env: Readonly<Record<string, string>>, options: EntryOptions = {}): Promise<EntryResult> {
  const scratch = mkdtempSync(join(tmpdir(), 'keyless-bench-usage-'));
  const usageFile = join(scratch, 'usage.json');
  const preload = pathToFileURL(join(__dirname, 'report-usage.ts')).href;
  const args = ['--import', 'tsx', '--import', preload, entry, ...(options.args ?? [])];
  try {
    const started = process.hrtime.bigint();
    const child = await spawnChild(args, { ...process.env, ...env, [USAGE_FILE_ENV]: usageFile });
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    if (!(options.exitCodes ?? [0]).includes(child.exitCode)) {
      throw new Error(`node ${args.join(' ')} exited with ${child.exitCode}:\n${child.stderr}`);
    }
    const usage = JSON.parse(readFileSync(usageFile, 'utf8')) as ChildUsage;
    return { seconds, cpuSeconds: usage.cpuMicros / 1e6, peakRssMb: usage.maxRssKb / 1024, ...child };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

type ChildOutput = Pick<EntryResult, 'exitCode' | 'stdout' | 'stderr'>;

function spawnChild(args: readonly string[], env: NodeJS.ProcessEnv): Promise<ChildOutput> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, args, { cwd: PROJECT_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.on('error', fail);
    // A child killed by a signal has no exit code: -1 is never an accepted one.
    child.on('close', (code) => done({ exitCode: code ?? -1, stdout: Buffer.concat(stdout).toString(), stderr: Buffer.concat(stderr).toString() }));
  });
}
