import { trustedPrincipals } from '../../policy/bucket-policy';
import { Registry } from '../../registry/model';
import { AppView, externalIdChange, GrantView, guardView } from './access-view';
import { pairGrants, prefixChange } from './grant-pairs';
import { inlineCode, markdownText } from '../markdown';

/** Something a reviewer must look at first: access that goes away, or access that grows. */
export interface Warning {
  /** `consumer`: the app changes how it proves who it is (ExternalId ↔ certificate), neither losing nor gaining access. */
  readonly kind: 'removed' | 'widened' | 'consumer';
  /** The app or bucket the warning is about. */
  readonly subject: string;
  readonly message: string;
  /** The message as Markdown with app ids as code, when it names several apps; `message` is its plain text. */
  readonly markdown?: string;
}

const where = (bucket: string, prefix: string) => `s3://${bucket}/${prefix}`;
const removed = (subject: string, message: string): Warning => ({ kind: 'removed', subject, message });
const widened = (subject: string, message: string): Warning => ({ kind: 'widened', subject, message });

export function removedAppWarnings(app: AppView): Warning[] {
  const reach = app.grants.map((g) => `${where(g.bucket, g.prefix)} (${g.permissions.join(', ')})`).join('; ');
  return [removed(app.id, `app removed: ${app.principalArn} loses ${reach || 'its access'}`)];
}

/** Changes to one app that remove or widen access; bucket-wide changes are reported once per bucket instead. */
export function changedAppWarnings(before: AppView, after: AppView): Warning[] {
  const out: Warning[] = [];
  const id = after.id;
  const kindChange = consumerKindChange(before, after);
  if (kindChange) {
    out.push(kindChange);
  } else if (before.principalArn !== after.principalArn) {
    out.push(widened(id, `consumer principal changed from ${before.principalArn} to ${after.principalArn}: the new principal can assume the app role`));
  }
  // A move to { env: NAME } with the same value, as the README advises, is no change; unknown values are not flagged.
  if (!kindChange && externalIdChange(before, after) === 'changed') {
    out.push(removed(id, 'ExternalId changed: sessions requested with the old one are refused once applied; roll the new one out to the app together'));
  }
  // SourceIdentity holds an ExternalId consumer's sessions: across a change of kind the consumer warning says it all.
  if (!kindChange) out.push(...sourceIdentityWarnings(id, before, after));
  if (after.maxSessionDuration > before.maxSessionDuration) {
    out.push(widened(id, `max session raised: ${before.maxSessionDuration} s → ${after.maxSessionDuration} s; credentials of a session, leaked ones too, stay valid longer`));
  }
  // Shares are reported once per share by shareWarnings, also for new and removed readers.
  const own = (grants: readonly GrantView[]) => grants.filter((g) => !g.sharedBy);
  for (const { before: b, after: a } of pairGrants(own(before.grants), own(after.grants))) {
    if (b && a) out.push(...grantWarnings(id, b, a));
    else if (b) out.push(removed(id, `no longer reaches ${where(b.bucket, b.prefix)} (${b.permissions.join(', ')})`));
    else if (a) out.push(widened(id, `new access to ${where(a.bucket, a.prefix)} (${a.permissions.join(', ')})`));
  }
  const lostSecrets = before.secrets.filter((s) => !after.secrets.includes(s));
  const newSecrets = after.secrets.filter((s) => !before.secrets.includes(s));
  if (lostSecrets.length) out.push(removed(id, `no longer reads secret ${lostSecrets.join(', ')}`));
  if (newSecrets.length) out.push(widened(id, `now reads secret ${newSecrets.join(', ')}`));
  return out;
}

function sourceIdentityWarnings(id: string, before: AppView, after: AppView): Warning[] {
  if (before.sourceIdentity && !after.sourceIdentity) {
    return [widened(id, `SourceIdentity requirement (${before.sourceIdentity}) removed: any session of the consumer principal with the ExternalId and AppId tag is accepted`)];
  }
  // Whether one StringLike pattern admits more than another is not decidable at a glance: any change is shown.
  if (before.sourceIdentity && after.sourceIdentity && before.sourceIdentity !== after.sourceIdentity) {
    return [widened(id, `SourceIdentity pattern changed: ${before.sourceIdentity} → ${after.sourceIdentity}; sessions whose SourceIdentity matches the new pattern are accepted`)];
  }
  if (!before.sourceIdentity && after.sourceIdentity) {
    return [removed(id, `SourceIdentity now required (${after.sourceIdentity}): sessions without a matching SourceIdentity are refused once applied`)];
  }
  return [];
}

/**
 * A move between an ExternalId consumer and a certificate consumer: the same app reaching the same prefixes, opened
 * another way. Shown as that, with what must be rolled out, instead of as a principal removed and an ExternalId changed.
 */
