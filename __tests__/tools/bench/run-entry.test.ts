import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KEYLESS_ENTRY } from '../../../src/tools/launch';
import { PACKAGE_ROOT } from '../../../src/tools/package';
import { EMPTY_APP_ENTRY, runEntry } from '../../../src/tools/bench/run-entry';

// Each test starts a tsx child process: on a shared machine that alone can outlast jest's 5 s default.
jest.setTimeout(60_000);

describe('runEntry', () => {
  let outDir: string;
  beforeEach(() => (outDir = mkdtempSync(join(tmpdir(), 'keyless-launch-'))));
  afterEach(() => rmSync(outDir, { recursive: true, force: true }));

  it('GIVEN the empty cdktf app WHEN run THEN it synthesizes its one stack into CDKTF_OUTDIR and the child reports its usage', async () => {
    const run = await runEntry(EMPTY_APP_ENTRY, { CDKTF_OUTDIR: outDir });
    expect(JSON.parse(readFileSync(join(outDir, 'stacks', 'empty', 'cdk.tf.json'), 'utf8'))).toHaveProperty('terraform');
    // Node alone takes tens of MB; a zero or a unit mix-up (bytes, pages) would fall outside.
    expect(run.peakRssMb).toBeGreaterThan(20);
    expect(run.peakRssMb).toBeLessThan(4096);
    // Loading cdktf alone takes CPU; 0 would mean the child's report was lost.
    expect(run.cpuSeconds).toBeGreaterThan(0);
  });

  it('GIVEN a directory without accounts.yaml WHEN keyless synth is run THEN the failure carries its error output', async () => {
    await expect(runEntry(KEYLESS_ENTRY, { REGISTRY_DIR: outDir, CDKTF_OUTDIR: join(outDir, 'out') }, { args: ['synth'] })).rejects.toThrow(
      /exited with 1:[\s\S]*accounts\.yaml/,
    );
  });

  it('GIVEN an exit code declared a result WHEN the entry exits with it THEN the run resolves with its exit code and output', async () => {
    const run = await runEntry(KEYLESS_ENTRY, { REGISTRY_DIR: outDir, CDKTF_OUTDIR: join(outDir, 'out') }, { args: ['synth'], exitCodes: [0, 1] });
    expect(run.exitCode).toBe(1);
    expect(run.stderr).toContain('accounts.yaml');
  });

  it('GIVEN arguments WHEN run THEN the entry receives them and its stdout is captured whole', async () => {
    const missing = join(outDir, 'not-synthesized');
    const run = await runEntry(KEYLESS_ENTRY, { REGISTRY_DIR: PACKAGE_ROOT }, { args: ['verify', '--out', missing, '--json'], exitCodes: [1] });
    expect(JSON.parse(run.stdout).errors).toEqual([expect.stringContaining(`${missing}: error: no stacks/ directory`)]);
  });
});
