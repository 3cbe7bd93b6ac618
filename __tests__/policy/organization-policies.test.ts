import { validateResourceControlPolicy, validateServiceControlPolicy } from '@cloud-copilot/iam-policy';
import { organizationPlan, planAccounts } from '../../src/policy/account-plan';
import { bucketPolicy, guardrailOptions } from '../../src/policy/bucket-policy';
import { policy, policySize, Statement } from '../../src/policy/document';
import { packPolicies, resourceControlStatements, serviceControlStatements } from '../../src/policy/organization-policies';
import { quotaDiagnostics } from '../../src/policy/quotas';
import { formatDiagnostic } from '../../src/registry/diagnostics';
import { loadRegistry } from '../../src/registry/load';
import { BUNDLED_ROOT } from '../helpers';

const registry = loadRegistry(BUNDLED_ROOT);
const rcp = resourceControlStatements(registry);
const scp = serviceControlStatements(registry);
const bySid = (statements: readonly Statement[], sid: string) => statements.find((s) => s.Sid === sid)!;
const bucket = (name: string) => registry.buckets.find((b) => b.name === name)!;
const data = registry.accounts.find((a) => a.alias === 'data')!;

describe('resource control policy', () => {
  test('GIVEN the bundled registry WHEN the RCP is built THEN each bucket guardrail but the CI role limits is repeated with the bucket policy\'s own condition', () => {
    for (const name of ['assumed-with-external-id', 'acme-web-assets']) {
      const bucketStatements = bucketPolicy(bucket(name), data, guardrailOptions(registry, data)).Statement
        .filter((s) => s.Effect === 'Deny' && !['DenyDeployRoleBeyondBucketPolicy', 'DenyPlanRoleBeyondReadingBucketPolicy'].includes(s.Sid));

      expect(bucketStatements.length).toBeGreaterThanOrEqual(4);
      for (const s of bucketStatements) {
        const covers = (resource: string | undefined) => resource === `arn:aws:s3:::${name}/*` || resource === 'arn:aws:s3:::*';
        const repeated = rcp.find((r) => r.Sid.startsWith(s.Sid) && [r.Resource].flat().some(covers));
        expect([name, s.Sid, repeated?.Condition]).toEqual([name, s.Sid, s.Condition]);
      }
    }
  });

  test('GIVEN a bucket that declares AWS services WHEN the RCP is built THEN only its exclusive statement lets those services through', () => {
    const web = bySid(rcp, 'DenyPrincipalsOutsideRegistryFor111111111111E2');
    const others = bySid(rcp, 'DenyPrincipalsOutsideRegistryFor111111111111E1');

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
    expect(rcp.map((s) => s.Sid)).toEqual([
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
    expect(bySid(rcp, 'DenyAppSessionOutsideNetworkFor111111111111N1').Resource)
      .toEqual(['arn:aws:s3:::assumed-with-external-id', 'arn:aws:s3:::assumed-with-external-id/*']);
  });

  test('GIVEN service principals WHEN the RCP is built THEN one may act on a keyless bucket only for a registry account', () => {
    expect(bySid(rcp, 'DenyServicesActingForOtherAccounts').Condition).toEqual({
      Bool: { 'aws:PrincipalIsAWSService': 'true' },
      Null: { 'aws:SourceAccount': 'false' },
      StringNotEquals: { 'aws:SourceAccount': ['111111111111', '222222222222', '333333333333', '444444444444', '100000000000'] },
    });
  });

  test('GIVEN app roles that reach keyless buckets only WHEN the RCP is built THEN their session statements cover every S3 resource once, whatever the bucket count', () => {
    const sessions = rcp.filter((st) => /^Deny(AppSession|CertificateSession)/.test(st.Sid) && !st.Sid.includes('OutsideNetwork'));

    expect(sessions.map((st) => [st.Sid, st.Resource])).toEqual([
      ['DenyAppSessionWithoutAppIdTagFor111111111111', ['arn:aws:s3:::*']],
      ['DenyAppSessionTaggedForAnotherAppFor111111111111', ['arn:aws:s3:::*']],
      ['DenyCertificateSessionForAnotherAppFor111111111111', ['arn:aws:s3:::*']],
    ]);
  });

  test('GIVEN a service grant and a kept statement for accounts outside the registry WHEN the RCP is built THEN those services keep working for them', () => {
    const web = bucket('acme-web-assets');
    const keptForAnother = { sid: 'KeptLogDelivery', location: web.location, statement: {
      Sid: 'KeptLogDelivery', Effect: 'Allow', Principal: { Service: 'logging.s3.amazonaws.com' }, Action: 's3:PutObject',
      Resource: 'arn:aws:s3:::acme-web-assets/old-logs/*', Condition: { StringEquals: { 'aws:SourceAccount': ['777777777777'] } },
    } };
    const keptDistribution = { sid: 'KeptOtherDistribution', location: web.location, statement: {
      Sid: 'KeptOtherDistribution', Effect: 'Allow', Principal: { Service: 'cloudfront.amazonaws.com' }, Action: 's3:GetObject',
      Resource: 'arn:aws:s3:::acme-web-assets/old-site/*', Condition: { StringEquals: { 'AWS:SourceArn': 'arn:aws:cloudfront::555555555555:distribution/EOLD' } },
    } };
    const changed = {
      ...registry,
      buckets: registry.buckets.map((b) => (b !== web ? b : {
        ...b,
        services: [...b.services, { ...b.services[1], sourceAccount: '888888888888' }, { ...b.services[0], sourceArn: ['arn:aws:cloudfront::666666666666:distribution/ENEW'] }],
        keepStatements: { ...b.keepStatements!, statements: [...b.keepStatements!.statements, keptForAnother, keptDistribution] },
      })),
    };

    const accounts = bySid(resourceControlStatements(changed), 'DenyServicesActingForOtherAccounts').Condition!.StringNotEquals!['aws:SourceAccount'];

    expect(accounts).toEqual(expect.arrayContaining(['888888888888', '777777777777', '666666666666', '555555555555', '111111111111']));
    expect(accounts).not.toContain('999999999999');
  });
});

describe('service control policy', () => {
  test('GIVEN the bundled registry WHEN the SCP is built THEN only the deploy roles change app, CI and breakGlass roles', () => {
    expect(bySid(scp, 'DenyKeylessRoleChangesButByDeployRole')).toMatchObject({
      Effect: 'Deny',
      Resource: expect.arrayContaining([
        'arn:aws:iam::111111111111:role/keyless/*',
        'arn:aws:iam::111111111111:role/terraform-deploy',
        'arn:aws:iam::111111111111:role/terraform-plan',
        'arn:aws:iam::111111111111:role/platform-admin',
        'arn:aws:iam::111111111111:role/aws-reserved/sso.amazonaws.com/eu-central-1/AWSReservedSSO_PlatformAdmin_*',
      ]),
      Condition: { ArnNotLike: { 'aws:PrincipalArn': [
        'arn:aws:iam::111111111111:role/terraform-deploy', 'arn:aws:iam::222222222222:role/terraform-deploy',
        'arn:aws:iam::333333333333:role/terraform-deploy', 'arn:aws:iam::444444444444:role/terraform-deploy',
        'arn:aws:iam::100000000000:role/terraform-deploy',
      ] } },
    });
    expect(bySid(scp, 'DenyKeylessRoleChangesButByDeployRole').Action).toEqual(expect.arrayContaining(['iam:UpdateAssumeRolePolicy', 'iam:PutRolePolicy', 'iam:AttachRolePolicy']));
  });

  test('GIVEN keyless buckets WHEN the SCP is built THEN their policies change only by a deploy role, breakGlass or the root', () => {
    const s = bySid(scp, 'DenyKeylessBucketPolicyChangesButByDeployRole');

    expect(s.Action).toEqual(['s3:PutBucketPolicy', 's3:DeleteBucketPolicy']);
    expect(s.Resource).toHaveLength(registry.buckets.length);
    expect(s.Condition!.ArnNotLike['aws:PrincipalArn']).toEqual(expect.arrayContaining([
      'arn:aws:iam::111111111111:role/platform-admin', 'arn:aws:iam::111111111111:root',
    ]));
    for (const doc of organizationPlan(registry).serviceControlPolicies) expect(validateServiceControlPolicy(doc)).toEqual([]);
  });
});

describe('service control policy: who a role trusts, breakGlass users, CI roles', () => {
  test('GIVEN registry accounts WHEN the SCP is built THEN only the deploy roles change their SAML and OIDC providers and Roles Anywhere anchors, CRLs and profiles', () => {
    const s = bySid(scp, 'DenyIdentityProviderChangesButByDeployRole');

    expect(s.Action).toEqual(expect.arrayContaining(['iam:UpdateSAMLProvider', 'iam:UpdateOpenIDConnectProviderThumbprint', 'rolesanywhere:UpdateTrustAnchor', 'rolesanywhere:ImportCrl', 'rolesanywhere:PutAttributeMapping']));
    expect(s.Resource).toEqual(expect.arrayContaining(['arn:aws:iam::111111111111:saml-provider/*', 'arn:aws:iam::111111111111:oidc-provider/*', 'arn:aws:rolesanywhere:*:111111111111:*']));
    expect(s.Condition).toEqual(bySid(scp, 'DenyKeylessRoleChangesButByDeployRole').Condition);
  });

  test('GIVEN a breakGlass IAM user WHEN the SCP is built THEN only the deploy roles create its keys or password or change its MFA', () => {
    const withUser = { ...registry, accounts: registry.accounts.map((a) => (a !== data ? a : { ...a, breakGlass: [...a.breakGlass, 'arn:aws:iam::111111111111:user/break-glass'] })) };

    expect(serviceControlStatements(registry).map((st) => st.Sid)).not.toContain('DenyBreakGlassUserCredentialsButByDeployRole');
    expect(bySid(serviceControlStatements(withUser), 'DenyBreakGlassUserCredentialsButByDeployRole')).toMatchObject({
      Action: expect.arrayContaining(['iam:CreateAccessKey', 'iam:UpdateLoginProfile', 'iam:DeactivateMFADevice']),
      Resource: ['arn:aws:iam::111111111111:user/break-glass'],
    });
  });

  test('GIVEN exclusive buckets WHEN the SCP is built THEN it repeats the CI role limits with NotAction, without Principal, per owner account', () => {
    const deploy = bySid(scp, 'DenyDeployRoleBeyondBucketPolicyFor111111111111');
    const plan = bySid(scp, 'DenyPlanRoleBeyondReadingBucketPolicyFor111111111111');

    expect(deploy).toMatchObject({ Effect: 'Deny', NotAction: ['s3:GetBucketPolicy', 's3:PutBucketPolicy'], Condition: { ArnLike: { 'aws:PrincipalArn': 'arn:aws:iam::111111111111:role/terraform-deploy' } } });
    expect(plan).toMatchObject({ NotAction: ['s3:GetBucketPolicy'], Condition: { ArnLike: { 'aws:PrincipalArn': 'arn:aws:iam::111111111111:role/terraform-plan' } } });
    expect(deploy.Principal).toBeUndefined();
    expect(deploy.Resource).toEqual(expect.arrayContaining(['arn:aws:s3:::acme-ledger-archive', 'arn:aws:s3:::acme-ledger-archive/*']));
    for (const doc of organizationPlan(registry).serviceControlPolicies) expect(validateServiceControlPolicy(doc)).toEqual([]);
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
