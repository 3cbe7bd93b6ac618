import { appSessionGuardrails, bucketPolicy, GUARDRAIL_SIDS } from '../../src/policy/bucket-policy';
import { loadRegistry } from '../../src/registry/load';
import { simulate, validatePolicy } from '../../src/tools/verify/simulate';
import { BUNDLED_ROOT } from '../helpers';

const ACCOUNT = '111111111111';
const ROLE = (app: string) => `arn:aws:iam::${ACCOUNT}:role/keyless/keyless-${app}`;
const registry = loadRegistry(BUNDLED_ROOT);
const bucket = registry.buckets.find((b) => b.name === 'assumed-with-external-id')!;
const owner = registry.accounts.find((a) => a.alias === 'data')!;
/** The app role may do anything: only the bucket policy decides. */
const IDENTITY = validatePolicy({ Version: '2012-10-17', Statement: [{ Sid: 'All', Effect: 'Allow', Action: 's3:*', Resource: '*' }] }, 'identity');

/** Reads an object of the bundled Swarm bucket, from inside its VPC, in a session of `role` carrying `tags`. */
async function read(role: string, tags: Record<string, string>, certificateSessions: boolean) {
  const context: Record<string, string> = {
    'aws:PrincipalArn': ROLE(role), 'aws:PrincipalAccount': ACCOUNT, 'aws:userid': `AROAEXAMPLE:${role}`,
    'aws:SecureTransport': 'true', 'aws:SourceVpc': 'vpc-0a1b2c3d4e5f60718', 'aws:SourceVpce': 'vpce-0example',
  };
  for (const [key, value] of Object.entries(tags)) context[`aws:PrincipalTag/${key}`] = value;
  const policy = validatePolicy(bucketPolicy(bucket, owner, { certificateSessions }), 'resource');
  const result = await simulate({
    request: {
      principal: `arn:aws:sts::${ACCOUNT}:assumed-role/keyless-${role}/s`, action: 's3:GetObject', resource: 'arn:aws:s3:::assumed-with-external-id/x',
      resourceAccount: ACCOUNT, context, identity: [], resourcePolicy: { kind: 'none' },
    },
    identityPolicies: [{ name: 'role', policy: IDENTITY }],
    resourcePolicy: policy,
  });
  if ('error' in result) throw new Error(result.error);
  return result.outcome.result === 'Allowed' ? 'Allowed' : result.outcome.denyingSids ?? ['no Allow'];
}

describe('app session guardrails with certificate sessions (ExternalId app swarm-uploader, certificate app swarm-reporter)', () => {
  test.each([
    ['an ExternalId session with its own AppId', 'swarm-uploader', { AppId: 'swarm-uploader' }, 'Allowed'],
    ['a certificate session with its own CN', 'swarm-reporter', { 'x509Subject/CN': 'swarm-reporter' }, 'Allowed'],
    ['a session with neither tag', 'swarm-reporter', {}, [GUARDRAIL_SIDS.sessionWithoutAppIdTag]],
    ['a certificate session with another app\'s CN', 'swarm-reporter', { 'x509Subject/CN': 'finance-export' }, [GUARDRAIL_SIDS.certificateSessionForAnotherApp]],
    ['cross-kind: a certificate session tagged with the ExternalId app\'s id', 'swarm-reporter', { 'x509Subject/CN': 'swarm-uploader' }, [GUARDRAIL_SIDS.certificateSessionForAnotherApp]],
    ['cross-kind: an ExternalId session tagged AppId of the certificate app', 'swarm-uploader', { AppId: 'swarm-reporter' }, [GUARDRAIL_SIDS.sessionTaggedForAnotherApp]],
    ['an ExternalId session that also carries another app\'s CN', 'swarm-uploader', { AppId: 'swarm-uploader', 'x509Subject/CN': 'swarm-reporter' }, [GUARDRAIL_SIDS.certificateSessionForAnotherApp]],
  ])('GIVEN %s WHEN it reads THEN %j', async (_, role, tags, expected) => {
    expect(await read(role, tags, true)).toEqual(expected);
  });

  test('GIVEN an account without a certificate authority WHEN a session carries only a CN tag THEN it is denied as without AppId: CN is not accepted there', async () => {
    expect(await read('swarm-reporter', { 'x509Subject/CN': 'swarm-reporter' }, false)).toEqual([GUARDRAIL_SIDS.sessionWithoutAppIdTag]);
  });

  test('GIVEN certificate sessions WHEN built THEN every statement comparing with a tag variable also requires that tag: an unresolved variable must never decide a Deny', () => {
    for (const { Condition } of appSessionGuardrails(ACCOUNT, { certificateSessions: true })) {
      const text = JSON.stringify(Condition);
      for (const [, tag] of text.matchAll(/\$\{aws:PrincipalTag\/([^}]+)\}/g)) {
        expect(Condition.Null).toMatchObject({ [`aws:PrincipalTag/${tag}`]: 'false' });
      }
    }
  });

  test('GIVEN no certificate authority WHEN built THEN the statements are those of a registry without certificates (no plan diff for existing deployments)', () => {
    expect(appSessionGuardrails(ACCOUNT, { certificateSessions: false })).toEqual([
      { Sid: 'DenyAppSessionWithoutAppIdTag', Condition: { ArnLike: { 'aws:PrincipalArn': `arn:aws:iam::${ACCOUNT}:role/keyless/keyless-*` }, Null: { 'aws:PrincipalTag/AppId': 'true' } } },
      {
        Sid: 'DenyAppSessionTaggedForAnotherApp',
        Condition: {
          ArnLike: { 'aws:PrincipalArn': `arn:aws:iam::${ACCOUNT}:role/keyless/keyless-*` },
          ArnNotLike: { 'aws:PrincipalArn': `arn:aws:iam::${ACCOUNT}:role/keyless/keyless-\${aws:PrincipalTag/AppId}` },
        },
      },
    ]);
  });
});
