import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BUNDLED_ROOT, fixture, UNSEEN_ENV } from './helpers';

/** Runs `npm run synth` as a user would, against a registry and an output directory. */
function synth(registryDir: string, env: Record<string, string> = {}) {
  const outdir = join(mkdtempSync(join(tmpdir(), 'keyless-out-')), 'cdktf.out');
  const result = spawnSync(process.execPath, [join(BUNDLED_ROOT, 'node_modules/tsx/dist/cli.mjs'), join(BUNDLED_ROOT, 'main.ts')], {
    cwd: BUNDLED_ROOT,
    env: { ...process.env, ...env, REGISTRY_DIR: registryDir, CDKTF_OUTDIR: outdir },
    encoding: 'utf8',
  });
  return { ...result, outdir };
}

describe('main', () => {
  test('GIVEN the bundled registry WHEN synthesized THEN there is one workspace per account alias', () => {
    const { status, outdir, stdout } = synth(BUNDLED_ROOT);
    expect(status).toBe(0);
    expect(readdirSync(join(outdir, 'stacks')).sort()).toEqual(['data', 'ingest', 'legacy', 'swarm']);
    expect(stdout).toContain('Synthesized 4 workspaces (5 apps)');
  });

  test('GIVEN an unseen registry with an outside consumer WHEN synthesized THEN nothing is written for the outside account', () => {
    const { status, outdir } = synth(fixture('unseen'), UNSEEN_ENV);
    expect(status).toBe(0);
    expect(readdirSync(join(outdir, 'stacks')).sort()).toEqual(['archive', 'batch', 'lake']);
    const accounts = readdirSync(join(outdir, 'stacks')).flatMap((s) =>
      JSON.parse(readFileSync(join(outdir, 'stacks', s, 'cdk.tf.json'), 'utf8')).provider.aws[0].allowed_account_ids);
    expect(accounts.sort()).toEqual(['555555555555', '666666666666', '777777777777']);
  });

  test('GIVEN an account without deployRole that owns exclusive buckets WHEN synthesized THEN the output warns that the applier must be breakGlass', () => {
    const { stderr } = synth(fixture('unseen'), UNSEEN_ENV);
    expect(stderr).toMatch(/warning: account "lake" has no deployRole: the exclusive bucket policies of lake-raw deny everyone .* must be listed in breakGlass/);
    expect(stderr).not.toContain('account "archive"');
  });

  test('GIVEN an env ExternalId that is unset WHEN synthesized THEN it fails with a located message and writes nothing', () => {
    const { status, stderr, outdir } = synth(fixture('unseen'));
    expect(status).toBe(1);
    expect(stderr).toContain('apps/ingester.yaml:6:13: error: externalId reads environment variable KEYLESS_TEST_INGESTER_EXTERNAL_ID, which is not set');
    expect(stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(outdir)).toBe(false);
  });
});
