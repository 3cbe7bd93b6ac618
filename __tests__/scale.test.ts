import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from '../main';
import {
  BUCKET_POLICY_MAX_CHARS,
  MANAGED_POLICIES_PER_PRINCIPAL,
  MANAGED_POLICY_MAX_CHARS,
  ROLE_INLINE_POLICIES_MAX_CHARS,
  ROLE_NAME_MAX_CHARS,
  ROLES_PER_ACCOUNT,
  TRUST_POLICY_MAX_CHARS,
} from '../src/policy/limits';
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
    expect(figures.bucketPolicy.value).toBeLessThanOrEqual(BUCKET_POLICY_MAX_CHARS);
  });

  it('WHEN synthesized THEN each trust policy is within 2048 characters', () => {
    expect(figures.trustPolicy.value).toBeLessThanOrEqual(TRUST_POLICY_MAX_CHARS);
  });

  it("WHEN synthesized THEN each role's inline policies total within 10240 characters", () => {
    expect(figures.roleInlinePolicies.value).toBeLessThanOrEqual(ROLE_INLINE_POLICIES_MAX_CHARS);
  });

  it('WHEN synthesized THEN each consumer managed policy is within 6144 characters', () => {
    expect(figures.managedPolicy.measured).toBeGreaterThanOrEqual(4);
    expect(figures.managedPolicy.value).toBeLessThanOrEqual(MANAGED_POLICY_MAX_CHARS);
  });

  it('WHEN synthesized THEN no node role has more than 10 managed policies attached', () => {
    expect(figures.managedPoliciesPerPrincipal.value).toBeLessThanOrEqual(MANAGED_POLICIES_PER_PRINCIPAL);
  });

  it('WHEN synthesized THEN every role name is within 64 characters and no account holds more than 1000 roles', () => {
    expect(figures.roleName.value).toBeLessThanOrEqual(ROLE_NAME_MAX_CHARS);
    expect(figures.rolesPerAccount.value).toBeLessThanOrEqual(ROLES_PER_ACCOUNT);
  });

  it('WHEN compared with 10 apps THEN each bucket policy has the same size: it does not grow with the app count', () => {
    const small = bucketPolicySizes(synthesizeBenchRegistry(10, scratch));
    expect(Object.keys(small)).toHaveLength(2);
    expect(bucketPolicySizes(stacks)).toEqual(small);
  });
});
