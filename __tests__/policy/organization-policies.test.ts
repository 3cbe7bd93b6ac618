import { validateResourceControlPolicy, validateServiceControlPolicy } from '@cloud-copilot/iam-policy';
import { organizationPlan, planAccounts } from '../../src/policy/account-plan';
import { bucketPolicy, guardrailOptions } from '../../src/policy/bucket-policy';
import { policy, policySize, Statement } from '../../src/policy/document';
import { packPolicies, resourceControlStatements, serviceControlStatements } from '../../src/policy/organization-policies';
import { quotaDiagnostics } from '../../src/policy/quotas';
import { formatDiagnostic } from '../../src/registry/diagnostics';
import { loadRegistry } from '../../src/registry/load';
import { Account, Bucket, Registry } from '../../src/registry/model';
import { BUNDLED_ROOT } from '../helpers';

// The policies are built inside each test, never at load time: StrykerJS runs for a mutant only the tests that
// executed its code (perTest coverage), and code run while the file loads belongs to no test.
const registry = loadRegistry(BUNDLED_ROOT);
const rcp = (r: Registry = registry) => resourceControlStatements(r);
const scp = (r: Registry = registry) => serviceControlStatements(r);
const bySid = (statements: readonly Statement[], sid: string) => statements.find((s) => s.Sid === sid)!;
const sids = (statements: readonly Statement[]) => statements.map((s) => s.Sid);
const bucket = (name: string) => registry.buckets.find((b) => b.name === name)!;
const data = registry.accounts.find((a) => a.alias === 'data')!;
const resources = (...names: string[]) => names.flatMap((n) => [`arn:aws:s3:::${n}`, `arn:aws:s3:::${n}/*`]);
const deployRoles = ['111111111111', '222222222222', '333333333333', '444444444444', '100000000000'].map((id) => `arn:aws:iam::${id}:role/terraform-deploy`);
const dataBreakGlass = ['arn:aws:iam::111111111111:role/platform-admin', 'arn:aws:iam::111111111111:role/aws-reserved/sso.amazonaws.com/eu-central-1/AWSReservedSSO_PlatformAdmin_*'];
const allBuckets = ['assumed-with-external-id', 'acme-partner-drop', 'acme-ledger-archive', 'acme-finance-exports', 'acme-vendor-exchange', 'acme-data-lake', 'acme-web-assets'];

/** The bundled registry with some buckets changed (name → change). */
function withBuckets(changes: Record<string, Partial<Bucket>>): Registry {
  return { ...registry, buckets: registry.buckets.map((b) => ({ ...b, ...changes[b.name] })) };
}

/** The bundled registry with some accounts changed (alias → change). */
function withAccounts(changes: Record<string, Partial<Account>>): Registry {
  return { ...registry, accounts: registry.accounts.map((a) => ({ ...a, ...changes[a.alias] })) };
}

