import { CONSUMER_ACTIONS } from './actions';
import { policy, PolicyDocument, policySize } from './document';
import { MANAGED_POLICIES_PER_PRINCIPAL, MANAGED_POLICY_MAX_CHARS } from './limits';
import { appRolePathPattern, arnAccount, CONSUMER_TAG } from './naming';

/**
 * What one consumer principal gets: exact role ARNs while they fit in MANAGED_POLICIES_PER_PRINCIPAL managed
 * policies, else one policy of constant size by role tag.
 */
export function consumerAccessPolicies(principalArn: string, roleArns: readonly string[]): PolicyDocument[] {
  const exact = consumerPolicies(roleArns);
  return exact.length <= MANAGED_POLICIES_PER_PRINCIPAL ? exact : [consumerTagPolicy(principalArn, roleArns)];
}

/**
 * Policies that let one consumer principal open sessions of exactly the app roles it consumes.
 * Each is a managed policy within MANAGED_POLICY_MAX_CHARS, so a node role hosting hundreds of apps
 * gets several small policies instead of one inline policy over the 10240-character role quota.
 */
export function consumerPolicies(roleArns: readonly string[]): PolicyDocument[] {
  const chunks: string[][] = [];
  let current: string[] = [];
  for (const arn of [...new Set(roleArns)].sort()) {
    if (current.length && policySize(consumerPolicy([...current, arn])) > MANAGED_POLICY_MAX_CHARS) {
      chunks.push(current);
      current = [];
    }
    current.push(arn);
  }
  if (current.length) chunks.push(current);
  return chunks.map(consumerPolicy);
}

function consumerPolicy(roleArns: readonly string[]): PolicyDocument {
  return policy({ Sid: 'OpenKeylessAppSessions', Effect: 'Allow', Action: [...CONSUMER_ACTIONS], Resource: [...roleArns] });
}

const TAG_POLICY_SID = 'OpenKeylessAppSessionsByTag';

/** Whether `doc` is a consumerTagPolicy: its principal then reaches whatever app role is tagged for it. */
export function opensByTag(doc: PolicyDocument): boolean {
  return doc.Statement.some((s) => s.Sid === TAG_POLICY_SID);
}

/**
 * One statement of constant size: the consumer actions on the app roles of the bucket accounts only (one Resource per
 * account), and only on roles whose CONSUMER_TAG names this principal. sts:AssumeRole, sts:TagSession and
 * sts:SetSourceIdentity act on the `role` resource type, which takes aws:ResourceTag/${TagKey} ("Actions, resources,
 * and condition keys for AWS Security Token Service", Service Authorization Reference). A principal still reaches only
 * the roles registered for it, and each role's trust policy still holds it to that app's ExternalId and AppId tag;
 * whoever can tag keyless roles can extend this policy's reach, so only the deploy role may (README, security model).
 */
export function consumerTagPolicy(principalArn: string, roleArns: readonly string[]): PolicyDocument {
  const accounts = [...new Set(roleArns.map((arn) => arnAccount(arn)!))].sort();
  return policy({
    Sid: TAG_POLICY_SID,
    Effect: 'Allow',
    Action: [...CONSUMER_ACTIONS],
    Resource: accounts.map(appRolePathPattern),
    Condition: { StringEquals: { [`aws:ResourceTag/${CONSUMER_TAG}`]: principalArn } },
  });
}
