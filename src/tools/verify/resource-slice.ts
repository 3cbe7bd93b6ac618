import { isRecord } from '../../registry/collections';
import { isPlainPolicyString } from './plain-string';

/**
 * A policy cut down to the Resource and NotResource entries that can match one request, with the same decision as
 * the whole policy. A node role's consumer policies list hundreds of exact role ARNs, and the organization's RCP
 * lists every keyless bucket; the simulator turns every entry into regular expressions on every request (half of
 * verify's time), although only the entries of the requested role or bucket can match it.
 *
 * An entry is dropped only when it is plain (plain-string.ts), a full ARN without policy variables, and cannot match
 * the way the simulator (iam-simulate `singleResourceMatchesRequest`) matches: partition, service, region and account
 * each as an anchored, case-insensitive pattern (compared here only while they are ASCII letters, digits, `-` and
 * `_`, where lower-casing is exact), then the resource part case-sensitively, from its start up to the first
 * wildcard or variable. For NotResource every reason the simulator gives such an entry for not matching is
 * "invertible", i.e. counts as the request lying outside the entry, exactly as a dropped entry does. Statements stay
 * where they are (the report names them by Sid or index), and a statement whose entries all drop keeps its first
 * one, which does not match either.
 */
export function sliceForResource(document: unknown, resource: string): unknown {
  if (resource.includes('*') || !isRecord(document) || !Array.isArray(document.Statement)) return document;
  const requested = arnParts(resource);
  if (!requested) return document;
  let changed = false;
  const Statement = document.Statement.map((statement: unknown) => {
    if (!isRecord(statement)) return statement;
    const key = Array.isArray(statement.Resource) ? 'Resource' : Array.isArray(statement.NotResource) ? 'NotResource' : undefined;
    const entries = key && (statement[key] as unknown[]);
    if (!key || !entries || entries.length < 2) return statement;
    const kept = entries.filter((entry) => typeof entry !== 'string' || mayMatch(entry, requested));
    if (kept.length === entries.length) return statement;
    changed = true;
    return { ...statement, [key]: kept.length ? kept : [entries[0]] };
  });
  return changed ? { ...document, Statement } : document;
}

/** A full ARN has six colon-separated parts; the simulator pads shorter ones with wildcards or rejects them. */
const ARN_PARTS = 6;
/** An ARN segment before the resource part that the simulator's case-insensitive pattern matches only literally. */
const LITERAL_SEGMENT = /^[A-Za-z0-9_-]*$/;
/** Where the resource part stops being literal: IAM wildcards and policy variables. */
const NOT_LITERAL = /[*?$]/;

interface ArnParts {
  /** arn, partition, service, region, account. */
  readonly head: readonly string[];
  /** Everything after the fifth colon. */
  readonly resource: string;
}

function arnParts(value: string): ArnParts | undefined {
  const parts = value.split(':');
  if (parts.length < ARN_PARTS || parts[0] !== 'arn') return undefined;
  return { head: parts.slice(0, ARN_PARTS - 1), resource: parts.slice(ARN_PARTS - 1).join(':') };
}

function mayMatch(entry: string, requested: ArnParts): boolean {
  const parts = arnParts(entry);
  if (!parts || entry.includes('${') || !isPlainPolicyString(entry)) return true;
  for (let i = 1; i < parts.head.length; i++) {
    if (!LITERAL_SEGMENT.test(parts.head[i])) return true;
    if (parts.head[i].toLowerCase() !== requested.head[i].toLowerCase()) return false;
  }
  const cut = parts.resource.search(NOT_LITERAL);
  return cut === -1 ? parts.resource === requested.resource : requested.resource.startsWith(parts.resource.slice(0, cut));
}