describe('resource control policy', () => {
  test('GIVEN the bundled registry WHEN the RCP is built THEN each bucket guardrail but the CI role limits is repeated with the bucket policy\'s own condition', () => {
    const statements = rcp();

    for (const name of ['assumed-with-external-id', 'acme-web-assets']) {
      const bucketStatements = bucketPolicy(bucket(name), data, guardrailOptions(registry, data)).Statement
        .filter((s) => s.Effect === 'Deny' && !['DenyDeployRoleBeyondBucketPolicy', 'DenyPlanRoleBeyondReadingBucketPolicy'].includes(s.Sid));

      expect(bucketStatements.length).toBeGreaterThanOrEqual(4);
      for (const s of bucketStatements) {
        const covers = (resource: string | undefined) => resource === `arn:aws:s3:::${name}/*` || resource === 'arn:aws:s3:::*';
        const repeated = statements.find((r) => r.Sid.startsWith(s.Sid) && [r.Resource].flat().some(covers));
        expect([name, s.Sid, repeated?.Condition]).toEqual([name, s.Sid, s.Condition]);
      }
    }
  });

  test('GIVEN a bucket that declares AWS services WHEN the RCP is built THEN only its exclusive statement lets those services through', () => {
    const statements = rcp();
    const web = bySid(statements, 'DenyPrincipalsOutsideRegistryFor111111111111E2');
    const others = bySid(statements, 'DenyPrincipalsOutsideRegistryFor111111111111E1');

    expect(web.Resource).toEqual(['arn:aws:s3:::acme-web-assets', 'arn:aws:s3:::acme-web-assets/*']);
    expect(web.Condition?.StringNotEqualsIfExists).toEqual({ 'aws:PrincipalServiceName': ['cloudfront.amazonaws.com', 'logging.s3.amazonaws.com'] });
    expect([others.Resource].flat()).not.toContain('arn:aws:s3:::acme-web-assets/*');
    expect(others.Condition?.StringNotEqualsIfExists).toBeUndefined();
  });

  test('GIVEN the RCP WHEN checked against the RCP syntax THEN it is Deny only, without NotAction, and valid', () => {
    for (const doc of organizationPlan(registry).resourceControlPolicies) {
      expect(validateResourceControlPolicy(doc)).toEqual([]);
      expect(doc.Statement.every((s) => s.Effect === 'Deny' && s.Principal === '*' && s.NotAction === undefined)).toBe(true);
    }
  });

  test('GIVEN buckets of one owner WHEN the RCP is built THEN their statements are grouped: the size grows with buckets, not apps', () => {
    const statements = rcp();

    expect(sids(statements)).toEqual([
      'DenyInsecureTransportForKeylessBuckets',
      'DenyPrincipalsOutsideRegistryFor111111111111E1',
      'DenyBreakGlassWildcardAcrossPath1For111111111111E1',
      'DenyPrincipalsOutsideRegistryFor111111111111E2',
      'DenyBreakGlassWildcardAcrossPath1For111111111111E2',
      'DenyAppSessionWithoutAppIdTagFor111111111111',
      'DenyAppSessionTaggedForAnotherAppFor111111111111',
      'DenyCertificateSessionForAnotherAppFor111111111111',
      'DenyAppSessionOutsideNetworkFor111111111111N1',
      'DenyServicesActingForOtherAccounts',
    ]);
    expect(bySid(statements, 'DenyPrincipalsOutsideRegistryFor111111111111E1').Resource).toEqual(resources(...allBuckets.slice(0, 6)));
    expect(bySid(statements, 'DenyAppSessionOutsideNetworkFor111111111111N1').Resource).toEqual(resources('assumed-with-external-id'));
  });

  test('GIVEN a bucket that does not enforce TLS WHEN the RCP is built THEN the insecure-transport statement leaves it out, and without such buckets there is none', () => {
    const oneWithout = rcp(withBuckets({ 'acme-partner-drop': { enforceTls: false } }));
    const noneWith = rcp(withBuckets(Object.fromEntries(allBuckets.map((n) => [n, { enforceTls: false }]))));

    expect(bySid(oneWithout, 'DenyInsecureTransportForKeylessBuckets')).toMatchObject({
      Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } }, Resource: resources(...allBuckets.filter((n) => n !== 'acme-partner-drop')),
    });
    expect(sids(noneWith).filter((sid) => sid.includes('InsecureTransport'))).toEqual([]);
  });

  test('GIVEN buckets of two owner accounts WHEN the RCP is built THEN each owner\'s statements cover its own buckets under its own account id, and an account without buckets gets none', () => {
    const statements = rcp(withBuckets({ 'assumed-with-external-id': { account: 'swarm' }, 'acme-partner-drop': { account: 'swarm' } }));

    expect(sids(statements).filter((sid) => sid.includes('For222222222222'))).toEqual([
      'DenyPrincipalsOutsideRegistryFor222222222222',
      'DenyAppSessionWithoutAppIdTagFor222222222222',
      'DenyAppSessionTaggedForAnotherAppFor222222222222',
      'DenyAppSessionOutsideNetworkFor222222222222N1',
    ]);
    expect(bySid(statements, 'DenyPrincipalsOutsideRegistryFor222222222222').Resource).toEqual(resources('assumed-with-external-id', 'acme-partner-drop'));
    expect(bySid(statements, 'DenyPrincipalsOutsideRegistryFor222222222222').Condition!.ArnNotLike['aws:PrincipalArn']).toEqual([
      'arn:aws:iam::222222222222:role/keyless/keyless-*', 'arn:aws:iam::222222222222:root', 'arn:aws:iam::222222222222:role/terraform-deploy',
    ]);
    expect(bySid(statements, 'DenyAppSessionOutsideNetworkFor222222222222N1').Resource).toEqual(resources('assumed-with-external-id'));
    expect(bySid(statements, 'DenyPrincipalsOutsideRegistryFor111111111111E1').Resource).toEqual(resources('acme-ledger-archive', 'acme-finance-exports', 'acme-vendor-exchange', 'acme-data-lake'));
    expect(sids(statements).filter((sid) => /For111111111111N/.test(sid))).toEqual([]);
    expect(sids(statements).filter((sid) => /For(333333333333|444444444444|100000000000)/.test(sid))).toEqual([]);
  });

  test('GIVEN a bucket that is not exclusive WHEN the RCP is built THEN no exclusive statement covers it, while the app-session statements still do', () => {
    const statements = rcp(withBuckets({ 'acme-data-lake': { exclusive: false } }));

    expect(bySid(statements, 'DenyPrincipalsOutsideRegistryFor111111111111E1').Resource).toEqual(resources(...allBuckets.slice(0, 5)));
    expect(bySid(statements, 'DenyBreakGlassWildcardAcrossPath1For111111111111E1').Resource).toEqual(resources(...allBuckets.slice(0, 5)));
    expect(bySid(statements, 'DenyAppSessionWithoutAppIdTagFor111111111111').Resource).toEqual(['arn:aws:s3:::*']);
  });

  test('GIVEN exclusive buckets that all exempt the same principals and services WHEN the RCP is built THEN one exclusive statement covers them, its Sid without a group number', () => {
    const statements = rcp(withBuckets({ 'acme-web-assets': { services: [] } }));

    expect(sids(statements).filter((sid) => /^Deny(PrincipalsOutsideRegistry|BreakGlassWildcard)/.test(sid))).toEqual([
      'DenyPrincipalsOutsideRegistryFor111111111111', 'DenyBreakGlassWildcardAcrossPath1For111111111111',
    ]);
    expect(bySid(statements, 'DenyPrincipalsOutsideRegistryFor111111111111').Resource).toEqual(resources(...allBuckets));
  });

  test('GIVEN a registry without buckets WHEN the organization statements are built THEN the RCP has none and the SCP guards roles and identity providers only', () => {
    const empty = { ...registry, buckets: [] };

    expect(rcp(empty)).toEqual([]);
    expect(sids(scp(empty))).toEqual(['DenyKeylessRoleChangesButByDeployRole', 'DenyIdentityProviderChangesButByDeployRole']);
  });

  test('GIVEN service principals WHEN the RCP is built THEN one may act on a keyless bucket only for a registry account', () => {
    expect(bySid(rcp(), 'DenyServicesActingForOtherAccounts').Condition).toEqual({
      Bool: { 'aws:PrincipalIsAWSService': 'true' },
      Null: { 'aws:SourceAccount': 'false' },
      StringNotEquals: { 'aws:SourceAccount': ['111111111111', '222222222222', '333333333333', '444444444444', '100000000000'] },
    });
  });

  test('GIVEN app roles that reach keyless buckets only WHEN the RCP is built THEN their session statements cover every S3 resource once, whatever the bucket count', () => {
    const sessions = rcp().filter((st) => /^Deny(AppSession|CertificateSession)/.test(st.Sid) && !st.Sid.includes('OutsideNetwork'));

    expect(sessions.map((st) => [st.Sid, st.Resource])).toEqual([
      ['DenyAppSessionWithoutAppIdTagFor111111111111', ['arn:aws:s3:::*']],
      ['DenyAppSessionTaggedForAnotherAppFor111111111111', ['arn:aws:s3:::*']],
      ['DenyCertificateSessionForAnotherAppFor111111111111', ['arn:aws:s3:::*']],
    ]);
  });

  test('GIVEN a service grant and a kept statement for accounts outside the registry WHEN the RCP is built THEN those services keep working for them, and no other account', () => {
    const web = bucket('acme-web-assets');
    const kept = (sid: string, Condition: Record<string, Record<string, unknown>>) => ({ sid, location: web.location, statement: {
      Sid: sid, Effect: 'Allow', Principal: { Service: 'cloudfront.amazonaws.com' }, Action: 's3:GetObject', Resource: 'arn:aws:s3:::acme-web-assets/old/*', Condition,
    } });
    const changed = withBuckets({ 'acme-web-assets': {
      services: [...web.services, { ...web.services[1], sourceAccount: '888888888888' }, { ...web.services[0], sourceArn: ['arn:aws:cloudfront::666666666666:distribution/ENEW'] }],
      keepStatements: { ...web.keepStatements!, statements: [
        ...web.keepStatements!.statements,
        kept('KeptLogDelivery', { StringEquals: { 'aws:SourceAccount': ['777777777777'] } }),
        // condition keys are case-insensitive
        kept('KeptOtherDistribution', { StringEquals: { 'AWS:SourceArn': 'arn:aws:cloudfront::555555555555:distribution/EOLD' } }),
        // another key's account, and ARNs whose account field is no account id, name no source
        kept('KeptOtherKeys', { StringEquals: { 'aws:PrincipalAccount': '999999999999' },
          ArnLike: { 'aws:SourceArn': ['arn:aws:cloudfront::5555555555550:distribution/*', 'arn:aws:cloudfront::x555555555555:distribution/*'] } }),
      ] },
    } });

    const accounts = bySid(rcp(changed), 'DenyServicesActingForOtherAccounts').Condition!.StringNotEquals!['aws:SourceAccount'];

    expect(accounts).toEqual(['111111111111', '222222222222', '333333333333', '444444444444', '100000000000', '888888888888', '666666666666', '777777777777', '555555555555']);
  });
});

