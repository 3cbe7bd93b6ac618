import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { launch } from '../launch';
import { ENTRY_EXT } from '../package';
import { ChildUsage, USAGE_FILE_ENV } from './report-usage';

/** The floor: an empty cdktf app started the same way as main.ts. */
export const EMPTY_APP_ENTRY = 'modules/empty-app';

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
 * Runs `entry` with the shared launcher (compiled, or `node --import tsx` from sources) and measures its wall time
 * from spawn to exit, and its CPU time and peak RSS as the child reports them through the report-usage preload.
 */
export async function runEntry(entry: string, env: Readonly<Record<string, string>>, options: EntryOptions = {}): Promise<EntryResult> {
  const scratch = mkdtempSync(join(tmpdir(), 'keyless-bench-usage-'));
  const usageFile = join(scratch, 'usage.json');
  try {
    const started = process.hrtime.bigint();
    const child = await launch(entry, {
      args: options.args,
      env: { ...env, [USAGE_FILE_ENV]: usageFile },
      preload: [pathToFileURL(join(__dirname, `report-usage${ENTRY_EXT}`)).href],
    });
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    if (!(options.exitCodes ?? [0]).includes(child.exitCode)) {
      throw new Error(`${child.command} exited with ${child.exitCode}:\n${child.stderr}`);
    }
    const usage = JSON.parse(readFileSync(usageFile, 'utf8')) as ChildUsage;
    const { exitCode, stdout, stderr } = child;
    return { seconds, cpuSeconds: usage.cpuMicros / 1e6, peakRssMb: usage.maxRssKb / 1024, exitCode, stdout, stderr };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
