import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { copyBundledRegistry, LOCATED_ERROR, runKeyless, runKeylessSync, snapshot, STACK_FRAME } from './e2e';
import { fixture, UNSEEN_ENV } from './helpers';
import { bundledOutput } from './shared-output';

/** `keyless synth` of the bundled registry into `outdir`, in a process; returns `outdir`. */
function synthesizeBundled(outdir: string): string {
  expect(runKeylessSync(['synth'], { env: { CDKTF_OUTDIR: outdir } }).status).toBe(0);
  return outdir;
}

jest.setTimeout(120_000);

describe('keyless synth', () => {
  const outdir = join(mkdtempSync(join(tmpdir(), 'keyless-synth-')), 'cdktf.out');
  let before: Record<string, string>;

  beforeAll(async () => {
    const first = await runKeyless(['synth'], { CDKTF_OUTDIR: outdir });
    expect(first).toMatchObject({ code: 0 });
    before = snapshot(outdir);
  });

  test('GIVEN the bundled registry WHEN synthesized THEN every workspace is written', () => {
    expect(Object.keys(before).filter((f) => f.endsWith('cdk.tf.json')).sort()).toEqual([
      'stacks/data/cdk.tf.json', 'stacks/ingest/cdk.tf.json', 'stacks/legacy/cdk.tf.json', 'stacks/mgmt/cdk.tf.json', 'stacks/swarm/cdk.tf.json',
    ]);
  });

  test.each([
    ['a misspelt field', 'apps/swarm-uploader.yaml', (t: string) => t.replace('access:', 'acess:'), 'apps/swarm-uploader.yaml:12:1: error: unknown field "acess" (did you mean "access"?)'],
    ['a quota exceeded', 'apps/swarm-uploader.yaml', (t: string) => t.replace('id: swarm-uploader', `id: ${'x'.repeat(60)}`), 'apps/swarm-uploader.yaml:4:5: error: role name keyless-'],
  ])('GIVEN %s WHEN synthesized THEN exit 1 with a located message, no stack trace, and the previous output byte-identical', async (_what, file, edit, message) => {
    const broken = copyBundledRegistry();
    const path = join(broken, file);
    writeFileSync(path, edit(readFileSync(path, 'utf8')));
    const result = await runKeyless(['synth'], { REGISTRY_DIR: broken, CDKTF_OUTDIR: outdir });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(LOCATED_ERROR);
    expect(result.stderr).toContain(message);
    expect(result.stderr).toContain('nothing was written');
    expect(`${result.stdout}${result.stderr}`).not.toMatch(STACK_FRAME);
    expect(snapshot(outdir)).toEqual(before);
    expect(readdirSync(dirname(outdir))).toEqual(['cdktf.out']);
  });

  test('GIVEN no previous output and a broken registry WHEN synthesized THEN no output directory appears', async () => {
    const fresh = join(mkdtempSync(join(tmpdir(), 'keyless-synth-')), 'cdktf.out');
    const broken = copyBundledRegistry();
    writeFileSync(join(broken, 'apps', 'empty.yaml'), '');
    const result = await runKeyless(['synth'], { REGISTRY_DIR: broken, CDKTF_OUTDIR: fresh });
    expect(result.code).toBe(1);
    expect(existsSync(fresh)).toBe(false);
  });

  test('GIVEN a broken registry WHEN synthesized THEN its errors are reported before the engine is loaded', () => {
    const broken = copyBundledRegistry();
    const path = join(broken, 'apps', 'swarm-uploader.yaml');
    writeFileSync(path, readFileSync(path, 'utf8').replace('access:', 'acess:'));
    jest.isolateModules(() => {
      jest.doMock('cdktf', () => {
        throw new Error('cdktf was loaded');
      });
      const { run } = require('../main') as typeof import('../main');
      expect(() => run([], { root: broken })).toThrow(/unknown field "acess"/);
    });
  });
});

