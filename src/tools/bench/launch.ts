import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PEAK_RSS_FILE_ENV } from './report-peak-rss';

/** The project root, where `tsx` resolves and the entry points live. */
export const PROJECT_ROOT = resolve(__dirname, '../../..');
export const MAIN_ENTRY = 'main.ts';
/** The floor: an empty cdktf app started the same way. */
export const EMPTY_APP_ENTRY = 'modules/empty-app.ts';

/** One measured run of a synth entry point. */
export interface EntryRun {
  readonly seconds: number;
  readonly peakRssMb: number;
}

/**
 * Runs `entry` as `node --import tsx` (what `tsx main.ts` runs, without npx's own start-up) and measures
 * its wall time from spawn to exit and its peak RSS, as the child reports it.
 */
export async function runEntry(entry: string, env: Readonly<Record<string, string>>): Promise<EntryRun> {
  const scratch = mkdtempSync(join(tmpdir(), 'keyless-bench-rss-'));
  const rssFile = join(scratch, 'peak-rss-kb');
  const preload = pathToFileURL(join(__dirname, 'report-peak-rss.ts')).href;
  try {
    const started = process.hrtime.bigint();
    await spawnChecked(['--import', 'tsx', '--import', preload, entry], { ...process.env, ...env, [PEAK_RSS_FILE_ENV]: rssFile });
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    return { seconds, peakRssMb: Number(readFileSync(rssFile, 'utf8')) / 1024 };
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
