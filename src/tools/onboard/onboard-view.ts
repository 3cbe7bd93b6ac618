import { appRoles } from '../../policy/app-roles';
import { ROLE_CHAINING_MAX_SESSION_DURATION } from '../../policy/limits';
import { PERMISSIONS } from '../../registry/schema';
import { Permission, Registry } from '../../registry/model';
import { UserError } from '../user-error';

/** Object key the snippets read or write, under the app's prefix. */
const EXAMPLE_OBJECT = 'example.txt';

/** Where the snippets read a literal ExternalId: a Docker secret's path, also where a Kubernetes Secret can be mounted. */
export function externalIdSecretFile(appId: string): string {
  return `/run/secrets/keyless-${appId}-external-id`;
}

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
  /** For a prefix shared with the app: the app that owns it, its team and its registry file. */
  readonly sharedBy?: { readonly app: string; readonly owner: string; readonly file: string };
  /** The apps this app's prefix is offered to, e.g. `analytics-etl (read, list)`. */
  readonly offeredTo: readonly string[];
}

export interface OnboardRole {
  readonly arn: string;
  /** Alias of the account holding the role and its buckets. */
  readonly workspace: string;
  readonly accountId: string;
  readonly region: string;
  readonly grants: readonly OnboardGrant[];
  /** The grants on prefixes other apps share with this one. */
  readonly shared: readonly OnboardGrant[];
  /** The grants on this app's prefixes that it offers to other apps. */
  readonly offered: readonly OnboardGrant[];
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
  /**
   * Either `env`, the variable the snippets read it from (its value is never in the view), or, for a literal
   * ExternalId, `file`, the mounted secret the snippets read, with `literal`, the value the team puts in it.
   */
  readonly externalId: { readonly env?: string; readonly file?: string; readonly literal?: string };
  readonly sourceIdentity?: { readonly pattern: string; readonly example: string };
  /** The role's MaxSessionDuration. */
  readonly maxSessionDuration: number;
  /** What the snippets request as DurationSeconds: capped for callers that are role sessions. */
  readonly sessionDuration: number;
  /** The caller is (usually) a role session, so assuming the app role is role chaining. */
  readonly roleChaining: boolean;
  /** sessionDuration is below maxSessionDuration because of role chaining. */
  readonly sessionCapped: boolean;
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
        ...(a.from && { sharedBy: sharedBy(registry, a.from) }),
        offeredTo: a.shareWith.map((o) => `${o.app} (${PERMISSIONS.filter((p) => o.permissions.includes(p)).join(', ')})`),
      };
    });
    return {
      arn: role.arn,
      workspace: role.account.alias,
      accountId: role.account.id,
      // The snippets' S3 client talks to the example bucket, whose region may differ from its account's.
      region: role.access[0]?.target.region ?? role.account.region,
      grants,
      shared: grants.filter((g) => g.sharedBy),
      offered: grants.filter((g) => g.offeredTo.length),
      example: grants[0],
      secrets: role.secrets,
    };
  });
  // A role principal calls with role session credentials (an EC2 node role, a task role); a trusted account
  // usually delegates to roles too. Only an IAM user's own keys open an unchained session.
  const roleChaining = app.consumer.principalType !== 'user';
  const sessionDuration = roleChaining ? Math.min(app.maxSessionDuration, ROLE_CHAINING_MAX_SESSION_DURATION) : app.maxSessionDuration;
  return {
    app: { id: app.id, owner: app.owner, description: app.description },
    principalArn: app.consumer.principalArn,
    principalIsAccount: app.consumer.principalType === 'root',
    externalId: app.externalIdEnv ? { env: app.externalIdEnv } : { file: externalIdSecretFile(app.id), literal: app.externalId },
    sourceIdentity: app.sourceIdentity ? { pattern: app.sourceIdentity, example: exampleSourceIdentity(app.sourceIdentity) } : undefined,
    maxSessionDuration: app.maxSessionDuration,
    sessionDuration,
    roleChaining,
    sessionCapped: sessionDuration < app.maxSessionDuration,
    roles,
  };
}

/** A value that matches a StringLike pattern, for the snippets: `*` becomes "prod", `?` becomes "x". */
export function exampleSourceIdentity(pattern: string): string {
  return pattern.replace(/\*/g, 'prod').replace(/\?/g, 'x');
}

function sharedBy(registry: Registry, appId: string): OnboardGrant['sharedBy'] {
  const owner = registry.apps.find((a) => a.id === appId)!;
  return { app: owner.id, owner: owner.owner, file: owner.file };
}
