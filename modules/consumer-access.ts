import { IamPolicy } from '@cdktf/provider-aws/lib/iam-policy';
import { IamRolePolicyAttachment } from '@cdktf/provider-aws/lib/iam-role-policy-attachment';
import { IamUserPolicyAttachment } from '@cdktf/provider-aws/lib/iam-user-policy-attachment';
import { TerraformOutput } from 'cdktf';
import { Construct } from 'constructs';
import { ConsumerPlan } from '../src/policy/account-plan';
import { APP_ROLE_PATH } from '../src/policy/naming';
import { PrincipalConsumer } from '../src/registry/model';
import { policyJson } from './policy-json';

/** `role-NAME`, `user-NAME` or `root`: unique per account, since a role and a user may share a name. */
export function consumerKey(principal: PrincipalConsumer): string {
  return principal.principalName ? `${principal.principalType}-${principal.principalName}` : 'root';
}

export interface ConsumerAccessProps {
  /** The consumer principal and the managed policies it needs. */
  readonly plan: ConsumerPlan;
}

/**
 * Lets an existing role or user of a workload account assume its app roles. An account root cannot hold
 * policies: its policies are created unattached, for the account's admins to attach where they delegate.
 */
export class ConsumerAccess extends Construct {
  constructor(scope: Construct, id: string, props: ConsumerAccessProps) {
    super(scope, id);
    const { principal, policies, policyNames } = props.plan;
    policies.forEach((doc, i) => {
      const managed = new IamPolicy(this, `policy-${i + 1}`, {
        name: policyNames[i],
        path: APP_ROLE_PATH,
        description: `keyless: lets ${principal.principalArn} assume its app roles`,
        policy: policyJson(doc),
      });
      if (principal.principalType === 'role') {
        new IamRolePolicyAttachment(this, `attach-${i + 1}`, { role: principal.principalName!, policyArn: managed.arn });
      } else if (principal.principalType === 'user') {
        new IamUserPolicyAttachment(this, `attach-${i + 1}`, { user: principal.principalName!, policyArn: managed.arn });
      } else {
        new TerraformOutput(this, `unattached-${i + 1}`, {
          value: managed.arn,
          description: 'Attach this policy to the identities of this account that open app sessions (the account root cannot hold policies)',
        });
      }
    });
  }
}
