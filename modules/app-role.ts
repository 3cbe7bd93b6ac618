import { Construct } from 'constructs';
import { RolePlan } from '../src/policy/account-plan';
import { PlainResource } from './plain-resource';
import { policyJson } from './policy-json';

export interface AppRoleProps {
  /** The role as planned from the registry: name, path, trust and permissions. */
  readonly plan: RolePlan;
  /**
   * Terraform references to put in the trust policy in place of planned placeholders (a trust anchor's ARN, which
   * AWS assigns at creation), by placeholder.
   */
  readonly references?: ReadonlyMap<string, string>;
}

/**
 * One app's IAM role in a bucket account (`aws_iam_role`), with its inline permissions (`aws_iam_role_policy`). Both
 * are PlainResources: every argument is known from the plan, and a registry has one of these per app.
 */
export class AppRole extends Construct {
  readonly role: PlainResource;

  constructor(scope: Construct, id: string, props: AppRoleProps) {
    super(scope, id);
    const { plan } = props;
    this.role = new PlainResource(this, 'role', 'aws_iam_role', {
      assume_role_policy: withReferences(policyJson(plan.trustPolicy), props.references),
      description: plan.description,
      max_session_duration: plan.maxSessionDuration,
      name: plan.name,
      path: plan.path,
      tags: { ...plan.tags },
    });
    new PlainResource(this, 'permissions', 'aws_iam_role_policy', {
      name: 'keyless-access',
      // A reference, not the literal name: Terraform creates the role before its policy.
      role: this.role.ref('name'),
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