function consumerKindChange(before: AppView, after: AppView): Warning | undefined {
  const id = after.id;
  if (before.externalId && after.certificateAuthority) {
    return { kind: 'consumer', subject: id, message: `moves from an ExternalId consumer (${before.principalArn}) to a certificate consumer: ` +
      `IAM Roles Anywhere with a certificate of CA ${after.certificateAuthority} whose subject CN is ${id}. Once applied, the role trusts ` +
      `Roles Anywhere only and ${before.principalArn} with the ExternalId no longer opens it: deploy the certificate and the ` +
      `credential_process profile to the app first (npm run onboard -- ${id})` };
  }
  if (before.certificateAuthority && after.externalId) {
    return { kind: 'consumer', subject: id, message: `moves from a certificate consumer (CA ${before.certificateAuthority}) to an ExternalId consumer ` +
      `(${after.principalArn}): once applied, certificates no longer open the role, and whoever holds that principal and the ExternalId does; ` +
      `deliver the ExternalId to the app as a per-service secret first (npm run onboard -- ${id})` };
  }
  return undefined;
}

function grantWarnings(id: string, b: GrantView, a: GrantView): Warning[] {
  const out: Warning[] = [];
  const change = prefixChange(b.prefix, a.prefix);
  if (change === 'widened') out.push(widened(id, `prefix widened on ${a.bucket}: ${b.prefix} → ${a.prefix}`));
  if (change === 'narrowed') out.push(removed(id, `prefix narrowed on ${a.bucket}: ${b.prefix} → ${a.prefix}; objects outside ${a.prefix} are no longer reachable`));
  if (change === 'moved') {
    out.push(removed(id, `no longer reaches ${where(b.bucket, b.prefix)}`), widened(id, `new access to ${where(a.bucket, a.prefix)}`));
  }
  const gained = a.permissions.filter((p) => !b.permissions.includes(p));
  const lost = b.permissions.filter((p) => !a.permissions.includes(p));
  if (gained.length) out.push(widened(id, `new permission on ${where(a.bucket, a.prefix)}: ${gained.join(', ')}`));
  if (lost.length) out.push(removed(id, `permission removed on ${where(a.bucket, a.prefix)}: ${lost.join(', ')}`));
  return out;
}

/** Guardrails that a bucket loses: they loosen access for every app and principal of its account at once. */
export function bucketWarnings(before: Registry, after: Registry): Warning[] {
  const afterBuckets = new Map(after.buckets.map((b) => [b.name, b]));
  const afterAccounts = new Map(after.accounts.map((a) => [a.alias, a]));
  const beforeAccounts = new Map(before.accounts.map((a) => [a.alias, a]));
  return before.buckets.flatMap((old): Warning[] => {
    const now = afterBuckets.get(old.name);
    if (!now) return [removed(old.name, `bucket left the registry: ${KEEPS_LAST_POLICY(old.account)}`)];
    const [g0, g1] = [guardView(old), guardView(now)];
    const out: Warning[] = [];
    if (old.account !== now.account) out.push(widened(old.name, movedBucketMessage(old.account, now.account, appsReaching(after, old.name))));
    out.push(...kmsKeyWarnings(old.name, old.kmsKey, now.kmsKey));
    if (g0.exclusive && !g1.exclusive) out.push(widened(old.name, 'exclusive turned off: principals outside the registry are no longer denied'));
    if (g0.enforceTls && !g1.enforceTls) out.push(widened(old.name, 'enforceTls turned off: plain-HTTP requests are no longer denied'));
    if (g0.network.length && !g1.network.length) out.push(widened(old.name, `network restriction removed (was ${g0.network.join(', ')})`));
    const newSources = g0.network.length ? g1.network.filter((n) => !g0.network.includes(n)) : [];
    if (newSources.length) out.push(widened(old.name, `network restriction now also allows ${newSources.join(', ')}`));
    const owner0 = beforeAccounts.get(old.account);
    const owner1 = afterAccounts.get(now.account);
    if (g1.exclusive && owner0 && owner1) {
      const trusted = trustedPrincipals(owner0);
      const added = trustedPrincipals(owner1).filter((p) => !trusted.includes(p));
      if (added.length) out.push(widened(old.name, `exclusive bucket now also admits ${added.join(', ')}`));
    }
    return out;
  });
}

/**
 * The deploy role may not delete bucket policies (a deleted policy lifts every guardrail), so the workspace that
 * managed the bucket cannot destroy its policy: it must forget it, and the last policy stays on the bucket.
 */
const FORGET_POLICY = (workspace: string) => `before applying, run terraform state rm on its aws_s3_bucket_policy in workspace ${workspace} `
  + '(terraform state list shows the address): the deploy role may not delete bucket policies';
