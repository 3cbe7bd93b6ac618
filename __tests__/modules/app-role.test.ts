import { Testing } from 'cdktf';
import { AppRole } from '../../modules/app-role';
import { PlainResourceStack } from '../../modules/plain-resource';
import { RolePlan } from '../../src/policy/account-plan';
import { policy } from '../../src/policy/document';

const plan: RolePlan = {
  appId: 'orders-export',
  name: 'keyless-orders-export',
  path: '/keyless/',
  arn: 'arn:aws:iam::111111111111:role/keyless/keyless-orders-export',
  description: 'keyless app orders-export (team-orders)',
  maxSessionDuration: 3600,
  tags: { 'keyless:app': 'orders-export' },
  trustPolicy: policy({ Sid: 'Trust', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::222222222222:root' }, Action: 'sts:AssumeRole' }),
  permissionsPolicy: policy({ Sid: 'Read', Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/orders-export/*' }),
};

interface Synthesized {
  resource: { aws_iam_role: Record<string, { name: string }>; aws_iam_role_policy: Record<string, { role: string; policy: string }> };
  output?: unknown;
}

describe('AppRole', () => {
  const stack = new PlainResourceStack(Testing.app(), 'test');
  new AppRole(stack, 'app-orders-export', { plan });
  const synthesized = JSON.parse(Testing.synth(stack)) as Synthesized;

  it('GIVEN a role plan WHEN synthesized THEN its inline policy names the role through a reference to that role resource', () => {
    const [roleId] = Object.keys(synthesized.resource.aws_iam_role);
    const [rolePolicy] = Object.values(synthesized.resource.aws_iam_role_policy);
    // A reference, not the literal name: Terraform then creates the role before putting its policy.
    expect(rolePolicy.role).toBe(`\${aws_iam_role.${roleId}.name}`);
    expect(JSON.parse(rolePolicy.policy)).toEqual(plan.permissionsPolicy);
  });

  it('GIVEN a role plan WHEN synthesized THEN the role carries its name, path, session limit, tags and trust policy', () => {
    const [role] = Object.values(synthesized.resource.aws_iam_role) as unknown as Record<string, unknown>[];
    expect(role).toMatchObject({ name: plan.name, path: plan.path, description: plan.description, max_session_duration: 3600, tags: plan.tags });
    expect(JSON.parse(role.assume_role_policy as string)).toEqual(plan.trustPolicy);
  });

  it('GIVEN a role plan WHEN synthesized THEN the role has no output of its own (the stack maps all role ARNs in one)', () => {
    expect(synthesized.output).toBeUndefined();
  });
});
