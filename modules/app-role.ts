import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { Construct } from 'constructs';
import { RolePlan } from '../src/policy/account-plan';
import { policyJson } from './policy-json';
import { sameStackRef } from './same-stack-ref';

export interface AppRoleProps {
  /** The role as planned from the registry: name, path, trust and permissions. */
  readonly plan: RolePlan;
  /**
   * Terraform references to put in the trust policy in place of planned placeholders (a trust anchor's ARN, which
   * AWS assigns at creation), by placeholder.
   */
  readonly references?: ReadonlyMap<string, string>;
}

/** One app's IAM role in a bucket account, with its inline permissions. */
export class AppRole extends Construct {
  readonly role: IamRole;

  constructor(scope: Construct, id: string, props: AppRoleProps) {
    super(scope, id);
    const { plan } = props;
    this.role = new IamRole(this, 'role', {
      name: plan.name,
      path: plan.path,
      description: plan.description,
      maxSessionDuration: plan.maxSessionDuration,
      assumeRolePolicy: withReferences(policyJson(plan.trustPolicy), props.references),
      tags: { ...plan.tags },
    });
    new IamRolePolicy(this, 'permissions', {
      name: 'keyless-access',
      role: sameStackRef(this.role, 'name'),
      policy: policyJson(plan.permissionsPolicy),
    });
  }
}

/** Swaps each placeholder for its Terraform reference, after escaping: the reference must stay an interpolation. */
function withReferences(json: string, references: ReadonlyMap<string, string> = new Map()): string {
  let out = json;
  for (const [placeholder, reference] of references) out = out.split(placeholder).join(reference);
  return out;
}