const KEEPS_LAST_POLICY = (workspace: string) => `it keeps its last guardrail policy; ${FORGET_POLICY(workspace)}, `
  + 'so a breakGlass principal or the root deletes the policy if the bucket should lose its guardrails';

/** The old workspace forgets the policy (FORGET_POLICY) and the new one overwrites it. The apps' roles for the bucket are new roles. */
function movedBucketMessage(from: string, to: string, apps: readonly string[]): string {
  const roles = apps.length ? `; the roles of ${apps.join(', ')} for it are now in account ${to}` : '';
  return `bucket moved from account ${from} to ${to}: workspace ${to} writes its guardrail policy; ${FORGET_POLICY(from)}${roles}`;
}

function appsReaching(registry: Registry, bucket: string): string[] {
  return registry.apps.filter((app) => app.access.some((a) => a.bucket === bucket)).map((app) => app.id).sort();
}

/** The key is granted to the bucket's app roles (kms:Decrypt, kms:GenerateDataKey via S3); nothing else uses it. */
function kmsKeyWarnings(bucket: string, before: string | undefined, after: string | undefined): Warning[] {
  const grant = 'app roles that read or write the bucket get kms:Decrypt and kms:GenerateDataKey on';
  if (before === after) return [];
  if (!before) return [widened(bucket, `kmsKey added: ${after}; ${grant} it`)];
  if (!after) return [removed(bucket, `kmsKey removed (was ${before}): app roles no longer get kms:Decrypt and kms:GenerateDataKey on it; objects encrypted with it become unreadable to them`)];
  return [widened(bucket, `kmsKey changed: ${before} → ${after}; ${grant} the new key and lose the old one`)];
}

/** A workspace whose account left the registry is no longer planned: nothing destroys what it deployed. */
export function workspaceWarnings(before: Registry, after: Registry): Warning[] {
  const kept = new Set(after.accounts.map((a) => a.alias));
  return before.accounts
    .filter((a) => !kept.has(a.alias))
    .map((a) => removed(a.alias, `account left the registry: workspace ${a.alias} is no longer planned; run terraform destroy in it to remove what it deployed`));
}

/** A share as the reader's grant holds it: who shares what with whom. */
interface ShareView {
  readonly owner: string;
  readonly reader: string;
  readonly grant: GrantView;
}

/**
 * Shares that appear, go or change between the two sides, whatever happens to the apps around them: a new share
 * widens access even when its reader is a new app. Write or delete through a share is marked.
 */
export function shareWarnings(before: ReadonlyMap<string, AppView>, after: ReadonlyMap<string, AppView>): Warning[] {
  const b = shares(before);
  const a = shares(after);
  const out: Warning[] = [];
  for (const [key, share] of a) {
    const old = b.get(key);
    if (!old) out.push(shareWarning('widened', 'new share', share, share.grant.permissions));
    else {
      const gained = share.grant.permissions.filter((p) => !old.grant.permissions.includes(p));
      const lost = old.grant.permissions.filter((p) => !share.grant.permissions.includes(p));
      if (gained.length) out.push(shareWarning('widened', 'share widened', share, gained));
      if (lost.length) out.push(shareWarning('removed', 'share narrowed', share, lost, 'no longer'));
    }
  }
  for (const [key, share] of b) {
    if (!a.has(key)) out.push(shareWarning('removed', 'share removed', share, share.grant.permissions, 'no longer'));
  }
  return out;
}

function shares(views: ReadonlyMap<string, AppView>): Map<string, ShareView> {
  const out = new Map<string, ShareView>();
  for (const view of views.values()) {
    for (const grant of view.grants) {
      if (grant.sharedBy) out.set(`${grant.sharedBy} ${view.id} ${grant.bucket} ${grant.prefix}`, { owner: grant.sharedBy, reader: view.id, grant });
    }
  }
  return out;
}

/** `new share: `ingest` → `analytics-etl`, read on s3://lake/events/`, with a mark when it lets the reader change objects. */
function shareWarning(kind: Warning['kind'], what: string, { owner, reader, grant }: ShareView, permissions: readonly string[], negation = ''): Warning {
  const changes = permissions.filter((p) => p === 'write' || p === 'delete');
  const mark = changes.length && !negation
    ? ` (allowWrite: ${reader} can ${changes.join(' and ')} objects of ${owner})`
    : '';
  const tail = `, ${negation ? `${negation} ` : ''}${permissions.join(', ')} on ${where(grant.bucket, grant.prefix)}${mark}`;
  return {
    kind,
    subject: reader,
    message: `${what}: ${owner} → ${reader}${tail}`,
    markdown: `${markdownText(`${what}: `)}${inlineCode(owner)} → ${inlineCode(reader)}${markdownText(tail)}`,
  };
}