import { Access, Account, App, Bucket, Registry } from '../registry/model';
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
  /** KMS keys of the buckets this role reads or writes. */
  readonly kmsKeys: readonly string[];
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
      const kmsKeys = access
        .filter((a) => a.permissions.some((p) => p === 'read' || p === 'write'))
        .flatMap((a) => (a.target.kmsKey ? [a.target.kmsKey] : []));
      return [{
        app,
        account,
        name: appRoleName(app.id),
        arn: appRoleArn(account.id, app.id),
        access,
        secrets,
        kmsKeys: [...new Set(kmsKeys)],
      }];
    }),
  );
}
