import { createHash } from 'node:crypto';
import { PolicyDocument } from '../../policy/document';
import { accountRootArn } from '../../policy/naming';
import type { IdentitySource } from './scenario';

/**
 * Stand-ins for what only exists after `terraform apply` (unique ids) or lies outside keyless
 * (callers' addresses, other principals' own permissions, KMS key policies): fixed values, so verify runs offline
 * and gives the same answer every time.
 */

/** The role session name every simulated session uses. */
export const SESSION_NAME = 'keyless-verify';
/** A caller on the internet (TEST-NET-3), where no network restriction applies. */
export const INTERNET_IP = '203.0.113.10';
/** Callers outside a bucket network: TEST-NET-2, TEST-NET-1 and a benchmarking address, whichever its ranges miss. */
export const OUTSIDE_IPS = ['198.51.100.10', '192.0.2.10', '198.18.0.10'] as const;
/** The VPC endpoint a caller inside a `sourceVpc` network goes through, and vice versa. */
export const STAND_IN_VPCE = 'vpce-0keylessverify0';
export const STAND_IN_VPC = 'vpc-0keylessverify0';
/** The object every object scenario reads or writes, below the prefix under test. */
export const OBJECT_NAME = 'keyless-verify.txt';

const UNIQUE_ID_CHARS = 17;

/** A deterministic IAM unique id (`AROA…`, `AIDA…`) for a role or user ARN, as Terraform's `unique_id` would hold. */
export function uniqueId(arn: string): string {
  const prefix = arn.includes(':user/') ? 'AIDA' : 'AROA';
  const digest = createHash('sha256').update(arn).digest('hex').toUpperCase();
  return prefix + digest.slice(0, UNIQUE_ID_CHARS);
}

/** One concrete value matching an IAM wildcard pattern (`*`, `?`), e.g. for a breakGlass ARN pattern. */
export function concreteInstance(pattern: string): string {
  return pattern.replace(/\*/g, 'verify').replace(/\?/g, 'v');
}

export { matchesPattern } from '../../policy/arn-pattern';

/**
 * Principals whose own permissions keyless does not manage (admins, breakGlass, the deploy role, the root, a
 * consumer outside its sessions): assume they may do anything, so that only the policies keyless writes decide.
 */
export const ADMIN_IDENTITY: IdentitySource = {
  kind: 'stand-in',
  name: 'StandInAdministratorAccess',
  policy: { Version: '2012-10-17', Statement: [{ Sid: 'StandInAdministratorAccess', Effect: 'Allow', Action: '*', Resource: '*' }] },
};

/**
 * An external consumer's own account is outside our control: assume it lets the consumer open sessions of
 * its app role, so that only the trust policy keyless writes decides.
 */
export function externalConsumerPolicy(roleArn: string): PolicyDocument {
  return {
    Version: '2012-10-17',
    Statement: [{ Sid: 'StandInExternalAccountAllows', Effect: 'Allow', Action: ['sts:AssumeRole', 'sts:TagSession', 'sts:SetSourceIdentity'], Resource: roleArn }],
  };
}

/**
 * A trust policy someone loosened to trust a whole account, without conditions: whoever in that account its own
 * policies allow may open sessions (a trust policy naming an account delegates to that account's identity policies,
 * IAM User Guide "Cross-account policy evaluation logic"), so the consumer policies keyless writes are what must keep
 * other roles out.
 */
export function loosenedTrustPolicy(accountId: string): PolicyDocument {
  return {
    Version: '2012-10-17',
    Statement: [{
      Sid: 'StandInLoosenedTrust',
      Effect: 'Allow',
      Principal: { AWS: accountRootArn(accountId) },
      Action: ['sts:AssumeRole', 'sts:TagSession', 'sts:SetSourceIdentity'],
    }],
  };
}

/**
 * The key policy of a bucket's KMS key is not managed by keyless: assume the default key policy, which delegates
 * to IAM in the key's account, extended to the account of the app roles that use it.
 */
export function defaultKeyPolicy(accountIds: readonly string[]): PolicyDocument {
  return {
    Version: '2012-10-17',
    Statement: [{
      Sid: 'StandInDefaultKeyPolicy',
      Effect: 'Allow',
      Principal: { AWS: [...new Set(accountIds)].map(accountRootArn) },
      Action: 'kms:*',
      Resource: '*',
    }],
  };
}

/** A trust anchor of the account that no app of the registry uses: another CA's certificates come through it. */
export const OTHER_TRUST_ANCHOR = 'keyless-verify-other-trust-anchor';

/**
 * The ARN `terraform apply` would give a trust anchor, as its `arn` reference resolves in verify: AWS assigns a UUID,
 * so a deterministic UUID-shaped one stands in. Unlike the planned placeholder, so a trust policy left with the
 * placeholder instead of the reference fails verify.
 */
export function trustAnchorStandInArn(region: string, accountId: string, anchorName: string): string {
  const hex = createHash('sha256').update(`${accountId}:${anchorName}`).digest('hex');
  const uuid = [hex.slice(0, 8), hex.slice(8, 12), hex.slice(12, 16), hex.slice(16, 20), hex.slice(20, 32)].join('-');
  return `arn:aws:rolesanywhere:${region}:${accountId}:trust-anchor/${uuid}`;
}
