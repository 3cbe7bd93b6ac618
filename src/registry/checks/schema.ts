import { z } from 'zod';
import { Diagnostic, error } from '../diagnostics';
import { describeField, fieldsAt, JsonSchemaNode } from '../json-schema';
import { closest, didYouMean } from '../suggest';
import { Parsed, YamlPath, YamlSource } from '../yaml-source';

type Issue = z.core.$ZodIssue;

/** Schema: unknown fields (with a suggestion), missing and wrongly typed fields, and every field's format rule. */
export function checkSchema<T>(source: YamlSource, schema: z.ZodType<T>, json: JsonSchemaNode): { parsed?: Parsed<T>; diagnostics: Diagnostic[] } {
  const result = schema.safeParse(source.value);
  if (result.success) return { parsed: { source, data: result.data }, diagnostics: [] };
  const issues = result.error.issues.flatMap((issue) => flattenUnions(issue, source.value));
  const suggested = suggestedFields(issues, json);
  const diagnostics = issues.flatMap((issue) => describeIssue(issue, source, json, suggested));
  return { diagnostics };
}

/** Keeps the union branch that fits the value best: one of the value's type, then the fewest issues. */
function flattenUnions(issue: Issue, root: unknown, prefix: YamlPath = []): Issue[] {
  const path = [...prefix, ...(issue.path as (string | number)[])];
  if (issue.code !== 'invalid_union' || !issue.errors.length) return [{ ...issue, path } as Issue];
  const fitsType = issue.errors.filter((branch) => !branch.some((i) => i.code === 'invalid_type' && i.path.length === 0));
  if (!fitsType.length) {
    // A branch that fails on the value's type stops there: its one issue is that invalid_type.
    const expected = issue.errors.map((branch) => (branch[0] as z.core.$ZodIssueInvalidType).expected);
    return [{ code: 'invalid_type', expected: expected.join(' or '), path, message: '', input: valueAt(root, path) } as Issue];
  }
  const best = fitsType.reduce((a, b) => (b.length < a.length ? b : a));
  return withoutBranchChoice(best, valueAt(root, path)).flatMap((i) => flattenUnions(i, root, path));
}

/**
 * A mapping that names no field the chosen branch knows: its missing fields only say which branch was tried first
 * (`backend: { gcs: {} }` lacks "cloud" as much as "s3"), so only its unknown fields are reported, with the fields
 * of every branch.
 */
function withoutBranchChoice(branch: Issue[], value: unknown): Issue[] {
  const unknown = branch.find((i): i is z.core.$ZodIssueUnrecognizedKeys => i.code === 'unrecognized_keys' && i.path.length === 0);
  if (!unknown || typeof value !== 'object' || value === null || Object.keys(value).some((key) => !unknown.keys.includes(key))) return branch;
  return branch.filter((i) => !(i.code === 'invalid_type' && i.path.length === 1 && !Object.prototype.hasOwnProperty.call(value, i.path[0])));
}

/** Field names offered as "did you mean" for an unknown key, per mapping: their "missing" errors would repeat the typo. */
function suggestedFields(issues: readonly Issue[], json: JsonSchemaNode): Set<string> {
  const suggested = new Set<string>();
  for (const issue of issues) {
    if (issue.code !== 'unrecognized_keys') continue;
    for (const key of issue.keys) {
      const match = closest(key, fieldsAt(json, issue.path as YamlPath));
      if (match) suggested.add(pathKey([...(issue.path as YamlPath), match]));
    }
  }
  return suggested;
}

function describeIssue(issue: Issue, source: YamlSource, json: JsonSchemaNode, suggested: ReadonlySet<string>): Diagnostic[] {
  const path = issue.path as YamlPath;
  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.keys.map((key) => error(source.locate([...path, key], true), unknownField(key, fieldsAt(json, path))));
    case 'invalid_type':
      return wrongType(issue.expected, path, source, json, suggested);
    case 'invalid_value':
      return [error(source.locate(path), unknownValue(path, valueAt(source.value, path), issue.values.map(String)))];
    case 'invalid_key':
      // zod raises invalid_key only with the issues of the key's schema, so there is a first one.
      return [error(source.locate(path, true), `${fieldName(path.slice(0, -1))} key "${String(path[path.length - 1])}" ${issue.issues[0].message}`)];
    default:
      return [error(source.locate(path), `${fieldName(path)} ${issue.message}${found(valueAt(source.value, path))}`)];
  }
}

