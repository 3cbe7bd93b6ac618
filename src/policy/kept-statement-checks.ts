import { Diagnostic, error } from '../registry/diagnostics';
import { Account, Bucket, KeptStatement, Registry } from '../registry/model';
import { ACCOUNT_ID_PATTERN } from '../registry/schema';
import { matchesPattern } from './arn-pattern';
import { GUARDRAIL_SIDS } from './bucket-policy';
import { exclusiveExemptions } from './exclusive-guardrail';
import { accountRootArn, APP_ROLE_NAME_PREFIX, appRoleArn, appRolePattern } from './naming';
import { SERVICE_SID_PATTERN } from './service-grants';

/** A principal a kept Allow names: `*`, an IAM ARN (an account id is its root), a service, or another kind. */
interface Grantee {
  readonly kind: 'AWS' | 'Service' | 'other';
  readonly value: string;
}

/** An app that keyless does not know by name, to test whether a pattern covers app roles in general. */
const ANY_APP = 'keyless-verify-any-app';

/**
 * Kept statements against the policy they join: Sids of their own, no Allow that reaches an app role (in a
 * same-account bucket policy that Allow alone grants, past the role's prefix scoping), and on an exclusive bucket
 * no Allow to a principal the exclusive guardrail denies (it would never take effect).
 */
export function keptStatementDiagnostics(registry: Registry): Diagnostic[] {
  // Every app, not only the bucket's: an app with a role in the bucket account through another bucket (or a later
  // one) would get this bucket too from an Allow to its role.
  const appIds = registry.apps.map((app) => app.id);
  return registry.buckets.flatMap((bucket) => {
    const owner = registry.accounts.find((a) => a.alias === bucket.account)!;
    return (bucket.keepStatements?.statements ?? []).flatMap((kept) => statementProblems(kept, bucket, owner, appIds));
  });
}

function statementProblems(kept: KeptStatement, bucket: Bucket, owner: Account, appIds: readonly string[]): Diagnostic[] {
  const name = `statement "${kept.sid}"`;
  if (Object.values<string>(GUARDRAIL_SIDS).includes(kept.sid) || SERVICE_SID_PATTERN.test(kept.sid)) {
    return [error(kept.location, `${name}: its Sid is one keyless uses for its own statements; rename it, e.g. "Kept${kept.sid}"`)];
  }
  if (kept.statement.Effect !== 'Allow') return [];
  const grantees = granteesOf(kept.statement);
  const appRole = grantees.find((g) => g.kind === 'AWS' && reachesAppRole(g.value, owner, appIds));
  if (appRole) {
    return [error(kept.location,
      `${name} allows ${appRole.value}, which covers keyless app roles (${appRolePattern(owner.id)}): in a same-account bucket policy that Allow ` +
      'alone grants access, past each app role\'s prefix scoping; name the principals it is for instead, or drop the statement and declare the access in apps/')];
  }
  const service = grantees.find((g) => g.kind === 'Service');
  if (service && !holdsSource(kept.statement.Condition)) {
    return [error(kept.location,
      `${name} allows ${service.value} without an aws:SourceArn or aws:SourceAccount condition: the service would act on this bucket for any ` +
      `resource of any account that names it (confused deputy); add the condition, or declare the service under services of bucket "${bucket.name}"`)];
  }
  if (!bucket.exclusive) return [];
  const exempt = exclusiveExemptions(bucket, owner);
  const denied = grantees.find((g) => !(g.kind === 'AWS' && exempt.principalArns.some((p) => matchesPattern(p, g.value)))
    && !(g.kind === 'Service' && exempt.serviceNames.includes(g.value)));
  if (!denied) return [];
  return [error(kept.location,
    `${name} allows ${denied.value}, which DenyPrincipalsOutsideRegistry denies on the exclusive bucket "${bucket.name}", so the statement would never ` +
    `take effect; ${fixes(denied, bucket, owner)}`)];
}

function fixes(denied: Grantee, bucket: Bucket, owner: Account): string {
  const exclusiveOff = `set exclusive: false on bucket "${bucket.name}"`;
  if (denied.kind === 'Service') return `declare ${denied.value} under services of bucket "${bucket.name}" (with its source condition), or ${exclusiveOff}`;
  if (denied.kind === 'AWS' && denied.value.split(':')[4] === owner.id) return `list it in breakGlass of account "${owner.alias}", or ${exclusiveOff}`;
  return `breakGlass takes principals of account ${owner.id} only, so ${exclusiveOff}`;
}

/** Whether a Condition block tests aws:SourceArn or aws:SourceAccount (keys are case-insensitive in IAM). */
function holdsSource(condition: unknown): boolean {
  if (typeof condition !== 'object' || condition === null) return false;
  // An operator's keys: a JSON value other than an object has none that can match (null none, a string its indices).
  return Object.values(condition).some((keys) => Object.keys(keys ?? {}).some((k) => ['aws:sourcearn', 'aws:sourceaccount'].includes(k.toLowerCase())));
}

/** The principals of a statement; a NotPrincipal Allow grants everyone else, as `*`. */
function granteesOf(statement: Readonly<Record<string, unknown>>): Grantee[] {
  if (statement.NotPrincipal !== undefined) return [{ kind: 'AWS', value: '*' }];
  const principal = statement.Principal;
  if (principal === '*') return [{ kind: 'AWS', value: '*' }];
  if (typeof principal !== 'object' || principal === null) return [];
  return Object.entries(principal).flatMap(([kind, values]) => [values].flat().map((v): Grantee => {
    const value = String(v);
    if (kind === 'AWS') return { kind, value: ACCOUNT_ID_PATTERN.test(value) ? accountRootArn(value) : value };
    return { kind: kind === 'Service' ? 'Service' : 'other', value };
  }));
}

/** Whether an AWS principal (ARN or pattern) is or covers an app role of `owner`, or a session of one. */
function reachesAppRole(value: string, owner: Account, appIds: readonly string[]): boolean {
  if (matchesPattern(appRolePattern(owner.id), value)) return true;
  if (matchesPattern(`arn:aws:sts::${owner.id}:assumed-role/${APP_ROLE_NAME_PREFIX}*`, value)) return true;
  return [ANY_APP, ...appIds].some((id) => matchesPattern(value, appRoleArn(owner.id, id))
    || matchesPattern(value, `arn:aws:sts::${owner.id}:assumed-role/${APP_ROLE_NAME_PREFIX}${id}/session`));
}
