import { Testing } from 'cdktf';
import { AppRole } from '../../modules/app-role';
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
  const synthesized = JSON.parse(Testing.synthScope((scope) => new AppRole(scope, 'app-orders-export', { plan }))) as Synthesized;

  it('GIVEN a role plan WHEN synthesized THEN its inline policy names the role through a reference to that role resource', () => {
    const [roleId] = Object.keys(synthesized.resource.aws_iam_role);
    const [rolePolicy] = Object.values(synthesized.resource.aws_iam_role_policy);
    // A reference, not the literal name: Terraform then creates the role before putting its policy.
    expect(rolePolicy.role).toBe(`\${aws_iam_role.${roleId}.name}`);
    expect(JSON.parse(rolePolicy.policy)).toEqual(plan.permissionsPolicy);
  });

  it('GIVEN a role plan WHEN synthesized THEN the role has no output of its own (the stack maps all role ARNs in one)', () => {
    expect(synthesized.output).toBeUndefined();
  });
});
