import { appRoles } from '../../policy/app-roles';
import { PERMISSIONS } from '../../registry/schema';
import { Bucket, Permission, Registry } from '../../registry/model';
import { envPlaceholder } from '../placeholder-env';

/** What a bucket's guardrail policy enforces for every app that reaches it. */
export interface GuardView {
  readonly exclusive: boolean;
  readonly enforceTls: boolean;
  /** Allowed sources (VPC, VPC endpoint and CIDR ids); empty when the bucket has no network restriction. */
  readonly network: readonly string[];
}

/** One bucket grant of an app, seen from the reviewer's side. */
export interface GrantView {
  /** Account alias of the bucket, which holds the app role: the Terraform workspace. */
  readonly workspace: string;
  readonly roleArn: string;
  readonly bucket: string;
  readonly prefix: string;
  readonly permissions: readonly Permission[];
  readonly guard: GuardView;
  /** The bucket's KMS key when this grant gives the role kms:Decrypt and kms:GenerateDataKey on it. */
  readonly kmsKey?: string;
  /** The app that owns this prefix and shares it with this app; absent for the app's own prefixes. */
  readonly sharedBy?: string;
  /** Offers of this prefix to other apps (they grant nothing until taken), by app id. */
  readonly offers: readonly OfferView[];
}

/** One offer of a prefix to another app. */
export interface OfferView {
  readonly app: string;
  readonly permissions: readonly Permission[];
  readonly allowWrite: boolean;
}

/** An app's effective access on one side of the diff. The ExternalId's value is kept only to compare it. */
export interface AppView {
  readonly id: string;
  readonly owner: string;
  /** Registry alias of the consumer account, or its id for an account outside the registry; `certificate` for a certificate consumer. */
  readonly consumerAccount: string;
  /** Who opens the app's sessions: the consumer principal's ARN, or `certificate CN=<id> of CA <name>`. */
  readonly principalArn: string;
  /** Absent for a certificate consumer. `known`: the value is the real one (literal, or a variable set where review runs), not a placeholder. */
  readonly externalId?: { readonly env?: string; readonly value: string; readonly known: boolean };
  /** The CA of a certificate consumer. */
  readonly certificateAuthority?: string;
  readonly sourceIdentity?: string;
  readonly maxSessionDuration: number;
  readonly secrets: readonly string[];
  readonly grants: readonly GrantView[];
  /** Workspaces holding this app's roles or its consumer policy. */
  readonly workspaces: readonly string[];
}

/** Every app of the registry with what it can reach, through the same role builder synth uses. */
export function appViews(registry: Registry): Map<string, AppView> {
  const roles = appRoles(registry);
  return new Map(registry.apps.map((app) => {
    const own = roles.filter((r) => r.app === app);
    const grants = own.flatMap((role) => role.access.map((a): GrantView => ({
      workspace: role.account.alias,
      roleArn: role.arn,
      bucket: a.bucket,
      prefix: a.prefix,
      permissions: PERMISSIONS.filter((p) => a.permissions.includes(p)),
      guard: guardView(a.target),
      kmsKey: role.kmsGrants.some((g) => g.key === a.target.kmsKey) ? a.target.kmsKey : undefined,
      ...(a.from && { sharedBy: a.from }),
      offers: [...a.shareWith]
        .sort((x, y) => x.app.localeCompare(y.app))
        .map((o) => ({ app: o.app, permissions: PERMISSIONS.filter((p) => o.permissions.includes(p)), allowWrite: o.allowWrite })),
    })));
    const { consumer } = app;
    const consumerWorkspace = consumer.kind === 'principal' && consumer.account ? [consumer.account] : [];
    const workspaces = [...own.map((r) => r.account.alias), ...consumerWorkspace];
    const view: AppView = {
      id: app.id,
      owner: app.owner,
      ...(consumer.kind === 'principal'
        ? {
          consumerAccount: consumer.account ?? consumer.accountId,
          principalArn: consumer.principalArn,
          externalId: {
            env: app.externalIdEnv,
            value: app.externalId ?? '',
            known: !app.externalIdEnv || app.externalId !== envPlaceholder(app.externalIdEnv),
          },
        }
        : { consumerAccount: 'certificate', principalArn: certificatePrincipal(app.id, consumer.ca), certificateAuthority: consumer.ca }),
      sourceIdentity: app.sourceIdentity,
      maxSessionDuration: app.maxSessionDuration,
      secrets: [...app.secrets].sort(),
      grants,
      workspaces: [...new Set(workspaces)].sort(),
    };
    return [app.id, view];
  }));
}

/** How review names a certificate consumer where it names a principal. */
export function certificatePrincipal(appId: string, ca: string): string {
  return `certificate CN=${appId} of CA ${ca}`;
}

export function guardView(bucket: Bucket): GuardView {
  const n = bucket.network;
  return {
    exclusive: bucket.exclusive,
    enforceTls: bucket.enforceTls,
    network: n ? [...n.sourceVpc, ...n.sourceVpce, ...n.sourceIp] : [],
  };
}

/** Whether an app's ExternalId value changed: `unknown` when a side reads an environment variable that is not set here. */
export function externalIdChange(before: AppView, after: AppView): 'same' | 'changed' | 'unknown' {
  // A certificate consumer has none: a move between kinds is reported as such (warnings.ts), not as a changed value.
  if (!before.externalId || !after.externalId || before.externalId.value === after.externalId.value) return 'same';
  return before.externalId.known && after.externalId.known ? 'changed' : 'unknown';
}