function unknownField(key: string, known: readonly string[]): string {
  const hint = didYouMean(key, known);
  if (hint) return `unknown field "${key}"${hint}`;
  return known.length ? `unknown field "${key}"; remove it or use one of: ${known.join(', ')}` : `unknown field "${key}"; remove it`;
}

function wrongType(expected: string, path: YamlPath, source: YamlSource, json: JsonSchemaNode, suggested: ReadonlySet<string>): Diagnostic[] {
  const parent = valueAt(source.value, path.slice(0, -1));
  const key = path[path.length - 1];
  // zod reports only paths inside the value it walked: below the top, the parent is a mapping or a list (whose items exist).
  const isMissing = path.length > 0 && !Object.prototype.hasOwnProperty.call(parent, key);
  if (isMissing) {
    if (suggested.has(pathKey(path))) return [];
    const about = describeField(json, path);
    // The field has no node: locate finds the mapping it is missing from.
    return [error(source.locate(path), `missing field "${String(key)}"${about ? ` (${about})` : ''}; add it`)];
  }
  const value = valueAt(source.value, path);
  const want = typeName(expected);
  const written = source.sourceText(path);
  if (expected === 'string' && (typeof value === 'number' || typeof value === 'boolean') && written !== undefined) {
    const reads = String(value) === written ? `as a ${typeof value}` : `as the ${typeof value} ${String(value)}`;
    return [error(source.locate(path), `${fieldName(path)} must be a string, but YAML reads the unquoted ${written} ${reads}; quote it: "${written}"`)];
  }
  if (value === null) return [error(source.locate(path), `${fieldName(path)} has no value; write ${want}`)];
  // zod expects an int only of a number (any other value fails as "expected number" first): show the fraction.
  const shown = expected === 'int' ? String(value) : valueType(value);
  return [error(source.locate(path), `${fieldName(path)} must be ${want}, not ${shown}`)];
}

function unknownValue(path: YamlPath, value: unknown, allowed: readonly string[]): string {
  const shown = typeof value === 'string' ? `"${value}"` : valueType(value);
  const hint = typeof value === 'string' ? didYouMean(value, allowed) : '';
  return `${fieldName(path)} has unknown value ${shown}${hint}; use one of: ${allowed.join(', ')}`;
}

/** ` (found "…")` for scalar values, cut short so a long secret-like value does not flood the output. */
function found(value: unknown): string {
  if (typeof value !== 'string' && typeof value !== 'number') return '';
  const text = String(value);
  return ` (found "${text.length > 40 ? `${text.slice(0, 37)}...` : text}")`;
}

const TYPE_NAMES: Readonly<Record<string, string>> = {
  string: 'a string',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  object: 'a mapping (key: value lines)',
  record: 'a mapping (key: value lines)',
  array: 'a list',
};

function typeName(expected: string): string {
  return expected.split(' or ').map((t) => TYPE_NAMES[t] ?? t).join(' or ');
}

function valueType(value: unknown): string {
  if (value == null) return 'empty';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `a string ("${value.length > 40 ? `${value.slice(0, 37)}...` : value}")`;
  return `a ${typeof value} (${String(value)})`;
}

/** `"access[0].bucket"`: the field as a reader finds it in the file; `the file` for the top level. */
function fieldName(path: YamlPath): string {
  if (!path.length) return 'the file';
  const text = path.map((p, i) => (typeof p === 'number' ? `[${p}]` : /^[\w-]+$/.test(p) ? `${i ? '.' : ''}${p}` : `["${p}"]`)).join('');
  return `"${text}"`;
}

function pathKey(path: YamlPath): string {
  return JSON.stringify(path);
}

/** The value at a path zod reported: it exists up to its parent (a missing field's own value is undefined). */
function valueAt(root: unknown, path: YamlPath): unknown {
  return path.reduce<unknown>((value, segment) => (value as Record<string | number, unknown>)[segment], root);
}
