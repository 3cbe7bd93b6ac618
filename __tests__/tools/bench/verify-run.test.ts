import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { loadRegistry } from '../../../src/registry/load';
import { generateRegistry } from '../../../src/tools/bench/generate-registry';
import { FAILURES_KEPT, runVerify, sameOutcome, VerifyOutcome, verifyOutcome } from '../../../src/tools/bench/verify-run';
import { ScenarioResult } from '../../../src/tools/verify/types';
import { editPolicy, mutated, resourceWhere, synthesize } from '../verify/output-fixture';

/** Each run spawns tsx and the IAM simulator: a few seconds. */
const RUN_TIMEOUT_MS = 60_000;

describe('runVerify', () => {
  let registryDir: string;
  let outDir: string;
  const cleanup: string[] = [];
  beforeAll(() => {
    registryDir = generateRegistry(4);
    outDir = synthesize(loadRegistry(registryDir, {}));
    cleanup.push(registryDir, outDir);
  });
  afterAll(() => cleanup.forEach((d) => rmSync(d, { recursive: true, force: true })));

  it('GIVEN the synthesized output of a generated registry WHEN verified THEN every scenario passes and the child is measured', async () => {
    const run = await runVerify(registryDir, outDir);

    expect(run.outcome.failed).toBe(0);
    expect(run.outcome.errors).toEqual([]);
    // Four apps each have trust, session and bucket scenarios: a handful would mean the matrix was not derived.
    expect(run.outcome.scenarios).toBeGreaterThan(40);
    expect(run.outcome.passed).toBe(run.outcome.scenarios);
    expect(run.peakRssMb).toBeGreaterThan(20);
    expect(run.cpuSeconds).toBeGreaterThan(0);
  }, RUN_TIMEOUT_MS);

  it('GIVEN output whose trust policy lost its conditions WHEN verified THEN the failures are reported, not thrown', async () => {
    const broken = mutated(outDir, 'storage-eu', (stack) =>
      editPolicy(resourceWhere(stack, 'aws_iam_role', 'name', 'keyless-payments-invoice-renderer-0000'), 'assume_role_policy', (doc) => {
        delete doc.Statement[0].Condition;
      }));
    cleanup.push(broken);

    const { outcome } = await runVerify(registryDir, broken);

    expect(outcome.failed).toBeGreaterThan(0);
    expect(outcome.passed + outcome.failed).toBe(outcome.scenarios);
    expect(outcome.failures.map((f) => f.app)).toContain('payments-invoice-renderer-0000');
    expect(outcome.failures.every((f) => !f.pass)).toBe(true);
  }, RUN_TIMEOUT_MS);

  it('GIVEN a registry directory that does not exist WHEN verified THEN it fails with verify\'s error output', async () => {
    await expect(runVerify(join(outDir, 'missing'), outDir)).rejects.toThrow(/without a JSON report:[\s\S]*accounts\.yaml/);
  }, RUN_TIMEOUT_MS);
});

const result = (i: number, pass: boolean): ScenarioResult => ({
  app: `app-${i}`,
  scenario: 'AssumeRole without the AppId tag',
  expected: 'Denied',
  actual: pass ? 'Denied' : 'Allowed',
  pass,
});

describe('verifyOutcome', () => {
  it('GIVEN many failing scenarios WHEN summarized THEN all are counted and only the first ones are kept', () => {
    const results = [result(0, true), ...Array.from({ length: 50 }, (_, i) => result(i + 1, false))];

    const outcome = verifyOutcome({ results, passed: 1, failed: 50, errors: ['e'] });

    expect(outcome).toMatchObject({ scenarios: 51, passed: 1, failed: 50, errors: ['e'] });
    expect(outcome.failures.map((f) => f.app)).toEqual(results.slice(1, 1 + FAILURES_KEPT).map((r) => r.app));
  });
});

describe('sameOutcome', () => {
  const ok: VerifyOutcome = { scenarios: 2, passed: 2, failed: 0, errors: [], failures: [] };

  it('GIVEN identical outcomes WHEN combined THEN that outcome is reported', () => {
    expect(sameOutcome([ok, { ...ok }])).toEqual(ok);
  });

  it('GIVEN runs that disagree WHEN combined THEN it fails rather than reporting one of them', () => {
    expect(() => sameOutcome([ok, { ...ok, passed: 1, failed: 1 }])).toThrow('verify gave different results on the same output: 2 passed, 0 failed');
  });
});
