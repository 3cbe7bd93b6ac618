import { BUNDLED_ROOT, fixture, statement, UNSEEN_ENV } from '../helpers';
import { loadRegistry } from '../../src/registry/load';
import { bucketPolicy, guardrailOptions } from '../../src/policy/bucket-policy';
import { Registry } from '../../src/registry/model';
import { ACCOUNTS, CERT_ACCOUNTS, registryOnDisk } from '../registry/fixtures';

function policyOf(registry: Registry, bucket: string) {
  const b = registry.buckets.find((x) => x.name === bucket)!;
  return bucketPolicy(b, registry.accounts.find((a) => a.alias === b.account)!);
}

const bundled = loadRegistry(BUNDLED_ROOT);
const unseen = loadRegistry(fixture('unseen'), UNSEEN_ENV);
const dataAccount = bundled.accounts.find((a) => a.alias === 'data')!;
const BOTH_RESOURCES = ['arn:aws:s3:::acme-ledger-archive', 'arn:aws:s3:::acme-ledger-archive/*'];

describe('bucketPolicy', () => {
  test('GIVEN any bucket WHEN its policy is built THEN its only Allows are to its declared AWS services, never to an IAM principal', () => {
    for (const registry of [bundled, unseen]) {
      for (const b of registry.buckets) {
        const allows = policyOf(registry, b.name).Statement.filter((s) => s.Effect === 'Allow');
        const declared = b.services.map((g) => g.service);
        expect(allows.map((s) => (s.Principal as { Service: string }).Service).filter((svc) => declared.includes(svc))).toHaveLength(allows.length);
        expect(allows.length > 0).toBe(declared.length > 0);
      }
    }
  });

  test('GIVEN default settings WHEN built THEN plain HTTP is denied to everyone on bucket and objects', () => {
    expect(statement(policyOf(bundled, 'acme-ledger-archive'), 'DenyInsecureTransport')).toEqual({
      Sid: 'DenyInsecureTransport', Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: BOTH_RESOURCES,
      Condition: { Bool: { 'aws:SecureTransport': 'false' } },
    });
  });

  test('GIVEN an exclusive bucket WHEN built THEN every principal but app roles, root, deploy and plan roles and breakGlass is denied', () => {
    const s = statement(policyOf(bundled, 'acme-ledger-archive'), 'DenyPrincipalsOutsideRegistry');
    expect(s.Condition).toEqual({
      ArnNotLike: {
        'aws:PrincipalArn': [
          'arn:aws:iam::111111111111:role/keyless/keyless-*',
          'arn:aws:iam::111111111111:root',
          'arn:aws:iam::111111111111:role/terraform-deploy',
          'arn:aws:iam::111111111111:role/terraform-plan',
          'arn:aws:iam::111111111111:role/platform-admin',
          'arn:aws:iam::111111111111:role/aws-reserved/sso.amazonaws.com/eu-central-1/AWSReservedSSO_PlatformAdmin_*',
        ],
      },
    });
  });

  test('GIVEN exclusive: false WHEN built THEN outsiders are not denied but app sessions stay tied to their AppId tag', () => {
    const doc = policyOf(unseen, 'lake-shared');
    expect(doc.Statement.map((s) => s.Sid)).toEqual(['DenyInsecureTransport', 'DenyAppSessionWithoutAppIdTag', 'DenyAppSessionTaggedForAnotherApp']);
  });

  test('GIVEN app sessions WHEN built THEN a session whose AppId tag does not name its own role is denied, by policy variable', () => {
    const s = statement(policyOf(bundled, 'acme-ledger-archive'), 'DenyAppSessionTaggedForAnotherApp');
    expect(s.Condition).toEqual({
      ArnLike: { 'aws:PrincipalArn': 'arn:aws:iam::111111111111:role/keyless/keyless-*' },
      ArnNotLike: { 'aws:PrincipalArn': 'arn:aws:iam::111111111111:role/keyless/keyless-${aws:PrincipalTag/AppId}' },
    });
    expect(statement(policyOf(bundled, 'acme-ledger-archive'), 'DenyAppSessionWithoutAppIdTag').Condition)
      .toMatchObject({ Null: { 'aws:PrincipalTag/AppId': 'true' } });
  });

  test('GIVEN a VPC network WHEN built THEN app sessions from anywhere else are denied', () => {
    expect(statement(policyOf(bundled, 'assumed-with-external-id'), 'DenyAppSessionOutsideNetwork').Condition).toEqual({
      ArnLike: { 'aws:PrincipalArn': 'arn:aws:iam::111111111111:role/keyless/keyless-*' },
      StringNotEquals: { 'aws:SourceVpc': ['vpc-0a1b2c3d4e5f60718'] },
    });
  });

  test('GIVEN a VPC endpoint and a public CIDR WHEN built THEN a request is denied only when it matches neither', () => {
    expect(statement(policyOf(unseen, 'lake-raw'), 'DenyAppSessionOutsideNetwork').Condition).toEqual({
      ArnLike: { 'aws:PrincipalArn': 'arn:aws:iam::555555555555:role/keyless/keyless-*' },
      StringNotEquals: { 'aws:SourceVpce': ['vpce-0123abcd'] },
      NotIpAddress: { 'aws:SourceIp': ['203.0.113.0/24'] },
    });
  });


  test('GIVEN a network of public CIDRs only WHEN built THEN app sessions are denied outside them, with no VPC test that no request could pass', () => {
    const archive = bundled.buckets.find((b) => b.name === 'acme-ledger-archive')!;
    const network = { sourceVpc: [], sourceVpce: [], sourceIp: ['203.0.113.0/24'] };
    expect(statement(bucketPolicy({ ...archive, network }, dataAccount), 'DenyAppSessionOutsideNetwork').Condition).toEqual({
      ArnLike: { 'aws:PrincipalArn': 'arn:aws:iam::111111111111:role/keyless/keyless-*' },
      NotIpAddress: { 'aws:SourceIp': ['203.0.113.0/24'] },
    });
  });

  test('GIVEN an account without deploy or plan role WHEN an exclusive bucket\'s policy is built THEN only app roles, root and breakGlass are exempt, and only app roles are excepted from the breakGlass wildcard guard', () => {
    const archive = bundled.buckets.find((b) => b.name === 'acme-ledger-archive')!;
    const doc = bucketPolicy(archive, { ...dataAccount, deployRole: undefined, planRole: undefined });
    expect(statement(doc, 'DenyPrincipalsOutsideRegistry').Condition).toEqual({
      ArnNotLike: {
        'aws:PrincipalArn': [
          'arn:aws:iam::111111111111:role/keyless/keyless-*',
          'arn:aws:iam::111111111111:root',
          'arn:aws:iam::111111111111:role/platform-admin',
          'arn:aws:iam::111111111111:role/aws-reserved/sso.amazonaws.com/eu-central-1/AWSReservedSSO_PlatformAdmin_*',
        ],
      },
    });
    expect(statement(doc, 'DenyBreakGlassWildcardAcrossPath1').Condition!.ArnNotLike).toEqual({ 'aws:PrincipalArn': ['arn:aws:iam::111111111111:role/keyless/keyless-*'] });
  });

  test('GIVEN services declared out of alphabetical order WHEN an exclusive bucket\'s policy is built THEN the exempt service names are sorted, so the policy does not change with their order', () => {
    const assets = bundled.buckets.find((b) => b.name === 'acme-web-assets')!;
    const reversed = { ...assets, services: [...assets.services].reverse() };
    expect(statement(bucketPolicy(reversed, dataAccount), 'DenyPrincipalsOutsideRegistry').Condition!.StringNotEqualsIfExists)
      .toEqual({ 'aws:PrincipalServiceName': ['cloudfront.amazonaws.com', 'logging.s3.amazonaws.com'] });
  });

  test('GIVEN a certificate authority in account data only WHEN guardrail options are built per account THEN only data\'s buckets hold certificate sessions to their role', () => {
    expect(bundled.accounts.map((a) => [a.alias, guardrailOptions(bundled, a).certificateSessions])).toEqual([
      ['data', true], ['swarm', false], ['ingest', false], ['legacy', false], ['mgmt', false],
    ]);
  });

  test('GIVEN a certificate authority in each account, then none at all WHEN guardrail options are built per account THEN both accounts hold certificate sessions, then neither does', () => {
    const both = registryOnDisk(`${CERT_ACCOUNTS}  swarm-ca:\n    account: swarm\n    bundle: ca/node-ca.pem\n`, {});
    const none = registryOnDisk(ACCOUNTS, {});

    expect(both.accounts.map((a) => [a.alias, guardrailOptions(both, a).certificateSessions])).toEqual([['data', true], ['swarm', true]]);
    expect(none.accounts.map((a) => [a.alias, guardrailOptions(none, a).certificateSessions])).toEqual([['data', false], ['swarm', false]]);
  });

  test('GIVEN an exclusive bucket and a deploy role WHEN built THEN the deploy role may read and put the bucket policy and nothing else, not even delete it', () => {
    expect(statement(policyOf(bundled, 'acme-ledger-archive'), 'DenyDeployRoleBeyondBucketPolicy')).toEqual({
      Sid: 'DenyDeployRoleBeyondBucketPolicy', Effect: 'Deny', Principal: '*',
      NotAction: ['s3:GetBucketPolicy', 's3:PutBucketPolicy'],
      Resource: BOTH_RESOURCES,
      Condition: { ArnLike: { 'aws:PrincipalArn': 'arn:aws:iam::111111111111:role/terraform-deploy' } },
    });
  });

  test('GIVEN a wildcard breakGlass entry WHEN built THEN whatever matches it with a "/" after its fixed start is denied, app and CI roles excepted', () => {
    expect(statement(policyOf(bundled, 'acme-ledger-archive'), 'DenyBreakGlassWildcardAcrossPath1')).toEqual({
      Sid: 'DenyBreakGlassWildcardAcrossPath1', Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: BOTH_RESOURCES,
      Condition: {
        ArnLike: { 'aws:PrincipalArn': 'arn:aws:iam::111111111111:role/aws-reserved/sso.amazonaws.com/eu-central-1/AWSReservedSSO_PlatformAdmin_*' },
        StringLike: { 'aws:PrincipalArn': 'arn:aws:iam::111111111111:role/aws-reserved/sso.amazonaws.com/eu-central-1/AWSReservedSSO_PlatformAdmin_*/*' },
        ArnNotLike: { 'aws:PrincipalArn': [
          'arn:aws:iam::111111111111:role/keyless/keyless-*', 'arn:aws:iam::111111111111:role/terraform-deploy', 'arn:aws:iam::111111111111:role/terraform-plan',
        ] },
      },
    });
  });

  test('GIVEN an exclusive bucket and a plan role WHEN built THEN the plan role may read the bucket policy and nothing else', () => {
    expect(statement(policyOf(bundled, 'acme-ledger-archive'), 'DenyPlanRoleBeyondReadingBucketPolicy')).toEqual({
      Sid: 'DenyPlanRoleBeyondReadingBucketPolicy', Effect: 'Deny', Principal: '*',
      NotAction: ['s3:GetBucketPolicy'],
      Resource: BOTH_RESOURCES,
      Condition: { ArnLike: { 'aws:PrincipalArn': 'arn:aws:iam::111111111111:role/terraform-plan' } },
    });
  });

  test('GIVEN an account without deploy role or a bucket that is not exclusive WHEN built THEN no deploy role limit is written', () => {
    expect(policyOf(unseen, 'lake-raw').Statement.map((s) => s.Sid)).toEqual([
      'DenyInsecureTransport', 'DenyPrincipalsOutsideRegistry', 'DenyAppSessionWithoutAppIdTag', 'DenyAppSessionTaggedForAnotherApp', 'DenyAppSessionOutsideNetwork',
    ]);
    expect(policyOf(unseen, 'lake-shared').Statement.map((s) => s.Sid)).toEqual([
      'DenyInsecureTransport', 'DenyAppSessionWithoutAppIdTag', 'DenyAppSessionTaggedForAnotherApp',
    ]);
  });

  test('GIVEN an account with deploy and plan roles and a bucket that is not exclusive WHEN built THEN neither CI role limit is written, the app guardrails are', () => {
    const archive = unseen.buckets.find((b) => b.name === 'archive-cold')!;
    const owner = { ...unseen.accounts.find((a) => a.alias === 'archive')!, planRole: 'arn:aws:iam::666666666666:role/plan' };
    expect(bucketPolicy(archive, owner).Statement.map((s) => s.Sid)).toContain('DenyPlanRoleBeyondReadingBucketPolicy');
    expect(bucketPolicy({ ...archive, exclusive: false }, owner).Statement.map((s) => s.Sid)).toEqual([
      'DenyInsecureTransport', 'DenyAppSessionWithoutAppIdTag', 'DenyAppSessionTaggedForAnotherApp',
    ]);
  });
});
