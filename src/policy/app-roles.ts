import { Access, Account, App, Bucket, Registry, SecretKey } from '../registry/model';
import { KMS_ACTIONS } from './actions';
import { appRoleArn, appRoleName, arnAccount } from './naming';

/** One bucket grant of an app role, with the bucket it names. */
export interface RoleAccess extends Access {
  readonly target: Bucket;
}

/** An app's role in one account: where its buckets (or secrets) are. */
export interface AppRole {
  readonly app: App;
  readonly account: Account;
  readonly name: string;
  readonly arn: string;
  readonly access: readonly RoleAccess[];
  readonly secrets: readonly string[];
  /** The KMS keys of the buckets this role reads or writes, with what S3 needs of each for its permissions. */
  readonly kmsGrants: readonly KmsGrant[];
  /** Customer managed keys of this role's secrets, each with the secrets it encrypts. */
  readonly secretKeyGrants: readonly SecretKeyGrant[];
}

export interface SecretKeyGrant {
  readonly key: string;
  readonly secrets: readonly string[];
}

export interface KmsGrant {
  readonly key: string;
  readonly actions: readonly string[];
}

/** Every app role of the registry: one per app and account holding its buckets or secrets. */
export function appRoles(registry: Registry): AppRole[] {
  const buckets = new Map(registry.buckets.map((b) => [b.name, b]));
  return registry.apps.flatMap((app) =>
    registry.accounts.flatMap((account) => {
      const access = app.access
        .map((a) => ({ ...a, target: buckets.get(a.bucket)! }))
        .filter((a) => a.target.account === account.alias);
      const secrets = app.secrets.filter((s) => arnAccount(s) === account.id);
      if (!access.length && !secrets.length) return [];
      return [{
        app,
        account,
        name: appRoleName(app.id),
        arn: appRoleArn(account.id, app.id),
        access,
        secrets,
        kmsGrants: kmsGrants(access),
        secretKeyGrants: secretKeyGrants(app.secretKeys.filter((k) => secrets.includes(k.secret))),
      }];
    }),
  );
}

/** One grant per key, merging what every access through that key needs. */
function kmsGrants(access: readonly RoleAccess[]): KmsGrant[] {
  const byKey = new Map<string, Set<string>>();
  for (const a of access) {
    if (!a.target.kmsKey) continue;
    const actions = a.permissions.flatMap((p) => KMS_ACTIONS[p] ?? []);
    if (!actions.length) continue;
    const merged = byKey.get(a.target.kmsKey) ?? new Set<string>();
    actions.forEach((x) => merged.add(x));
    byKey.set(a.target.kmsKey, merged);
  }
  return [...byKey].map(([key, actions]) => ({ key, actions: [...actions].sort() }));
}

/** One grant per key, listing the secrets it encrypts. */
function secretKeyGrants(keys: readonly SecretKey[]): SecretKeyGrant[] {
  const byKey = new Map<string, string[]>();
  for (const { secret, kmsKey } of keys) byKey.set(kmsKey, [...(byKey.get(kmsKey) ?? []), secret]);
  return [...byKey].map(([key, secrets]) => ({ key, secrets }));
}
