import { rmSync } from 'node:fs';
import { Testing } from 'cdktf';
import { AccountStack } from '../../modules/account-stack';
import { AccountPlan, planAccounts } from '../../src/policy/account-plan';
import { loadRegistry } from '../../src/registry/load';
import { writeRegistry } from '../helpers';

const ACCOUNTS = `
accounts:
  data: { id: "111111111111", region: eu-central-1, deployRole: "arn:aws:iam::111111111111:role/deploy" }
  swarm: { id: "222222222222", region: eu-central-1 }
buckets:
  shared: { account: data }
`;
const app = (id: string) => `
id: ${id}
owner: team-a
consumer: { account: swarm, principal: role/node }
externalId: ${id}-secret
access: [{ bucket: shared, permissions: [read] }]
`;

interface Synthesized {
  output?: Record<string, { value: unknown }>;
  resource?: { aws_iam_role: Record<string, { name: string; path: string }> };
}

function synthesize(plan: AccountPlan): Synthesized {
  return JSON.parse(Testing.synth(new AccountStack(Testing.app(), { plan, stateDir: '.' })));
}

describe('RoleArnsOutput', () => {
  const root = writeRegistry(ACCOUNTS, { a: app('app-a'), b: app('app-b') });
  const plans = planAccounts(loadRegistry(root, {}));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const plan = (alias: string) => plans.find((p) => p.account.alias === alias)!;

  it('GIVEN a bucket account with two app roles WHEN synthesized THEN one role_arns output maps each app id to its role ARN', () => {
    expect(synthesize(plan('data')).output).toEqual({
      role_arns: expect.objectContaining({
        value: {
          'app-a': 'arn:aws:iam::111111111111:role/keyless/keyless-app-a',
          'app-b': 'arn:aws:iam::111111111111:role/keyless/keyless-app-b',
        },
      }),
    });
  });

  it('GIVEN a bucket account WHEN synthesized THEN every output ARN is the ARN IAM gives the synthesized role (its path and name)', () => {
    const { output, resource } = synthesize(plan('data'));
    const arns = Object.values(resource!.aws_iam_role).map((r) => `arn:aws:iam::111111111111:role${r.path}${r.name}`);
    expect(Object.values(output!.role_arns.value as Record<string, string>).sort()).toEqual(arns.sort());
  });

  it('GIVEN a consumer account without app roles WHEN synthesized THEN it has no role_arns output', () => {
    expect(synthesize(plan('swarm')).output).toBeUndefined();
  });
});
