import { PolicyDocument } from '../src/policy/document';

/**
 * A policy as the literal JSON string Terraform receives. IAM variables such as `${aws:PrincipalTag/AppId}`
 * are escaped as `$${…}`, and `%{` (a template directive, possible in kept statements) as `%%{`: unescaped,
 * Terraform reads them as template syntax and `plan` fails.
 * (A replacer function, because `$$` in a replacement string means a single `$`.)
 */
export function policyJson(doc: PolicyDocument): string {
  return JSON.stringify(doc).replace(/([$%])\{/g, (_, sign: string) => `${sign}${sign}{`);
}
