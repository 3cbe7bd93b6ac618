import { PolicyDocument } from '../src/policy/document';

/**
 * A policy as the literal JSON string Terraform receives. IAM variables such as `${aws:PrincipalTag/AppId}`
 * are escaped as `$${…}`: unescaped, Terraform reads them as interpolations and `plan` fails.
 * (A replacer function, because `$$` in a replacement string means a single `$`.)
 */
export function policyJson(doc: PolicyDocument): string {
  return JSON.stringify(doc).replace(/\$\{/g, () => '$${');
}
