import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { COMMANDS } from '../../src/tools/commands';
import { copyBundledRegistry, ROOT, runKeyless, STACK_FRAME } from '../e2e';

jest.setTimeout(60_000);

describe('keyless (the command line)', () => {
  it('GIVEN --help WHEN run THEN every command is listed with its summary and exit 0', async () => {
    const run = await runKeyless(['--help']);

    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^usage: keyless \[--registry DIR\] <command> \[options\]$/m);
    expect(COMMANDS.map((c) => c.name)).toEqual(['init', 'validate', 'synth', 'verify', 'review', 'onboard', 'bench', 'schema']);
    for (const c of COMMANDS) expect(run.stdout).toContain(`  ${c.name.padEnd(8)}  ${c.summary}\n`);
  });

  it.each(COMMANDS.map((c) => [c.name]))('GIVEN keyless %s --help WHEN run THEN its usage and options are printed, nothing runs, exit 0', async (name) => {
    const run = await runKeyless([name, '--help'], { REGISTRY_DIR: '/nonexistent-registry' });

    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout.split('\n')[0]).toMatch(new RegExp(`^usage: keyless ${name}\\b`));
  });

  it('GIVEN an unknown command WHEN run THEN one line names the commands, exit 1, no stack trace', async () => {
    const run = await runKeyless(['synthesize']);

    expect(run.code).toBe(1);
    expect(run.stderr.trim()).toBe('error: unknown command "synthesize"; commands: init, validate, synth, verify, review, onboard, bench, schema (keyless --help)');
    expect(run.stderr).not.toMatch(STACK_FRAME);
  });

  it('GIVEN --registry DIR from another directory WHEN validated THEN DIR is validated, not the current directory', async () => {
    const registry = copyBundledRegistry();
    const elsewhere = mkdtempSync(join(tmpdir(), 'keyless-cwd-'));

    const run = await runKeyless(['validate', '--registry', registry], {}, elsewhere);

    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^0 errors, 0 warnings \(5 accounts, \d+ buckets, \d+ apps\)\n$/);
  });

  it('GIVEN the current directory is a registry WHEN synthesized without options THEN cdktf.out is written there', async () => {
    const registry = copyBundledRegistry();

    const run = await runKeyless(['synth'], { REGISTRY_DIR: '', CDKTF_OUTDIR: '' }, registry);

    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Synthesized 5 workspaces \(\d+ apps\) into cdktf.out\/stacks\/: data, ingest, legacy, mgmt, swarm\n$/);
    expect(require(join(registry, 'cdktf.out/stacks/data/cdk.tf.json')).terraform.backend.local.path).toBe('../../../terraform.data.tfstate');
  });

  it('GIVEN --registry naming a missing directory WHEN run THEN it says so in one line and exits 1', async () => {
    const run = await runKeyless(['--registry', '/nonexistent-registry', 'validate'], {}, ROOT);

    expect(run.code).toBe(1);
    expect(run.stderr.trim()).toBe('error: --registry /nonexistent-registry: no such directory; pass the registry root, the directory holding accounts.yaml and apps/');
  });
});