describe('service control policy', () => {
  test('GIVEN the bundled registry WHEN the SCP is built THEN only the deploy roles change app, CI and breakGlass roles', () => {
    const s = bySid(scp(), 'DenyKeylessRoleChangesButByDeployRole');

    expect(s).toMatchObject({
      Effect: 'Deny',
      Resource: [
        'arn:aws:iam::111111111111:role/keyless/*', 'arn:aws:iam::111111111111:role/terraform-deploy', 'arn:aws:iam::111111111111:role/terraform-plan', ...dataBreakGlass,
        'arn:aws:iam::222222222222:role/keyless/*', 'arn:aws:iam::222222222222:role/terraform-deploy',
        'arn:aws:iam::333333333333:role/keyless/*', 'arn:aws:iam::333333333333:role/terraform-deploy',
        'arn:aws:iam::444444444444:role/keyless/*', 'arn:aws:iam::444444444444:role/terraform-deploy',
        'arn:aws:iam::100000000000:role/keyless/*', 'arn:aws:iam::100000000000:role/terraform-deploy',
      ],
      Condition: { ArnNotLike: { 'aws:PrincipalArn': deployRoles } },
    });
    expect(s.Action).toEqual(expect.arrayContaining(['iam:UpdateAssumeRolePolicy', 'iam:PutRolePolicy', 'iam:AttachRolePolicy', 'iam:CreateRole']));
  });

  test('GIVEN an account without a deployRole WHEN the SCP is built THEN its breakGlass roles change its keyless roles and identity providers, and are themselves protected', () => {
    const admin = 'arn:aws:iam::222222222222:role/swarm-admin';
    const statements = scp(withAccounts({ swarm: { deployRole: undefined, breakGlass: [admin] } }));
    const roles = bySid(statements, 'DenyKeylessRoleChangesButByDeployRole');

    expect(roles.Resource).toEqual((bySid(scp(), 'DenyKeylessRoleChangesButByDeployRole').Resource as string[])
      .map((arn) => (arn === 'arn:aws:iam::222222222222:role/terraform-deploy' ? admin : arn)));
    expect(roles.Condition!.ArnNotLike['aws:PrincipalArn']).toEqual([deployRoles[0], admin, ...deployRoles.slice(2)]);
    expect(bySid(statements, 'DenyIdentityProviderChangesButByDeployRole').Condition).toEqual(roles.Condition);
  });

  test('GIVEN keyless buckets WHEN the SCP is built THEN their policies change only by a deploy role, or the breakGlass principals and root of the buckets\' owner', () => {
    const s = bySid(scp(), 'DenyKeylessBucketPolicyChangesButByDeployRole');

    expect(s.Action).toEqual(['s3:PutBucketPolicy', 's3:DeleteBucketPolicy']);
    expect(s.Resource).toEqual(allBuckets.map((n) => `arn:aws:s3:::${n}`));
    expect(s.Condition).toEqual({ ArnNotLike: { 'aws:PrincipalArn': [...deployRoles, ...dataBreakGlass, 'arn:aws:iam::111111111111:root'] } });
    for (const doc of organizationPlan(registry).serviceControlPolicies) expect(validateServiceControlPolicy(doc)).toEqual([]);
  });
});

