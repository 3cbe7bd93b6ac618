import { RolesanywhereProfile } from '@cdktf/provider-aws/lib/rolesanywhere-profile';
import { RolesanywhereTrustAnchor } from '@cdktf/provider-aws/lib/rolesanywhere-trust-anchor';
import { TerraformOutput } from 'cdktf';
import { Construct } from 'constructs';
import { ProfilePlan, TrustAnchorPlan } from '../src/policy/account-plan';
import { mapOutput } from './map-output';
import { sameStackRef } from './same-stack-ref';

export interface RolesAnywhereProps {
  /** One trust anchor per certificate authority of this account. */
  readonly trustAnchors: readonly TrustAnchorPlan[];
  /** The profile listing the certificate consumers' roles; absent when there are none yet. */
  readonly profile?: ProfilePlan;
}

/**
 * IAM Roles Anywhere for certificate consumers: a trust anchor per CA (its public certificate, source type
 * CERTIFICATE_BUNDLE) and one profile that may vend exactly the certificate consumers' roles. The outputs give the
 * ARNs that the apps' credential_process needs; AWS assigns them at creation.
 */
export class RolesAnywhere extends Construct {
  /** Placeholder in trust policies → Terraform reference to the trust anchor's ARN. */
  readonly references = new Map<string, string>();

  constructor(scope: Construct, id: string, props: RolesAnywhereProps) {
    super(scope, id);
    const anchors: Record<string, string> = {};
    for (const plan of props.trustAnchors) {
      const anchor = new RolesanywhereTrustAnchor(this, `trust-anchor-${plan.ca}`, {
        name: plan.name,
        enabled: true,
        source: { sourceType: 'CERTIFICATE_BUNDLE', sourceData: { x509CertificateData: plan.certificate } },
      });
      const arn = sameStackRef(anchor, 'arn');
      this.references.set(plan.arnPlaceholder, arn);
      anchors[plan.ca] = arn;
    }
    if (props.trustAnchors.length) {
      mapOutput(this, 'trust-anchor-arns', {
        value: anchors,
        description: 'Roles Anywhere trust anchor ARN of each certificate authority: aws_signing_helper --trust-anchor-arn',
      }).overrideLogicalId('rolesanywhere_trust_anchor_arns');
    }
    if (props.profile) {
      // acceptRoleSessionName stays off: the session name is the certificate's serial number, set by Roles Anywhere.
      const profile = new RolesanywhereProfile(this, 'profile', {
        name: props.profile.name,
        enabled: true,
        roleArns: [...props.profile.roleArns],
      });
      new TerraformOutput(this, 'profile-arn', {
        value: sameStackRef(profile, 'arn'),
        description: 'Roles Anywhere profile of the certificate consumers\' roles: aws_signing_helper --profile-arn',
      }).overrideLogicalId('rolesanywhere_profile_arn');
    }
  }
}
