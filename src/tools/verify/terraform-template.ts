/**
 * Terraform JSON strings are templates: `${expr}` interpolates, `%{…}` is a directive, and `$${` / `%%{` are the
 * literal `${` / `%{` (which is how IAM policy variables such as `$${aws:PrincipalTag/AppId}` reach AWS intact).
 */

/** The stand-in value of a Terraform expression such as `aws_iam_role.x.arn`, or undefined when it has none. */
export type Lookup = (expression: string) => string | undefined;

export interface Rendered {
  /** The string as AWS would receive it; meaningful only when there are no errors. */
  readonly value: string;
  readonly errors: readonly string[];
}

const ESCAPES = ['$${', '%%{'];
const OPENERS = ['${', '%{'];

/** Renders a template, replacing each interpolation by its stand-in and unescaping `$${` → `${`. */
export function renderTemplate(text: string, lookup: Lookup): Rendered {
  let value = '';
  const errors: string[] = [];
  let i = 0;
  while (i < text.length) {
    const two = text.slice(i, i + 2);
    if (ESCAPES.includes(text.slice(i, i + 3))) {
      value += `${text[i]}{`;
      i += 3;
    } else if (OPENERS.includes(two)) {
      const end = text.indexOf('}', i + 2);
      const close = end < 0 ? text.length : end;
      const expression = text.slice(i + 2, close).trim();
      const resolved = two === '${' && end >= 0 ? lookup(expression) : undefined;
      if (resolved === undefined) errors.push(unresolvable(two, expression));
      value += resolved ?? '';
      i = close + 1;
    } else {
      value += text[i];
      i += 1;
    }
  }
  return { value, errors };
}

function unresolvable(opener: string, expression: string): string {
  const written = `${opener}${expression}}`;
  if (/^[a-z0-9-]+:/i.test(expression)) {
    // `aws:…`, `s3:…`, `sts:…` are IAM policy variables that lost their escape: `terraform plan` rejects them.
    return `unescaped IAM policy variable "${written}" is a Terraform interpolation; write it as "$${written}"`;
  }
  if (opener === '%{') return `Terraform template directive "${written}" cannot be evaluated offline; build the policy without it`;
  return (
    `unresolvable Terraform reference "${written}"; verify resolves aws_iam_role.<name>.arn|name|unique_id|id, ` +
    `aws_iam_policy.<name>.arn|name|id and data.aws_caller_identity.<name>.account_id|id of the same stack`
  );
}
