import { Bucket, KeptStatement, Registry, ServiceGrant } from '../../registry/model';
import { PERMISSIONS } from '../../registry/schema';
import { prefixChange } from './grant-pairs';
import { jsonLineDiff } from './json-diff';
import { Warning } from './warnings';

type Change = 'added' | 'removed' | 'changed';

/** One service grant across the change; a field that changed reads "before → after". */
export interface ServiceRow {
  readonly change: Change;
  readonly service: string;
  readonly prefix: string;
  readonly permissions: string;
  readonly source: string;
}

/** One kept statement across the change, with its JSON as a line diff (`-`, `+`, ` ` prefixed). */
export interface KeptRow {
  readonly change: Change;
  readonly sid: string;
  readonly effect: string;
  readonly diff: string;
}

/** What a pull request changes in a bucket's AWS services and kept statements. */
export interface BucketChange {
  readonly bucket: string;
  readonly services: readonly ServiceRow[];
  readonly kept: readonly KeptRow[];
  readonly warnings: readonly Warning[];
}

/** Buckets whose service grants or kept statements differ, by name; the buckets of both sides are compared. */
export function bucketChanges(before: Registry, after: Registry): BucketChange[] {
  const b = new Map(before.buckets.map((x) => [x.name, x]));
  const a = new Map(after.buckets.map((x) => [x.name, x]));
  return [...new Set([...b.keys(), ...a.keys()])].sort()
    .map((name) => bucketChange(name, b.get(name), a.get(name)))
    .filter((c) => c.services.length || c.kept.length);
}

function bucketChange(name: string, before: Bucket | undefined, after: Bucket | undefined): BucketChange {
  const warnings: Warning[] = [];
  const services = pairServices(before?.services ?? [], after?.services ?? []).flatMap(([b, a]) => {
    const row = serviceRow(b, a);
    if (row) warnings.push(...serviceWarnings(name, b, a));
    return row ? [row] : [];
  });
  const kept = pairKept(before?.keepStatements?.statements ?? [], after?.keepStatements?.statements ?? []).flatMap(([b, a]) => {
    const row = keptRow(b, a);
    if (row) warnings.push(keptWarning(name, row));
    return row ? [row] : [];
  });
  return { bucket: name, services, kept, warnings };
}

/** Grants match by service and prefix, then by service alone in order, so a prefix edit reads as a change. */
function pairServices(before: readonly ServiceGrant[], after: readonly ServiceGrant[]): [ServiceGrant?, ServiceGrant?][] {
  const unmatched = [...after];
  const take = (match: (g: ServiceGrant) => boolean) => {
    const i = unmatched.findIndex(match);
    return i < 0 ? undefined : unmatched.splice(i, 1)[0];
  };
  const exact = before.map((b) => take((a) => a.service === b.service && a.prefix === b.prefix));
  const pairs = before.map((b, i): [ServiceGrant?, ServiceGrant?] => [b, exact[i] ?? take((a) => a.service === b.service)]);
  return [...pairs, ...unmatched.map((a): [ServiceGrant?, ServiceGrant?] => [undefined, a])];
}

function pairKept(before: readonly KeptStatement[], after: readonly KeptStatement[]): [KeptStatement?, KeptStatement?][] {
  const sids = [...new Set([...before.map((k) => k.sid), ...after.map((k) => k.sid)])];
  return sids.map((sid) => [before.find((k) => k.sid === sid), after.find((k) => k.sid === sid)]);
}

const permissionsText = (g: ServiceGrant) => PERMISSIONS.filter((p) => g.permissions.includes(p)).join(', ');
const sourceText = (g: ServiceGrant) =>
  [...g.sourceArn.map((arn) => `aws:SourceArn ${arn}`), ...(g.sourceAccount ? [`aws:SourceAccount ${g.sourceAccount}`] : [])].join(', ');
const versus = (b: string, a: string) => (b === a ? a : `${b} → ${a}`);

function serviceRow(b: ServiceGrant | undefined, a: ServiceGrant | undefined): ServiceRow | undefined {
  const grant = (a ?? b)!;
  if (!b || !a) {
    return { change: a ? 'added' : 'removed', service: grant.service, prefix: grant.prefix, permissions: permissionsText(grant), source: sourceText(grant) };
  }
  const [prefix, permissions, source] = [versus(b.prefix, a.prefix), versus(permissionsText(b), permissionsText(a)), versus(sourceText(b), sourceText(a))];
  if (prefix === a.prefix && permissions === permissionsText(a) && source === sourceText(a)) return undefined;
  return { change: 'changed', service: a.service, prefix, permissions, source };
}

function serviceWarnings(bucket: string, b: ServiceGrant | undefined, a: ServiceGrant | undefined): Warning[] {
  const where = (g: ServiceGrant) => `s3://${bucket}/${g.prefix}`;
  if (!b) return [widened(bucket, `new AWS service grant: ${a!.service} may ${permissionsText(a!)} ${where(a!)} for ${sourceText(a!)}`)];
  if (!a) return [removed(bucket, `AWS service grant removed: ${b.service} can no longer ${permissionsText(b)} ${where(b)}`)];
  const out: Warning[] = [];
  const change = prefixChange(b.prefix, a.prefix);
  if (change === 'widened' || change === 'moved') out.push(widened(bucket, `${a.service} now reaches ${where(a)} (was ${where(b)})`));
  if (change === 'narrowed' || change === 'moved') out.push(removed(bucket, `${a.service} no longer reaches all of ${where(b)} (now ${where(a)})`));
  const gained = a.permissions.filter((p) => !b.permissions.includes(p));
  const lost = b.permissions.filter((p) => !a.permissions.includes(p));
  if (gained.length) out.push(widened(bucket, `new permission for ${a.service} on ${where(a)}: ${gained.join(', ')}`));
  if (lost.length) out.push(removed(bucket, `permission removed for ${a.service} on ${where(a)}: ${lost.join(', ')}`));
  // Whether one ArnLike pattern admits more than another is not decidable at a glance: any change is shown.
  if (sourceText(b) !== sourceText(a)) out.push(widened(bucket, `source condition of ${a.service} changed: ${sourceText(b) || 'none'} → ${sourceText(a) || 'none'}`));
  return out;
}

function keptRow(b: KeptStatement | undefined, a: KeptStatement | undefined): KeptRow | undefined {
  const [before, after] = [b && JSON.stringify(b.statement, null, 2), a && JSON.stringify(a.statement, null, 2)];
  if (before === after) return undefined;
  const kept = (a ?? b)!;
  return { change: !b ? 'added' : !a ? 'removed' : 'changed', sid: kept.sid, effect: String(kept.statement.Effect), diff: jsonLineDiff(before ?? '', after ?? '') };
}

/** A kept Allow that appears or a Deny that goes widens access; the reverse removes it; any other edit is shown as a widening. */
function keptWarning(bucket: string, row: KeptRow): Warning {
  const what = `kept statement ${row.sid} (${row.effect})`;
  if (row.change === 'changed') return widened(bucket, `${what} changed: read its diff below`);
  const grants = (row.effect === 'Allow') === (row.change === 'added');
  const message = `${what} ${row.change}`;
  return grants ? widened(bucket, `${message}: it ${row.effect === 'Allow' ? 'grants' : 'no longer denies'} what it names`)
    : removed(bucket, `${message}: it ${row.effect === 'Allow' ? 'no longer grants' : 'denies'} what it names`);
}

const removed = (subject: string, message: string): Warning => ({ kind: 'removed', subject, message });
const widened = (subject: string, message: string): Warning => ({ kind: 'widened', subject, message });
