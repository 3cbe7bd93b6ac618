import { OrganizationsPolicy } from '@cdktf/provider-aws/lib/organizations-policy';
import { OrganizationsPolicyAttachment } from '@cdktf/provider-aws/lib/organizations-policy-attachment';
import { Construct } from 'constructs';
import { OrganizationPlan } from '../src/policy/account-plan';
import { PolicyDocument } from '../src/policy/document';
import { policyJson } from './policy-json';

export interface OrganizationGuardrailsProps {
  /** The resource and service control policies and where they are attached. */
  readonly plan: OrganizationPlan;
}

const KINDS = [
  { type: 'RESOURCE_CONTROL_POLICY', id: 'rcp', name: 'keyless-bucket-guardrails', what: 'the keyless bucket guardrails, for every keyless bucket' },
  { type: 'SERVICE_CONTROL_POLICY', id: 'scp', name: 'keyless-protect-roles-and-bucket-policies', what: 'only the deploy role changes keyless roles, CI and breakGlass roles and keyless bucket policies' },
] as const;

/**
 * The organization guardrails (aws_organizations_policy of types RESOURCE_CONTROL_POLICY and SERVICE_CONTROL_POLICY,
 * terraform-provider-aws), each attached to every target. Applied in the management account or by the delegated
 * policy administrator.
 */
export class OrganizationGuardrails extends Construct {
  constructor(scope: Construct, id: string, props: OrganizationGuardrailsProps) {
    super(scope, id);
    const { plan } = props;
    const docs: Record<(typeof KINDS)[number]['id'], readonly PolicyDocument[]> = {
      rcp: plan.resourceControlPolicies,
      scp: plan.serviceControlPolicies,
    };
    for (const kind of KINDS) {
      docs[kind.id].forEach((doc, i) => {
        const suffix = docs[kind.id].length > 1 ? `-${i + 1}` : '';
        const created = new OrganizationsPolicy(this, `${kind.id}-${i + 1}`, {
          name: `${kind.name}${suffix}`,
          type: kind.type,
          description: `keyless: ${kind.what}`,
          content: policyJson(doc),
        });
        for (const target of plan.targets) {
          new OrganizationsPolicyAttachment(this, `${kind.id}-${i + 1}-${target}`, { policyId: created.id, targetId: target });
        }
      });
    }
  }
}
