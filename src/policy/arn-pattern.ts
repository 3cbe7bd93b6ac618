/**
 * Whether `value` matches a StringLike/ArnLike pattern, where `*` is any run and `?` one character; both also match
 * `/`, so a wildcard in a role name reaches roles under deeper paths.
 */
export function matchesPattern(pattern: string, value: string): boolean {
  const regex = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${regex}$`).test(value);
}
