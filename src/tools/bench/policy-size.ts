import { policySize } from '../../policy/document';

/**
 * Size of a policy as IAM and S3 count it against their quotas, from the string Terraform receives:
 * `$${` is Terraform's escape for a literal `${`, and whitespace does not count.
 */
export function iamPolicySize(terraformPolicy: string): number {
  return policySize(JSON.parse(terraformPolicy.replace(/\$\$\{/g, '${')));
}
