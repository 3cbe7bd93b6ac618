import { S3BucketPolicy } from '@cdktf/provider-aws/lib/s3-bucket-policy';
import { Construct } from 'constructs';
import { BucketPolicyPlan } from '../src/policy/account-plan';
import { policyJson } from './policy-json';

export interface BucketGuardProps {
  /** The bucket's Deny-only guardrail policy. */
  readonly plan: BucketPolicyPlan;
}

/**
 * Owns the bucket policy of an existing bucket: replaces whatever policy it had, or, with `adopt`, first imports it
 * (a Terraform import block, id = the bucket name), so the first plan shows an in-place update of the live policy.
 */
export class BucketGuard extends Construct {
  constructor(scope: Construct, id: string, props: BucketGuardProps) {
    super(scope, id);
    const { bucket, region, policy, adopt } = props.plan;
    const resource = new S3BucketPolicy(this, 'policy', { bucket, region, policy: policyJson(policy) });
    if (adopt) resource.importFrom(bucket);
  }
}
