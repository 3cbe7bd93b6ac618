import { CONSUMER_ACTIONS } from './actions';
import { policy, PolicyDocument, policySize } from './document';
import { MANAGED_POLICY_MAX_CHARS } from './limits';

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
