import { runKeylessSync } from '../../e2e';
import { writeRegistry } from '../../helpers';
import { editPolicy, mutated, resourceWhere, synthesizedBundled } from './output-fixture';
import { ACCOUNTS, APPS } from './registry-fixture';

/** Spawning tsx takes about a second per run. */
const CLI_TIMEOUT_MS = 60_000;

function verify(args: string[], env: NodeJS.ProcessEnv = {}) {
  const run = runKeylessSync(['verify', ...args], { env });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

let pristine: string;

beforeAll(() => {
  pristine = synthesizedBundled();
});

describe('keyless verify', () => {
  it('GIVEN a synthesized directory WHEN verified with --out THEN it prints plain tables and the summary, and exits 0', () => {
    const { status, stdout } = verify(['--out', pristine]);

    expect(status).toBe(0);
    expect(stdout).not.toMatch(/\u001b\[/);
    expect(stdout).toContain('app swarm-uploader\n');
    expect(stdout.trimEnd().split('\n').pop()).toMatch(/^\d+ passed, 0 failed$/);
  }, CLI_TIMEOUT_MS);

  it('GIVEN output with a broken trust policy WHEN verified with --json THEN the JSON report lists the failures and it exits 1', () => {
    const dir = mutated(pristine, 'data', (stack) =>
      editPolicy(resourceWhere(stack, 'aws_iam_role', 'name', 'keyless-vendor-sync'), 'assume_role_policy', (doc) => {
        delete doc.Statement[0].Condition;
      }));

    const { status, stdout } = verify(['--json', '--out', dir]);

    expect(status).toBe(1);
    const report = JSON.parse(stdout);
    expect(report.failed).toBeGreaterThan(0);
    expect(report.results.filter((r: { pass: boolean }) => !r.pass).map((r: { app: string }) => r.app)).toEqual(expect.arrayContaining(['vendor-sync']));
  }, CLI_TIMEOUT_MS);

  it('GIVEN no --out WHEN verified THEN it synthesizes the registry of REGISTRY_DIR itself, keeping stdout for the report', () => {
    const { status, stdout, stderr } = verify(['--json'], { REGISTRY_DIR: writeRegistry(ACCOUNTS, APPS) });

    expect(status).toBe(0);
    expect(stderr).toContain('Synthesized 3 workspaces (2 apps)');
    expect(JSON.parse(stdout).results.some((r: { app?: string }) => r.app === 'partner')).toBe(true);
  }, CLI_TIMEOUT_MS);

  it('GIVEN an unknown option WHEN run THEN one line says so, without a stack trace, and it exits 1', () => {
    const { status, stdout, stderr } = verify(['--bogus']);

    expect(status).toBe(1);
    expect(stdout).toBe('');
    expect(stderr.trim()).toMatch(/^error: [^\n]*--bogus[^\n]*; see keyless verify --help$/);
  }, CLI_TIMEOUT_MS);

  it('GIVEN a broken registry WHEN verified THEN the located registry error is printed without a stack trace and it exits 1', () => {
    const { status, stderr } = verify(['--out', pristine], { REGISTRY_DIR: writeRegistry('accounts: { data: { id: 1, region: eu-central-1 } }\n', {}) });

    expect(status).toBe(1);
    expect(stderr).toMatch(/^accounts\.yaml:1:\d+: error: "accounts\.data\.id"/);
    expect(stderr).not.toMatch(/\n\s+at /);
  }, CLI_TIMEOUT_MS);
});
