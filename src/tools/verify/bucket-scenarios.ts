import { accountRootArn, bucketArn, iamRoleArn } from '../../policy/naming';
import { Account, Bucket } from '../../registry/model';
import { Actor, actorFor } from './actor';
import { GUARDRAIL_SIDS } from '../../policy/bucket-policy';
import { BUCKET_POLICY_DELETE_ACTION } from '../../policy/actions';
import { ORGANIZATION_SIDS } from '../../policy/organization-policies';
import { FROM_INTERNET } from './network';
import { requestBy } from './request';
import { Scenario } from './scenario';
import { ADMIN_IDENTITY, OBJECT_NAME } from './stand-ins';

/** An administrator of the bucket's account that the registry does not know. */
const OUTSIDE_ADMIN_ROLE = 'keyless-verify-account-admin';
/** Reading data, and managing the bucket policy itself: nobody trusted may lose either. */
const GUARDED_ACTIONS = ['s3:GetObject', 's3:PutBucketPolicy'] as const;
/** What the deploy role needs to apply the bucket policy; on an exclusive bucket it gets nothing else. */
const DEPLOY_ACTIONS = ['s3:GetBucketPolicy', 's3:PutBucketPolicy'] as const;

/**
 * Who besides app sessions may use a bucket: breakGlass and root always, other admins only when not exclusive,
 * the deploy role always for the bucket policy and the plan role for reading it, and on an exclusive bucket
 * neither for anything else.
 */
export function bucketScenarios(bucket: Bucket, owner: Account, governedBySCP = false): Scenario[] {
  const trusted: [string, string][] = [
    ...owner.breakGlass.map((arn): [string, string] => [`breakGlass ${arn}`, arn]),
    ['account root', accountRootArn(owner.id)],
  ];
  const outsider = actorFor(iamRoleArn(owner.id, OUTSIDE_ADMIN_ROLE), [ADMIN_IDENTITY]);
  // With the organization's SCP, nobody but the deploy role, breakGlass and root changes a keyless bucket policy.
  const policyChange = (action: string, sid: string): Expectation =>
    (bucket.exclusive || !governedBySCP || action !== 's3:PutBucketPolicy' ? deniedWhenExclusive(bucket, sid) : BY_SCP);
  return [
    ...GUARDED_ACTIONS.map((action) => scenario(bucket, owner, `an admin of account ${owner.alias} outside the registry: ${action}`,
      policyChange(action, GUARDRAIL_SIDS.principalsOutsideRegistry), outsider, action)),
    ...(governedBySCP ? [scenario(bucket, owner, `an admin of account ${owner.alias} outside the registry deletes the bucket policy: ${BUCKET_POLICY_DELETE_ACTION} (SCP)`,
      BY_SCP, outsider, BUCKET_POLICY_DELETE_ACTION)] : []),
    ...trusted.flatMap(([who, arn]) =>
      GUARDED_ACTIONS.map((action) => scenario(bucket, owner, `${who} is never locked out: ${action}`, ALLOWED, actorFor(arn, [ADMIN_IDENTITY]), action))),
    ...owner.breakGlass.filter((entry) => /[*?]/.test(entry)).flatMap((entry, i) => {
      const deeper = beyondPath(entry);
      return scenario(bucket, owner, `${deeper}, which matches breakGlass ${entry} only across a path: s3:GetObject`,
        deniedWhenExclusive(bucket, `${GUARDRAIL_SIDS.breakGlassWildcardAcrossPath}${i + 1}`), actorFor(deeper, [ADMIN_IDENTITY]), 's3:GetObject');
    }),
    ...(owner.deployRole ? deployRoleScenarios(bucket, owner, actorFor(owner.deployRole, [ADMIN_IDENTITY])) : []),
    ...(owner.planRole ? planRoleScenarios(bucket, owner, actorFor(owner.planRole, [ADMIN_IDENTITY]), policyChange) : []),
  ];
}

/** The stand-in gives the plan role full rights in its account, so only the bucket policy keeps it read-only here. */
function planRoleScenarios(bucket: Bucket, owner: Account, planRole: Actor, policyChange: (action: string, sid: string) => Expectation): Scenario[] {
  const who = `plan role ${owner.planRole}`;
  const denied = deniedWhenExclusive(bucket, GUARDRAIL_SIDS.planRoleBeyondReadingBucketPolicy);
  return [
    scenario(bucket, owner, `${who} reads the bucket policy: s3:GetBucketPolicy`, ALLOWED, planRole, 's3:GetBucketPolicy'),
    scenario(bucket, owner, `${who} changes the bucket policy: s3:PutBucketPolicy`,
      policyChange('s3:PutBucketPolicy', GUARDRAIL_SIDS.planRoleBeyondReadingBucketPolicy), planRole, 's3:PutBucketPolicy'),
    scenario(bucket, owner, `${who} reads objects: s3:GetObject`, denied, planRole, 's3:GetObject'),
  ];
}

function deployRoleScenarios(bucket: Bucket, owner: Account, deployRole: Actor): Scenario[] {
  const who = `deploy role ${owner.deployRole}`;
  return [
    ...DEPLOY_ACTIONS.map((action) => scenario(bucket, owner, `${who} keeps managing the bucket policy: ${action}`, ALLOWED, deployRole, action)),
    scenario(bucket, owner, `${who} reads objects: s3:GetObject`,
      deniedWhenExclusive(bucket, GUARDRAIL_SIDS.deployRoleBeyondBucketPolicy), deployRole, 's3:GetObject'),
    // Deleting the policy would lift every guardrail at once, and read the data in the next call.
    scenario(bucket, owner, `${who} deletes the bucket policy: ${BUCKET_POLICY_DELETE_ACTION}`,
      deniedWhenExclusive(bucket, GUARDRAIL_SIDS.deployRoleBeyondBucketPolicy), deployRole, BUCKET_POLICY_DELETE_ACTION),
  ];
}

/** A principal the pattern matches only because its first wildcard spans a `/`: a role under a deeper path. */
function beyondPath(pattern: string): string {
  return pattern.replace(/[*?]/, (w) => (w === '*' ? 'verify/attacker' : '/'));
}

type Expectation = Pick<Scenario, 'expected' | 'expectedSid'>;

const ALLOWED: Expectation = { expected: 'Allowed' };
const BY_SCP: Expectation = { expected: 'Denied', expectedSid: ORGANIZATION_SIDS.bucketPolicyChanges };

/** Denied by the guardrail `sid` on an exclusive bucket; allowed on a shared one, where the account's IAM decides. */
function deniedWhenExclusive(bucket: Bucket, sid: string): Expectation {
  return bucket.exclusive ? { expected: 'Denied', expectedSid: sid } : ALLOWED;
}

function scenario(bucket: Bucket, owner: Account, name: string, expectation: Expectation, actor: Actor, action: string): Scenario {
  const resource = action === 's3:GetObject' ? `${bucketArn(bucket.name)}/${OBJECT_NAME}` : bucketArn(bucket.name);
  const request = requestBy(actor, {
    action, resource, resourceAccount: owner.id, resourcePolicy: { kind: 'bucket', bucket: bucket.name }, network: FROM_INTERNET,
  });
  return { bucket: bucket.name, scenario: name, ...expectation, requests: [request] };
}