describe('service control policy: who a role trusts, breakGlass users, CI roles', () => {
  test('GIVEN registry accounts WHEN the SCP is built THEN only the deploy roles change their SAML and OIDC providers and Roles Anywhere anchors, CRLs and profiles', () => {
    const s = bySid(scp(), 'DenyIdentityProviderChangesButByDeployRole');

    expect(s.Action).toEqual(expect.arrayContaining(['iam:UpdateSAMLProvider', 'iam:UpdateOpenIDConnectProviderThumbprint', 'rolesanywhere:UpdateTrustAnchor', 'rolesanywhere:ImportCrl', 'rolesanywhere:PutAttributeMapping']));
    expect(s.Resource).toEqual(['111111111111', '222222222222', '333333333333', '444444444444', '100000000000'].flatMap((id) => [
      `arn:aws:iam::${id}:saml-provider/*`, `arn:aws:iam::${id}:oidc-provider/*`, `arn:aws:rolesanywhere:*:${id}:*`,
    ]));
    expect(s.Condition).toEqual({ ArnNotLike: { 'aws:PrincipalArn': deployRoles } });
  });

  test('GIVEN a breakGlass IAM user WHEN the SCP is built THEN only the deploy roles create its keys or password or change its MFA, and it is no protected role', () => {
    const user = 'arn:aws:iam::111111111111:user/break-glass';
    const withUser = withAccounts({ data: { breakGlass: [...data.breakGlass, user] } });
    const statements = scp(withUser);

    expect(sids(scp())).not.toContain('DenyBreakGlassUserCredentialsButByDeployRole');
    expect(bySid(statements, 'DenyBreakGlassUserCredentialsButByDeployRole')).toMatchObject({
      Action: expect.arrayContaining(['iam:CreateAccessKey', 'iam:UpdateLoginProfile', 'iam:DeactivateMFADevice']),
      Resource: [user],
      Condition: { ArnNotLike: { 'aws:PrincipalArn': deployRoles } },
    });
    expect(bySid(statements, 'DenyKeylessRoleChangesButByDeployRole').Resource).toEqual(bySid(scp(), 'DenyKeylessRoleChangesButByDeployRole').Resource);
  });

  test('GIVEN exclusive buckets WHEN the SCP is built THEN it repeats the CI role limits with NotAction, without Principal, per owner account', () => {
    const statements = scp();
    const deploy = bySid(statements, 'DenyDeployRoleBeyondBucketPolicyFor111111111111');
    const plan = bySid(statements, 'DenyPlanRoleBeyondReadingBucketPolicyFor111111111111');

    expect(deploy).toMatchObject({ Effect: 'Deny', NotAction: ['s3:GetBucketPolicy', 's3:PutBucketPolicy'], Condition: { ArnLike: { 'aws:PrincipalArn': 'arn:aws:iam::111111111111:role/terraform-deploy' } } });
    expect(plan).toMatchObject({ NotAction: ['s3:GetBucketPolicy'], Condition: { ArnLike: { 'aws:PrincipalArn': 'arn:aws:iam::111111111111:role/terraform-plan' } } });
    expect(deploy.Principal).toBeUndefined();
    expect(deploy.Resource).toEqual(resources(...allBuckets));
    for (const doc of organizationPlan(registry).serviceControlPolicies) expect(validateServiceControlPolicy(doc)).toEqual([]);
  });

  test('GIVEN exclusive buckets of two owners and a shared one WHEN the SCP is built THEN each owner\'s CI roles are limited on its own exclusive buckets only, and owners without any get no limits', () => {
    const statements = scp(withBuckets({ 'acme-partner-drop': { account: 'swarm' }, 'acme-data-lake': { account: 'swarm', exclusive: false }, 'acme-web-assets': { exclusive: false } }));

    expect(sids(statements).filter((sid) => /Beyond/.test(sid))).toEqual([
      'DenyDeployRoleBeyondBucketPolicyFor111111111111', 'DenyPlanRoleBeyondReadingBucketPolicyFor111111111111', 'DenyDeployRoleBeyondBucketPolicyFor222222222222',
    ]);
    expect(bySid(statements, 'DenyDeployRoleBeyondBucketPolicyFor111111111111').Resource)
      .toEqual(resources('assumed-with-external-id', 'acme-ledger-archive', 'acme-finance-exports', 'acme-vendor-exchange'));
    expect(bySid(statements, 'DenyDeployRoleBeyondBucketPolicyFor222222222222')).toMatchObject({
      Resource: resources('acme-partner-drop'), Condition: { ArnLike: { 'aws:PrincipalArn': 'arn:aws:iam::222222222222:role/terraform-deploy' } },
    });
  });
});

