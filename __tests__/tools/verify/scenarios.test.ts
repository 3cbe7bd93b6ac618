import { bucketPolicy, GUARDRAIL_SIDS } from '../../../src/policy/bucket-policy';
import { loadRegistry } from '../../../src/registry/load';
import { Bucket, Registry } from '../../../src/registry/model';
import { fromOutsideNetwork } from '../../../src/tools/verify/network';
import { Scenario } from '../../../src/tools/verify/scenario';
import { deriveScenarios } from '../../../src/tools/verify/scenarios';
import { writeRegistry } from '../../helpers';
import { ACCOUNTS, APPS } from './registry-fixture';

let registry: Registry;
let scenarios: Scenario[];

beforeAll(() => {
  registry = loadRegistry(writeRegistry(ACCOUNTS, APPS), {});
  scenarios = deriveScenarios(registry);
});

function find(name: string, app?: string): Scenario {
  const found = scenarios.find((s) => s.scenario === name && s.app === app);
  if (!found) throw new Error(`no scenario "${name}" for ${app}: ${scenarios.filter((s) => s.app === app).map((s) => s.scenario).join(' | ')}`);
  return found;
}

describe('deriveScenarios', () => {
  it('GIVEN a bucket that is neither exclusive nor TLS-only WHEN derived THEN outside admins and plain HTTP are expected to be allowed', () => {
    expect(find('an admin of account store outside the registry: s3:GetObject').expected).toBe('Allowed');
    expect(find('read s3://open/node-app/ over plain HTTP', 'node-app').expected).toBe('Allowed');
    expect(find('an admin of account store2 outside the registry: s3:PutBucketPolicy').expected).toBe('Denied');
  });

  it('GIVEN an app with buckets in two accounts WHEN derived THEN its trust scenarios say which account role they are about', () => {
    expect(find('[store] AssumeRole with its ExternalId and AppId tag and SourceIdentity', 'node-app').requests[0].resource)
      .toBe('arn:aws:iam::111111111111:role/keyless/keyless-node-app');
    expect(find('[store2] AssumeRole with its ExternalId and AppId tag and SourceIdentity', 'node-app').requests[0].resource)
      .toBe('arn:aws:iam::222222222222:role/keyless/keyless-node-app');
  });

  it('GIVEN a SourceIdentity pattern that accepts anything WHEN derived THEN there is no non-matching scenario but a missing one', () => {
    const names = scenarios.filter((s) => s.app === 'node-app').map((s) => s.scenario);

    expect(names).toContain('[store] AssumeRole without a SourceIdentity');
    expect(names.some((n) => n.includes('non-matching SourceIdentity'))).toBe(false);
  });

  it('GIVEN a consumer account root WHEN derived THEN a delegate holding the unattached policies assumes, and another principal holds nothing', () => {
    const assume = find('[store] AssumeRole with its ExternalId and AppId tag and SourceIdentity', 'node-app').requests[0];
    const other = find('[store] AssumeRole by another principal of the consumer account', 'node-app').requests[0];

    expect(assume.principal).toBe('arn:aws:sts::333333333333:assumed-role/keyless-verify-delegate/keyless-verify');
    expect(assume.identity).toEqual([{ kind: 'unattached', accountId: '333333333333' }]);
    expect(other.identity).toEqual([]);
  });

  it('GIVEN an external consumer role WHEN derived THEN its account is assumed to allow it and another principal of it is an admin', () => {
    const assume = find('AssumeRole with its ExternalId and AppId tag', 'partner').requests[0];
    const other = find('AssumeRole by another principal of the consumer account', 'partner').requests[0];

    expect(assume.identity).toEqual([expect.objectContaining({ kind: 'stand-in', name: 'StandInExternalAccountAllows' })]);
    expect(other.identity).toEqual([expect.objectContaining({ kind: 'stand-in', name: 'StandInAdministratorAccess' })]);
  });

  it('GIVEN two apps in one bucket WHEN derived THEN each is denied the other\'s prefix', () => {
    expect(find("read under partner's prefix s3://open/partner/", 'node-app').expected).toBe('Denied');
    for (const action of ['s3:PutObject', 's3:AbortMultipartUpload', 's3:ListMultipartUploadParts']) {
      expect(find(`write under node-app's prefix s3://open/node-app/: ${action}`, 'partner').expected).toBe('Denied');
    }
  });

  it('GIVEN a network by source IP WHEN derived THEN inside requests come from that CIDR and outside ones from elsewhere', () => {
    const inside = find('write under its prefix s3://locked/node-app/', 'node-app').requests[0];
    const outside = find('write s3://locked/node-app/ from outside the bucket network', 'node-app').requests[0];

    expect(inside.context['aws:SourceIp']).toBe('192.0.2.0');
    expect(outside.context['aws:SourceIp']).not.toBe('192.0.2.0');
  });

  it('GIVEN any scenario WHEN derived THEN every request spells out the principal and transport keys', () => {
    const requests = scenarios.flatMap((s) => s.requests);
    for (const request of requests.filter((r) => !r.principal.endsWith('.amazonaws.com'))) {
      expect(Object.keys(request.context)).toEqual(expect.arrayContaining(['aws:PrincipalArn', 'aws:PrincipalAccount', 'aws:userid', 'aws:SecureTransport']));
    }
  });

  it('GIVEN a request by an AWS service WHEN derived THEN it carries the service keys AWS sets, and no aws:PrincipalArn', () => {
    const service = scenarios.flatMap((s) => s.requests).filter((r) => r.principal.endsWith('.amazonaws.com'));

    expect(service.length).toBeGreaterThan(0);
    for (const request of service) {
      expect(request.context).toMatchObject({ 'aws:PrincipalServiceName': request.principal, 'aws:PrincipalIsAWSService': 'true', 'aws:SecureTransport': 'true' });
      expect(request.context['aws:PrincipalArn']).toBeUndefined();
      expect(request.identity).toEqual([]);
    }
  });

  it('GIVEN a call with an extra tag WHEN derived THEN it needs AssumeRole and TagSession, each with only its own keys', () => {
    const [assume, tag, setSourceIdentity] = find('[store] AssumeRole with an extra session tag key (Team)', 'node-app').requests;

    expect([assume.action, tag.action, setSourceIdentity.action]).toEqual(['sts:AssumeRole', 'sts:TagSession', 'sts:SetSourceIdentity']);
    expect(assume.context).toMatchObject({ 'sts:ExternalId': 'node-app-external-id-1', 'aws:TagKeys': ['AppId', 'Team'], 'sts:SourceIdentity': 'verify' });
    expect(Object.keys(tag.context).filter((k) => k.startsWith('sts:'))).toEqual([]);
    expect(Object.keys(setSourceIdentity.context).filter((k) => !k.startsWith('aws:'))).toEqual(['sts:SourceIdentity']);
  });

  it('GIVEN an apps filter WHEN derived THEN only that app and the buckets it uses remain', () => {
    const filtered = deriveScenarios(registry, { apps: ['partner'] });

    expect(new Set(filtered.map((s) => s.app ?? `bucket:${s.bucket}`))).toEqual(new Set(['partner', 'bucket:open']));
  });

  it('GIVEN an exclusive, TLS-only, network-bound bucket of an account with a deploy role WHEN derived THEN each guardrail scenario expects its own Deny statement', () => {
    const expectations = [
      ['write s3://locked/node-app/ over plain HTTP', 'node-app', 'DenyInsecureTransport'],
      ['write s3://locked/node-app/ from outside the bucket network', 'node-app', 'DenyAppSessionOutsideNetwork'],
      ['write s3://locked/node-app/ in a session without the AppId tag', 'node-app', 'DenyAppSessionWithoutAppIdTag'],
      ['write s3://locked/node-app/ in a session tagged for another app', 'node-app', 'DenyAppSessionTaggedForAnotherApp'],
      ['an admin of account store2 outside the registry: s3:GetObject', undefined, 'DenyPrincipalsOutsideRegistry'],
      ['an admin of account store2 outside the registry: s3:PutBucketPolicy', undefined, 'DenyPrincipalsOutsideRegistry'],
      ['deploy role arn:aws:iam::222222222222:role/deploy reads objects: s3:GetObject', undefined, 'DenyDeployRoleBeyondBucketPolicy'],
    ] as const;

    for (const [name, app, sid] of expectations) {
      expect([name, find(name, app).expected, find(name, app).expectedSid]).toEqual([name, 'Denied', sid]);
    }
  });

  it('GIVEN any scenario WHEN derived THEN only bucket-policy denials name a guardrail, and trust or identity denials name none', () => {
    const guarded = scenarios.filter((s) => s.expectedSid !== undefined);

    expect(guarded.every((s) => s.expected === 'Denied' && s.requests.every((r) => r.resourcePolicy.kind === 'bucket'))).toBe(true);
    expect(find('[store] AssumeRole without the AppId tag', 'node-app').expectedSid).toBeUndefined();
    expect(find('read under its prefix s3://open/node-app/', 'node-app').expectedSid).toBeUndefined();
    expect(find("read under partner's prefix s3://open/partner/", 'node-app').expectedSid).toBeUndefined();
    expect(find('write s3://locked/node-app/ as the consumer principal directly, without assuming', 'node-app').expectedSid).toBeUndefined();
  });

  it('GIVEN a bucket that is neither exclusive nor TLS-only WHEN derived THEN its admin and plain HTTP scenarios expect access and no guardrail', () => {
    for (const s of [find('an admin of account store outside the registry: s3:GetObject'), find('read s3://open/node-app/ over plain HTTP', 'node-app')]) {
      expect([s.expected, s.expectedSid]).toEqual(['Allowed', undefined]);
    }
  });
});

