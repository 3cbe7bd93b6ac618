import { AppView, GrantView, GuardView, OfferView } from './access-view';
import { pairGrants } from './grant-pairs';

export type RowChange = 'added' | 'removed' | 'changed' | 'same';

/** One line of an app's before → after table; a missing side is absent on that side. */
export interface Row {
  readonly field: string;
  readonly before?: string;
  readonly after?: string;
  readonly change: RowChange;
}

/** The table of one app. Never contains an ExternalId's value: only where it comes from and whether it changed. */
export function appRows(before: AppView | undefined, after: AppView | undefined): Row[] {
  const rows: Row[] = [];
  const add = (field: string, get: (v: AppView) => string | undefined) => {
    const row = makeRow(field, before && get(before), after && get(after));
    if (row) rows.push(row);
  };
  add('owner', (v) => v.owner);
  add('consumer account', (v) => v.consumerAccount);
  add('consumer principal', (v) => v.principalArn);
  rows.push(externalIdRow(before, after));
  add('SourceIdentity', (v) => v.sourceIdentity);
  add('max session (s)', (v) => String(v.maxSessionDuration));
  add('secrets', (v) => (v.secrets.length ? v.secrets.join(', ') : undefined));
  for (const pair of pairGrants(before?.grants ?? [], after?.grants ?? [])) {
    const bucket = (pair.after ?? pair.before)!.bucket;
    const grant = (field: string, get: (g: GrantView) => string) => {
      const row = makeRow(`${bucket}: ${field}`, pair.before && get(pair.before), pair.after && get(pair.after));
      if (row) rows.push(row);
    };
    grant('role', (g) => g.roleArn);
    grant('prefix', (g) => g.prefix);
    grant('permissions', (g) => g.permissions.join(', '));
    grant('guardrails', (g) => guardText(g.guard));
    const shared = makeRow(`${bucket}: shared by`, pair.before?.sharedBy, pair.after?.sharedBy);
    if (shared) rows.push(shared);
    const offers = (g?: GrantView) => (g?.offers.length ? g.offers.map(offerText).join('; ') : undefined);
    const offered = makeRow(`${bucket}: shared with`, offers(pair.before), offers(pair.after));
    if (offered) rows.push(offered);
    // Only when a side has a key, so tables of buckets without SSE-KMS stay as they were.
    const kms = makeRow(`${bucket}: KMS key`, pair.before?.kmsKey, pair.after?.kmsKey);
    if (kms) rows.push(kms);
  }
  return rows;
}

function makeRow(field: string, before: string | undefined, after: string | undefined): Row | undefined {
  if (before === undefined && after === undefined) return undefined;
  const change: RowChange = before === undefined ? 'added' : after === undefined ? 'removed' : before === after ? 'same' : 'changed';
  return { field, before, after, change };
}

function externalIdRow(before: AppView | undefined, after: AppView | undefined): Row {
  const text = (v: AppView) => (v.externalId.env ? `read from env ${v.externalId.env}` : 'set in registry');
  const b = before && text(before);
  let a = after && text(after);
  const valueChanged = before && after && before.externalId.value !== after.externalId.value;
  if (valueChanged && a === b) a = `${a} (new value)`;
  return makeRow('ExternalId', b, a)!;
}

export function guardText(guard: GuardView): string {
  return [
    guard.exclusive ? 'exclusive' : 'not exclusive',
    guard.enforceTls ? 'TLS only' : 'TLS not enforced',
    guard.network.length ? `network: ${guard.network.join(', ')}` : 'any network',
  ].join(' · ');
}

/** `analytics-etl (read, list)`; an offer of write or delete says that the owner allowed it. */
function offerText(offer: OfferView): string {
  return `${offer.app} (${offer.permissions.join(', ')}${offer.allowWrite ? '; allowWrite' : ''})`;
}
