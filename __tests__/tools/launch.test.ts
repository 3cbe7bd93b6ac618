import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch, MAIN_ENTRY, PROJECT_ROOT } from '../../src/tools/launch';

/** Each launch starts node with tsx: about a second. */
const LAUNCH_TIMEOUT_MS = 60_000;

describe('launch', () => {
  let scratch: string;
  beforeEach(() => (scratch = mkdtempSync(join(tmpdir(), 'keyless-launch-'))));
  afterEach(() => rmSync(scratch, { recursive: true, force: true }));

  it('GIVEN an entry, arguments and environment WHEN launched THEN it runs from the project root under node --import tsx and its output is captured', async () => {
    const missing = join(scratch, 'not-synthesized');

    const run = await launch('src/tools/verify/cli.ts', { args: ['--out', missing, '--json'], env: { REGISTRY_DIR: PROJECT_ROOT } });

    expect(run.command).toBe(`node --import tsx src/tools/verify/cli.ts --out ${missing} --json`);
    expect(run.exitCode).toBe(1);
    expect(JSON.parse(run.stdout).errors).toEqual([`${missing}: error: no stacks/ directory; run \`npm run synth\` first or pass the directory it wrote (--out cdktf.out)`]);
  }, LAUNCH_TIMEOUT_MS);

  it('GIVEN main.ts on a registry that does not exist WHEN launched THEN it resolves with the exit code and the error output, without throwing', async () => {
    const run = await launch(MAIN_ENTRY, { env: { REGISTRY_DIR: join(scratch, 'missing'), CDKTF_OUTDIR: join(scratch, 'out') } });

    expect(run.exitCode).toBe(1);
    expect(run.stderr).toContain('accounts.yaml');
    expect(run.stderr).not.toMatch(/\n\s+at /);
  }, LAUNCH_TIMEOUT_MS);
});
