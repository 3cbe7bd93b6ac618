import { Diagnostic, warning } from './diagnostics';
import { Registry } from './model';

/**
 * Buckets whose first apply overwrites the live bucket policy unseen: Terraform creates aws_s3_bucket_policy over
 * whatever the bucket has, and every statement keyless does not write (log delivery, CloudFront, an auditor's read)
 * is gone. Silent once the bucket keeps its statements, adopts its policy, or says there is nothing to keep.
 */
export function firstApplyWarnings(registry: Registry): Diagnostic[] {
  return registry.buckets.filter((b) => !b.keepStatements && !b.existingPolicy).map((b) => warning(b.location,
    `bucket "${b.name}" declares neither keepStatements nor existingPolicy: the first apply replaces its whole bucket policy, and every statement ` +
    `keyless does not write is lost; fetch the live one (aws s3api get-bucket-policy --bucket ${b.name} --query Policy --output text > policies/${b.name}.json), ` +
    'keep what it needs with keepStatements: policies/<file>.json and set existingPolicy: adopt, or set existingPolicy: replace if there is nothing to keep'));
}