describe('keyless synth on a registry the bundled example does not cover', () => {
  const synthUnseen = async (env: NodeJS.ProcessEnv) => {
    const outdir = join(mkdtempSync(join(tmpdir(), 'keyless-synth-')), 'cdktf.out');
    return { ...(await runKeyless(['synth'], { ...env, REGISTRY_DIR: fixture('unseen'), CDKTF_OUTDIR: outdir })), outdir };
  };

  test('GIVEN an outside consumer WHEN synthesized THEN there is a workspace per registry account and nothing for the outside one', async () => {
    const { code, outdir, stderr } = await synthUnseen(UNSEEN_ENV);
    expect(code).toBe(0);
    const accounts = readdirSync(join(outdir, 'stacks')).flatMap((s) =>
      JSON.parse(readFileSync(join(outdir, 'stacks', s, 'cdk.tf.json'), 'utf8')).provider.aws[0].allowed_account_ids);
    expect(accounts.sort()).toEqual(['555555555555', '666666666666', '777777777777']);
    expect(stderr.match(/warning: account "lake" has no deployRole, and the exclusive bucket policies of lake-raw deny everyone .*list whoever applies this workspace in breakGlass/g)).toHaveLength(1);
    expect(stderr).not.toContain('account "archive"');
  });

  test('GIVEN an env ExternalId that is unset WHEN synthesized THEN it fails with a located message and writes nothing', async () => {
    const { code, stderr, outdir } = await synthUnseen({});
    expect(code).toBe(1);
    expect(stderr).toContain('apps/ingester.yaml:6:20: error: externalId reads environment variable KEYLESS_TEST_INGESTER_EXTERNAL_ID, which is not set');
    expect(stderr).not.toMatch(STACK_FRAME);
    expect(existsSync(outdir)).toBe(false);
  });

  test('GIVEN an unset env ExternalId and KEYLESS_EXTERNAL_IDS=stand-in WHEN synthesized THEN it succeeds with a stand-in that is no secret, and says so', async () => {
    const { code, stdout, outdir } = await synthUnseen({ KEYLESS_EXTERNAL_IDS: 'stand-in' });
    const lake = readFileSync(join(outdir, 'stacks', 'lake', 'cdk.tf.json'), 'utf8');

    expect(code).toBe(0);
    expect(lake).toContain('from-env:KEYLESS_TEST_INGESTER_EXTERNAL_ID');
    expect(lake).not.toContain(UNSEEN_ENV.KEYLESS_TEST_INGESTER_EXTERNAL_ID);
    expect(stdout).toContain('ExternalIds read from the environment are stand-ins (KEYLESS_EXTERNAL_IDS=stand-in): verify and review this output, never plan or apply it');
  });
});

describe('keyless synth after an account left the registry (B1)', () => {
  /** The bundled registry without account "legacy" and its one app. */
  const withoutLegacy = () => {
    const root = copyBundledRegistry();
    const accounts = readFileSync(join(root, 'accounts.yaml'), 'utf8');
    writeFileSync(join(root, 'accounts.yaml'), accounts.replace(/\n {2}legacy:[\s\S]*?(?=\n {2}[a-z]|\n\n|\nbuckets:)/, ''));
    rmSync(join(root, 'apps', 'finance-export.yaml'));
    return root;
  };
  /** The bundled registry's output, as a previous `keyless synth` left it (a copy of the run's shared synth). */
  const previousOutput = async () => {
    const outdir = join(mkdtempSync(join(tmpdir(), 'keyless-synth-')), 'cdktf.out');
    cpSync(bundledOutput(() => synthesizeBundled(join(outdir, '..', 'own'))), outdir, { recursive: true });
    expect(readdirSync(join(outdir, 'stacks'))).toContain('legacy');
    return outdir;
  };

  test('GIVEN a previous output WHEN synthesized on its own THEN the workspace of the removed account is gone', async () => {
    const outdir = await previousOutput();

    const run = await runKeyless(['synth'], { REGISTRY_DIR: withoutLegacy(), CDKTF_OUTDIR: outdir });

    expect(run.code).toBe(0);
    expect(readdirSync(join(outdir, 'stacks')).sort()).toEqual(['data', 'ingest', 'mgmt', 'swarm']);
  });

  test('GIVEN a previous output WHEN synthesized by the cdktf CLI THEN the removed workspace is left for the CLI, which deletes it and fails if it is missing', async () => {
    const outdir = await previousOutput();

    const run = await runKeyless(['synth'], { REGISTRY_DIR: withoutLegacy(), CDKTF_OUTDIR: outdir, CDKTF_CONTEXT_JSON: '{}' });

    expect(run.code).toBe(0);
    expect(readdirSync(join(outdir, 'stacks')).sort()).toEqual(['data', 'ingest', 'legacy', 'mgmt', 'swarm']);
    expect(Object.keys(JSON.parse(readFileSync(join(outdir, 'manifest.json'), 'utf8')).stacks).sort()).toEqual(['data', 'ingest', 'mgmt', 'swarm']);
  });

  test('GIVEN a registry warning WHEN synthesized by the cdktf CLI THEN the warning goes to stdout, which the CLI does not label [ERROR]', async () => {
    const outdir = join(mkdtempSync(join(tmpdir(), 'keyless-synth-')), 'cdktf.out');

    const run = await runKeyless(['synth'], { ...UNSEEN_ENV, REGISTRY_DIR: fixture('unseen'), CDKTF_OUTDIR: outdir, CDKTF_CONTEXT_JSON: '{}' });

    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/warning: account "lake" has no deployRole/);
  });
});
