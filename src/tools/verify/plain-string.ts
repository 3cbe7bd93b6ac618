/**
 * Whether a policy string is plain enough that the simulator can neither read it as a regular expression with a
 * meaning of its own nor fail on it: ASCII letters, digits and `-_./:*?@=,` and spaces, plus policy variables
 * `${…}` of such characters. The simulator puts ARN segments into `new RegExp('^' + segment + '$', 'i')` unescaped,
 * so `|`, `(`, `{0}`, a leading `+` and the like change what matches or throw, and its `i` flag folds case unlike
 * `toLowerCase` outside ASCII. A cut of a policy (resource-slice.ts, action-slice.ts) only drops plain strings, so
 * it can neither change a match nor remove an error the whole policy raises.
 */
export function isPlainPolicyString(value: string): boolean {
  return PLAIN.test(value.replace(VARIABLE, ''));
}

const VARIABLE = /\$\{[A-Za-z0-9:/_.-]*\}/g;
const PLAIN = /^[A-Za-z0-9\-_./:*?@=, ]*$/;

/** Every string inside `value`, at any depth. */
export function stringsIn(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringsIn);
  if (typeof value === 'object' && value !== null) return Object.entries(value).flatMap(([k, v]) => [k, ...stringsIn(v)]);
  return [];
}
