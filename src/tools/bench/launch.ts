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

/** One measured run of a synth entry point. */
export interface EntryRun {
  readonly seconds: number;
  /** User + system CPU time of the child: steadier than wall time when the machine is shared. */
  readonly cpuSeconds: number;
  readonly peakRssMb: number;
}

/**
 * Runs `entry` as `node --import tsx` (what `tsx main.ts` runs, without npx's own start-up) and measures
 * its wall time from spawn to exit, and its CPU time and peak RSS as the child reports them.
 */
export async function runEntry(entry: string, env: Readonly<Record<string, string>>): Promise<EntryRun> {
  const scratch = mkdtempSync(join(tmpdir(), 'keyless-bench-usage-'));
  const usageFile = join(scratch, 'usage.json');
  const preload = pathToFileURL(join(__dirname, 'report-usage.ts')).href;
  try {
    const started = process.hrtime.bigint();
    await spawnChecked(['--import', 'tsx', '--import', preload, entry], { ...process.env, ...env, [USAGE_FILE_ENV]: usageFile });
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const usage = JSON.parse(readFileSync(usageFile, 'utf8')) as ChildUsage;
    return { seconds, cpuSeconds: usage.cpuMicros / 1e6, peakRssMb: usage.maxRssKb / 1024 };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

function spawnChecked(args: readonly string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, args, { cwd: PROJECT_ROOT, env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', fail);
    child.on('close', (code) => (code === 0 ? done() : fail(new Error(`node ${args.join(' ')} exited with ${code}:\n${stderr}`))));
  });
}
