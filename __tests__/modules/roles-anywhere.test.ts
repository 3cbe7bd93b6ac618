import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Testing } from 'cdktf';
import { AccountStack } from '../../modules/account-stack';
import { planAccounts } from '../../src/policy/account-plan';
import { loadRegistry } from '../../src/registry/load';
import { BUNDLED_ROOT } from '../helpers';

type TfJson = { resource: Record<string, Record<string, Record<string, any>>>; output?: Record<string, { value: unknown }> };

const registry = loadRegistry(BUNDLED_ROOT);
function synth(alias: string): TfJson {
  const plan = planAccounts(registry).find((p) => p.account.alias === alias)!;
  return JSON.parse(Testing.synth(new AccountStack(Testing.app({ outdir: 'cdktf.out' }), { plan, stateDir: registry.root })));
}
const only = (json: TfJson, type: string) => {
  const entries = Object.entries(json.resource[type] ?? {});
  expect(entries).toHaveLength(1);
  return { name: entries[0][0], resource: entries[0][1] };
};

describe('RolesAnywhere in the CA\'s account', () => {
  const json = synth('data');

  test('GIVEN a certificate authority WHEN synthesized THEN its trust anchor holds exactly the committed public certificate, enabled', () => {
    const { resource } = only(json, 'aws_rolesanywhere_trust_anchor');
    expect(resource.name).toBe('keyless-swarm-ca');
    expect(resource.enabled).toBe(true);
    expect(resource.source).toEqual({
      source_type: 'CERTIFICATE_BUNDLE',
      source_data: { x509_certificate_data: readFileSync(join(BUNDLED_ROOT, 'ca', 'swarm-ca.pem'), 'utf8') },
    });
  });

  test('GIVEN ExternalId and certificate apps in one account WHEN synthesized THEN the profile may vend the certificate app\'s role and no other', () => {
    const { resource } = only(json, 'aws_rolesanywhere_profile');
    expect(resource).toMatchObject({ name: 'keyless-apps', enabled: true, role_arns: ['arn:aws:iam::111111111111:role/keyless/keyless-swarm-reporter'] });
    expect(resource.accept_role_session_name).toBeUndefined();
  });

  test('GIVEN the certificate app WHEN synthesized THEN its trust policy names the trust anchor by Terraform reference, not the planned placeholder', () => {
    const anchor = only(json, 'aws_rolesanywhere_trust_anchor').name;
    const role = Object.values(json.resource.aws_iam_role).find((r) => r.name === 'keyless-swarm-reporter')!;
    const trust = JSON.parse(role.assume_role_policy);
    expect(trust.Statement[0].Condition.ArnEquals['aws:SourceArn']).toBe(`\${aws_rolesanywhere_trust_anchor.${anchor}.arn}`);
    expect(role.assume_role_policy).not.toContain('keyless-trust-anchor-');
  });

  test('GIVEN Roles Anywhere resources WHEN synthesized THEN the trust anchor and profile ARNs the apps need are outputs', () => {
    const anchor = only(json, 'aws_rolesanywhere_trust_anchor').name;
    const profile = only(json, 'aws_rolesanywhere_profile').name;
    expect(json.output?.rolesanywhere_trust_anchor_arns.value).toEqual({ 'swarm-ca': `\${aws_rolesanywhere_trust_anchor.${anchor}.arn}` });
    expect(json.output?.rolesanywhere_profile_arn.value).toBe(`\${aws_rolesanywhere_profile.${profile}.arn}`);
  });
});

describe('RolesAnywhere elsewhere', () => {
  test('GIVEN an account without certificate authorities WHEN synthesized THEN it has no trust anchor, profile or output of them', () => {
    const json = synth('swarm');
    expect(json.resource.aws_rolesanywhere_trust_anchor).toBeUndefined();
    expect(json.resource.aws_rolesanywhere_profile).toBeUndefined();
    expect(Object.keys(json.output ?? {}).filter((k) => k.startsWith('rolesanywhere'))).toEqual([]);
  });
});

describe('consumer tag on certificate roles', () => {
  test('GIVEN a certificate consumer WHEN synthesized THEN its role carries no keyless:consumer tag, so no consumer policy by tag reaches it', () => {
    const json = synth('data');
    const roles = Object.values(json.resource.aws_iam_role);
    expect(roles.find((r) => r.name === 'keyless-swarm-reporter')!.tags['keyless:consumer']).toBeUndefined();
    expect(roles.find((r) => r.name === 'keyless-swarm-uploader')!.tags['keyless:consumer']).toBe('arn:aws:iam::222222222222:role/ec2-node-base-role');
  });
});