describe('packPolicies', () => {
  const statement = (i: number, resources: number): Statement => ({
    Sid: `S${i}`, Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: Array.from({ length: resources }, (_, r) => `arn:aws:s3:::bucket-${i}-${r}`),
  });

  test('GIVEN statements over the quota together WHEN packed THEN each policy stays within 5120 characters and no statement is lost', () => {
    const statements = Array.from({ length: 12 }, (_, i) => statement(i, 20));
    const docs = packPolicies(statements);

    expect(docs.length).toBeGreaterThan(1);
    expect(docs.every((d) => policySize(d) <= 5120)).toBe(true);
    expect(docs.flatMap((d) => d.Statement.map((s) => s.Sid))).toEqual(statements.map((s) => s.Sid));
  });

  test('GIVEN one statement over the quota on its own WHEN packed THEN it is split by its resources, every resource kept', () => {
    const big = statement(1, 200);
    const docs = packPolicies([big]);
    const parts = docs.flatMap((d) => d.Statement);

    expect(policySize(policy(big))).toBeGreaterThan(5120);
    expect(docs.every((d) => policySize(d) <= 5120)).toBe(true);
    expect(parts.flatMap((s) => s.Resource)).toEqual(big.Resource);
    expect(new Set(parts.map((s) => s.Sid)).size).toBe(parts.length);
  });

  test('GIVEN statements that fill a policy exactly to the quota WHEN packed THEN they share one policy, and one more character splits them', () => {
    const statements = [statement(1, 3), statement(2, 3)];
    const exact = policySize(policy(...statements));

    expect(packPolicies(statements, exact).map((d) => d.Statement.map((s) => s.Sid))).toEqual([['S1', 'S2']]);
    expect(packPolicies(statements, exact - 1).map((d) => d.Statement.map((s) => s.Sid))).toEqual([['S1'], ['S2']]);
  });

  test('GIVEN a statement exactly at the quota on its own WHEN packed THEN it is kept whole', () => {
    const exact = statement(1, 3);

    expect(packPolicies([exact], policySize(policy(exact)))).toEqual([policy(exact)]);
  });

  test('GIVEN no statements WHEN packed THEN there is no policy', () => {
    expect(packPolicies([])).toEqual([]);
  });

  test('GIVEN a statement over the quota with two resources WHEN packed THEN each resource gets its own part and policy, Sids numbered from 1', () => {
    const two = statement(1, 2);
    const docs = packPolicies([two], policySize(policy(two)) - 1);

    expect(docs.map((d) => d.Statement.map((s) => [s.Sid, s.Resource]))).toEqual([
      [['S1Part1', ['arn:aws:s3:::bucket-1-0']]],
      [['S1Part2', ['arn:aws:s3:::bucket-1-1']]],
    ]);
  });

  test('GIVEN a statement over the quota with one resource, in a list or alone WHEN packed THEN it cannot be split and is kept whole', () => {
    const one = statement(1, 1);
    const single = { ...one, Resource: 'arn:aws:s3:::bucket-1-0' };

    expect(packPolicies([one], 10)).toEqual([policy(one)]);
    expect(packPolicies([single], 10)).toEqual([policy(single)]);
  });
});

describe('organization quotas', () => {
  test('GIVEN more RCPs than a target may hold beside RCPFullAWSAccess WHEN checked THEN the organization block is an error', () => {
    const plans = planAccounts(registry);
    const mgmt = plans.find((p) => p.organization)!;
    const many = { ...mgmt, organization: { ...mgmt.organization!, resourceControlPolicies: Array(5).fill(mgmt.organization!.resourceControlPolicies[0]) } };

    expect(quotaDiagnostics(registry, [many]).map(formatDiagnostic)).toEqual([
      'accounts.yaml:34:1: error: the resource control policies need 5 policies per target, over the 5 Organizations allows per root, OU or account less the AWS-managed full-access one (4); fewer buckets, networks or breakGlass entries, or split the registry by OU',
    ]);
  });
});