describe('breakGlass wildcards', () => {
  it('GIVEN a breakGlass pattern WHEN derived THEN a role its first wildcard reaches only across a path is expected to be denied by its own statement', () => {
    const s = find('arn:aws:iam::222222222222:role/ops-/-admin*, which matches breakGlass arn:aws:iam::222222222222:role/ops-?-admin* only across a path: s3:GetObject');

    expect([s.expected, s.expectedSid, s.requests[0].context['aws:PrincipalArn']])
      .toEqual(['Denied', 'DenyBreakGlassWildcardAcrossPath1', 'arn:aws:iam::222222222222:role/ops-/-adminverify']);
  });

  it('GIVEN the deploy and plan roles WHEN derived THEN on an exclusive bucket neither may delete the bucket policy', () => {
    expect(find('deploy role arn:aws:iam::222222222222:role/deploy deletes the bucket policy: s3:DeleteBucketPolicy'))
      .toMatchObject({ expected: 'Denied', expectedSid: 'DenyDeployRoleBeyondBucketPolicy' });
  });

  it('GIVEN an app without SourceIdentity WHEN derived THEN a chained call passing an upstream SourceIdentity is expected to be allowed', () => {
    const s = find('AssumeRole from a session that already carries a SourceIdentity (role chaining)', 'partner');

    expect(s.expected).toBe('Allowed');
    expect(s.requests.map((r) => r.action)).toEqual(['sts:AssumeRole', 'sts:TagSession', 'sts:SetSourceIdentity']);
  });
});

