import { S3BucketPolicy } from '@cdktf/provider-aws/lib/s3-bucket-policy';
import { Construct } from 'constructs';
import { BucketPolicyPlan } from '../src/policy/account-plan';
import { policyJson } from './policy-json';

export interface BucketGuardProps {
  /** The bucket's Deny-only guardrail policy. */
  readonly plan: BucketPolicyPlan;
}

/** Owns the bucket policy of an existing bucket: replaces whatever policy it had. */
export class BucketGuard extends Construct {
  constructor(scope: Construct, id: string, props: BucketGuardProps) {
    super(scope, id);
    const { bucket, region, policy } = props.plan;
    new S3BucketPolicy(this, 'policy', { bucket, region, policy: policyJson(policy) });
  }
}
