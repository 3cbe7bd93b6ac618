import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KEYLESS_ENTRY, launch } from '../launch';
import { UserError } from '../user-error';

/**
 * Synthesizes the registry at `registryRoot` into a temporary directory, hands it to `use`, then removes it.
 * `keyless synth` runs as its own process (shared launcher), so verify never loads cdktf.
 * Its output goes to stderr, keeping stdout for the report; when it fails, it has printed why, and a UserError
 * says so.
 */
export async function withSynthesizedOutput<T>(registryRoot: string, use: (outDir: string) => Promise<T>): Promise<T> {
  const tmp = mkdtempSync(join(tmpdir(), 'keyless-verify-'));
  try {
    const outDir = join(tmp, 'cdktf.out');
    const run = await launch(KEYLESS_ENTRY, { args: ['synth'], env: { CDKTF_OUTDIR: outDir, REGISTRY_DIR: registryRoot }, output: 'stderr' });
    if (run.exitCode !== 0) throw new UserError(`synthesis failed (${run.command} exited with ${run.exitCode}); fix the problems above`);
    return await use(outDir);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