describe('GUARDRAIL_SIDS', () => {
  it('GIVEN a bucket with every guardrail WHEN its policy is built THEN its Deny statements are exactly the Sids verify expects', () => {
    const locked = registry.buckets.find((b) => b.name === 'locked')!;
    const owner = registry.accounts.find((a) => a.alias === locked.account)!;

    // Numbered per wildcard breakGlass entry.
    const sids = bucketPolicy(locked, owner, { certificateSessions: true }).Statement.map((s) => s.Sid.replace(/\d+$/, ''));

    expect(new Set(sids)).toEqual(new Set(Object.values(GUARDRAIL_SIDS)));
  });
});

describe('fromOutsideNetwork', () => {
  const bucket = (sourceIp: string[]): Bucket => ({ ...registry.buckets[0], network: { sourceVpc: [], sourceVpce: [], sourceIp } });

  test('GIVEN a bucket network that lists the first stand-in address WHEN a caller from outside is made THEN it comes from an address the network does not cover', () => {
    // Found by the property test: a registry allowing 198.51.100.0/24 made "from outside the network" an inside call.
    expect(fromOutsideNetwork(bucket(['198.51.100.0/24']))['aws:SourceIp']).toBe('192.0.2.10');
    expect(fromOutsideNetwork(bucket(['198.51.100.0/24', '192.0.2.0/24']))['aws:SourceIp']).toBe('198.18.0.10');
    expect(fromOutsideNetwork(bucket(['203.0.113.0/24']))['aws:SourceIp']).toBe('198.51.100.10');
  });
});

describe('the consumer reaching the bucket directly', () => {
  const sameAccount = (exclusive: boolean) => loadRegistry(writeRegistry(`
accounts:
  work: { id: "333333333333", region: eu-central-1 }
buckets:
  logs: { account: work, exclusive: ${exclusive} }
`, { batch: 'id: batch\nowner: t\nconsumer: { account: work, principal: role/node }\nexternalId: batch-external-id-0123\naccess:\n  - { bucket: logs, permissions: [list] }\n' }), {});
  const direct = (r: Registry) => deriveScenarios(r).filter((s) => s.scenario.includes('as the consumer principal directly'));

  test('GIVEN a shared bucket of the consumer\'s own account WHEN scenarios are derived THEN its own IAM decides: allowed, and said so', () => {
    // Found by the property test: a same-account consumer of a shared bucket was expected to be denied.
    expect(direct(sameAccount(false)).map((s) => [s.scenario, s.expected])).toEqual([
      ['list s3://logs/batch/ as the consumer principal directly, without assuming (shared bucket of its own account: its IAM decides)', 'Allowed'],
    ]);
  });

  test('GIVEN an exclusive bucket of the consumer\'s own account WHEN scenarios are derived THEN the direct call is denied', () => {
    expect(direct(sameAccount(true)).map((s) => s.expected)).toEqual(['Denied']);
  });
});
