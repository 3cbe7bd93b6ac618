import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** Where main.ts lives; synthesis runs there whatever the registry root is. */
const PROJECT_ROOT = resolve(__dirname, '..', '..', '..');
const STDERR = 2;

/** Thrown when `npx tsx main.ts` fails; it has already printed why. */
export class SynthesisError extends Error {}

/**
 * Synthesizes the registry at `registryRoot` into a temporary directory, hands it to `use`, then removes it.
 * main.ts runs as its own process (as `npm run synth` does), so verify never loads cdktf. Its output goes to
 * stderr, keeping stdout for the report.
 */
export async function withSynthesizedOutput<T>(registryRoot: string, use: (outDir: string) => Promise<T>): Promise<T> {
  const tmp = mkdtempSync(join(tmpdir(), 'keyless-verify-'));
  try {
    const outDir = join(tmp, 'cdktf.out');
    const run = spawnSync('npx', ['tsx', 'main.ts'], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, CDKTF_OUTDIR: outDir, REGISTRY_DIR: registryRoot },
      stdio: ['ignore', STDERR, 'inherit'],
    });
    if (run.error) throw run.error;
    if (run.status !== 0) throw new SynthesisError(`error: synthesis failed (npx tsx main.ts exited with ${run.status}); fix the problems above`);
    return await use(outDir);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
