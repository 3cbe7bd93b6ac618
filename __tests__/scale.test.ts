import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from '../main';
import { loadRegistry } from '../src/registry/load';
import { generateRegistry } from '../src/tools/bench/generate-registry';
import { iamPolicySize } from '../src/tools/bench/policy-size';
import { quotaFigures, QuotaFigures } from '../src/tools/bench/quota-figures';
import { readStacks, resourcesOf, SynthesizedStack } from '../src/tools/synth-output';

/** The bench registry of `apps` apps, synthesized in-process by main.ts's buildApp into a temp directory. */
function synthesizeBenchRegistry(apps: number, scratch: string[]): SynthesizedStack[] {
  const registryDir = generateRegistry(apps);
  const outDir = mkdtempSync(join(tmpdir(), 'keyless-scale-out-'));
  scratch.push(registryDir, outDir);
  buildApp(loadRegistry(registryDir, {}), outDir).synth();
  return readStacks(outDir);
}

/**
 * The AWS quotas as the IAM and S3 quota pages state them, written out here rather than imported from limits.ts:
 * a wrong constant there must fail this test, not move the bar with it.
 */
const AWS = {
  bucketPolicyChars: 20480,
  trustPolicyChars: 2048,
  roleInlinePoliciesChars: 10240,
  managedPolicyChars: 6144,
  managedPoliciesPerRole: 10,
  roleNameChars: 64,
  rolesPerAccount: 1000,
} as const;

function bucketPolicySizes(stacks: readonly SynthesizedStack[]): Record<string, number> {
  const policies = resourcesOf(stacks, 'aws_s3_bucket_policy');
  return Object.fromEntries(policies.map((p) => [p.config.bucket as string, iamPolicySize(p.config.policy as string)]));
}

describe('GIVEN 1000 apps on two bucket accounts consumed by four node roles', () => {
  const scratch: string[] = [];
  let stacks: SynthesizedStack[];
  let figures: QuotaFigures;
  beforeAll(() => {
    stacks = synthesizeBenchRegistry(1000, scratch);
    figures = quotaFigures(stacks);
  });
  afterAll(() => scratch.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  // Every tenth app also reads the other bucket, so it has a role in both bucket accounts.
  const APP_ROLES = 1100;

  it('WHEN synthesized THEN every app role, bucket policy and consumer principal is measured', () => {
    expect(figures.trustPolicy.measured).toBe(APP_ROLES);
    expect(figures.roleInlinePolicies.measured).toBe(APP_ROLES);
    expect(figures.bucketPolicy.measured).toBe(2);
    expect(figures.rolesPerAccount.measured).toBe(2);
    expect(figures.managedPoliciesPerPrincipal.measured).toBe(4);
  });

  it('WHEN synthesized THEN each bucket policy is within 20480 characters', () => {
    expect(figures.bucketPolicy.value).toBeLessThanOrEqual(AWS.bucketPolicyChars);
  });

  it('WHEN synthesized THEN each trust policy is within 2048 characters', () => {
    expect(figures.trustPolicy.value).toBeLessThanOrEqual(AWS.trustPolicyChars);
  });

  it("WHEN synthesized THEN each role's inline policies total within 10240 characters", () => {
    expect(figures.roleInlinePolicies.value).toBeLessThanOrEqual(AWS.roleInlinePoliciesChars);
  });

  it('WHEN synthesized THEN each consumer managed policy is within 6144 characters', () => {
    expect(figures.managedPolicy.measured).toBeGreaterThanOrEqual(4);
    expect(figures.managedPolicy.value).toBeLessThanOrEqual(AWS.managedPolicyChars);
  });

  it('WHEN synthesized THEN no node role has more than 10 managed policies attached', () => {
    expect(figures.managedPoliciesPerPrincipal.value).toBeLessThanOrEqual(AWS.managedPoliciesPerRole);
  });

  it('WHEN synthesized THEN every role name is within 64 characters and no account holds more than 1000 roles', () => {
    expect(figures.roleName.value).toBeLessThanOrEqual(AWS.roleNameChars);
    expect(figures.rolesPerAccount.value).toBeLessThanOrEqual(AWS.rolesPerAccount);
  });

  it('WHEN compared with 10 apps THEN each bucket policy has the same size: it does not grow with the app count', () => {
    const small = bucketPolicySizes(synthesizeBenchRegistry(10, scratch));
    expect(Object.keys(small)).toHaveLength(2);
    expect(bucketPolicySizes(stacks)).toEqual(small);
  });
});
