import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KEYLESS_ENTRY, launch } from '../../src/tools/launch';
import { PACKAGE_ROOT } from '../../src/tools/package';

/** Each launch starts node with tsx: about a second. */
const LAUNCH_TIMEOUT_MS = 60_000;

describe('launch', () => {
  let scratch: string;
  beforeEach(() => (scratch = mkdtempSync(join(tmpdir(), 'keyless-launch-'))));
  afterEach(() => rmSync(scratch, { recursive: true, force: true }));

  it('GIVEN an entry, arguments and environment WHEN launched from the sources THEN it runs from the project root under node --import tsx and its output is captured', async () => {
    const missing = join(scratch, 'not-synthesized');

    const run = await launch(KEYLESS_ENTRY, { args: ['verify', '--out', missing, '--json'], env: { REGISTRY_DIR: PACKAGE_ROOT } });

    expect(run.command).toBe(`node --import tsx src/tools/keyless.ts verify --out ${missing} --json`);
    expect(run.exitCode).toBe(1);
    expect(JSON.parse(run.stdout).errors).toEqual([`${missing}: error: no stacks/ directory; run \`keyless synth\` first or pass the directory it wrote (--out cdktf.out)`]);
  }, LAUNCH_TIMEOUT_MS);

  it('GIVEN keyless synth on a registry without accounts.yaml WHEN launched THEN it resolves with the exit code and the error output, without throwing', async () => {
    const run = await launch(KEYLESS_ENTRY, { args: ['synth'], env: { REGISTRY_DIR: scratch, CDKTF_OUTDIR: join(scratch, 'out') } });

    expect(run.exitCode).toBe(1);
    expect(run.stderr).toContain('accounts.yaml');
    expect(run.stderr).not.toMatch(/\n\s+at /);
  }, LAUNCH_TIMEOUT_MS);
});
