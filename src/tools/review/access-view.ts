import { appRoles } from '../../policy/app-roles';
import { PERMISSIONS } from '../../registry/schema';
import { Bucket, Permission, Registry } from '../../registry/model';

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
  /** Registry alias of the consumer account, or its id for an account outside the registry. */
  readonly consumerAccount: string;
  readonly principalArn: string;
  readonly externalId: { readonly env?: string; readonly value: string };
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
    const workspaces = [...own.map((r) => r.account.alias), ...(app.consumer.account ? [app.consumer.account] : [])];
    const view: AppView = {
      id: app.id,
      owner: app.owner,
      consumerAccount: app.consumer.account ?? app.consumer.accountId,
      principalArn: app.consumer.principalArn,
      externalId: { env: app.externalIdEnv, value: app.externalId },
      sourceIdentity: app.sourceIdentity,
      maxSessionDuration: app.maxSessionDuration,
      secrets: [...app.secrets].sort(),
      grants,
      workspaces: [...new Set(workspaces)].sort(),
    };
    return [app.id, view];
  }));
}

export function guardView(bucket: Bucket): GuardView {
  const n = bucket.network;
  return {
    exclusive: bucket.exclusive,
    enforceTls: bucket.enforceTls,
    network: n ? [...n.sourceVpc, ...n.sourceVpce, ...n.sourceIp] : [],
  };
}
