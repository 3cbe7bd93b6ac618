import { appRoles } from '../../policy/app-roles';
import { PERMISSIONS } from '../../registry/schema';
import { Permission, Registry } from '../../registry/model';
import { UserError } from '../user-error';

/** Object key the snippets read or write, under the app's prefix. */
const EXAMPLE_OBJECT = 'example.txt';

export interface OnboardGrant {
  readonly bucket: string;
  readonly prefix: string;
  readonly permissions: readonly Permission[];
  /** One flag per permission, for templates that show one call each. */
  readonly read: boolean;
  readonly write: boolean;
  readonly delete: boolean;
  readonly list: boolean;
  readonly exampleKey: string;
  /** `s3://bucket/<exampleKey>` and `s3://bucket/<prefix>`, for the CLI. */
  readonly objectUri: string;
  readonly prefixUri: string;
}

export interface OnboardRole {
  readonly arn: string;
  /** Alias of the account holding the role and its buckets. */
  readonly workspace: string;
  readonly accountId: string;
  readonly region: string;
  readonly grants: readonly OnboardGrant[];
  /** The grant the code examples use. */
  readonly example?: OnboardGrant;
  readonly secrets: readonly string[];
}

/** What templates/onboard.md.hbs receives. */
export interface OnboardView {
  readonly app: { readonly id: string; readonly owner: string; readonly description?: string };
  readonly principalArn: string;
  /** The role trusts a whole account: its admins decide which of their identities may call AssumeRole. */
  readonly principalIsAccount: boolean;
  /** Exactly one is set: the literal value from the registry, or the variable that holds it. */
  readonly externalId: { readonly literal?: string; readonly env?: string };
  readonly sourceIdentity?: { readonly pattern: string; readonly example: string };
  readonly maxSessionDuration: number;
  readonly roles: readonly OnboardRole[];
}

/** The onboarding facts of one app; its ExternalId only when the registry holds it literally. */
export function onboardView(registry: Registry, appId: string): OnboardView {
  const app = registry.apps.find((a) => a.id === appId);
  if (!app) {
    const known = registry.apps.map((a) => a.id).sort();
    throw new UserError(`unknown app "${appId}"; known apps: ${known.length ? known.join(', ') : 'none (apps/ is empty)'}`);
  }
  const roles = appRoles(registry).filter((r) => r.app === app).map((role): OnboardRole => {
    const grants = role.access.map((a): OnboardGrant => {
      const has = (p: Permission) => a.permissions.includes(p);
      return {
        bucket: a.bucket,
        prefix: a.prefix,
        permissions: PERMISSIONS.filter(has),
        read: has('read'),
        write: has('write'),
        delete: has('delete'),
        list: has('list'),
        exampleKey: `${a.prefix}${EXAMPLE_OBJECT}`,
        objectUri: `s3://${a.bucket}/${a.prefix}${EXAMPLE_OBJECT}`,
        prefixUri: `s3://${a.bucket}/${a.prefix}`,
      };
    });
    return {
      arn: role.arn,
      workspace: role.account.alias,
      accountId: role.account.id,
      region: role.account.region,
      grants,
      example: grants[0],
      secrets: role.secrets,
    };
  });
  return {
    app: { id: app.id, owner: app.owner, description: app.description },
    principalArn: app.consumer.principalArn,
    principalIsAccount: app.consumer.principalType === 'root',
    externalId: app.externalIdEnv ? { env: app.externalIdEnv } : { literal: app.externalId },
    sourceIdentity: app.sourceIdentity ? { pattern: app.sourceIdentity, example: exampleSourceIdentity(app.sourceIdentity) } : undefined,
    maxSessionDuration: app.maxSessionDuration,
    roles,
  };
}

/** A value that matches a StringLike pattern, for the snippets: `*` becomes "prod", `?` becomes "x". */
export function exampleSourceIdentity(pattern: string): string {
  return pattern.replace(/\*/g, 'prod').replace(/\?/g, 'x');
}
