import { isRecord } from '../../registry/collections';
import { isPlainPolicyString, stringsIn } from './plain-string';

/**
 * A policy without the statements whose Action cannot name one request's action, with the same decision as the
 * whole policy. The simulator evaluates every statement's resources and conditions even when its action does not
 * match: the organization's SCP and RCP and each bucket policy hold many statements about actions a request is not.
 *
 * A statement goes only when it has an Action (NotAction statements stay) and none of its entries may match: an
 * entry may match unless its service differs from the request's, or the literal start of its action part (up to
 * the first wildcard or regular-expression character) is not the start of the request's action, even ignoring
 * case; the simulator (iam-simulate `requestMatchesSingleAction`) compares services exactly and matches the action
 * part as an anchored case-insensitive pattern. The simulator still evaluates a dropped statement's resources and
 * conditions, and a string it cannot turn into a regular expression makes the whole simulation fail: only statements
 * whose every string is plain (plain-string.ts) go. The report names statements by Sid, or by index when they have
 * none, so a policy is cut only when each of its statements has a Sid; one that would lose every statement keeps
 * its first, which does not match either.
 */
export function sliceForAction(document: unknown, action: string): unknown {
  if (!isRecord(document) || !Array.isArray(document.Statement) || document.Statement.length < 2) return document;
  if (!document.Statement.every((s: unknown) => isRecord(s) && typeof s.Sid === 'string')) return document;
  const [service, name] = splitAction(action);
  const kept = document.Statement.filter((statement: Record<string, unknown>) => {
    const entries = typeof statement.Action === 'string' ? [statement.Action] : statement.Action;
    if (!Array.isArray(entries) || entries.some((entry) => typeof entry !== 'string' || mayMatch(entry, service, name))) return true;
    return !stringsIn(statement).every(isPlainPolicyString);
  });
  if (kept.length === document.Statement.length) return document;
  return { ...document, Statement: kept.length ? kept : [document.Statement[0]] };
}

/** Where an action part stops being a literal: IAM wildcards, and characters the simulator leaves unescaped. */
const NOT_LITERAL = /[*?.+^$()[\]{}|\\]/;

function mayMatch(entry: string, service: string, name: string): boolean {
  if (entry === '*' || !entry.includes(':')) return true;
  const [entryService, entryName] = splitAction(entry);
  if (entryService !== service) return NOT_LITERAL.test(entryService);
  const cut = entryName.search(NOT_LITERAL);
  return cut === -1 ? entryName === name : name.startsWith(entryName.slice(0, cut));
}

/** Service and action part, lower-cased: `s3:GetObject` → ['s3', 'getobject']. */
function splitAction(action: string): [string, string] {
  const colon = action.indexOf(':');
  return [action.slice(0, colon).toLowerCase(), action.slice(colon + 1).toLowerCase()];
}
