import { MIN_SESSION_DURATION } from '../policy/limits';
import { resolveExternalId } from './external-id';
import { CaBundles } from './ca-bundle';
import { Account, App, Bucket, CertificateAuthority, Consumer, KeptStatements, Registry, ServiceGrant } from './model';
import { accessPrefix, normalizePrefix } from './prefix';
import { parsePrincipal } from './principal';
import { AccountsFile, AppFile } from './schema';
import { defaultsSourceAccount } from './services';
import { Parsed } from './yaml-source';

/**
 * Turns checked files into the model, resolving references across files. Runs only after every check
 * passed (validate.ts), so references resolve and values are valid.
 */
export function buildRegistry(
  root: string,
  accountsFile: Parsed<AccountsFile>,
  appFiles: readonly Parsed<AppFile>[],
  env: NodeJS.ProcessEnv,
  bundles: CaBundles,
  kept: ReadonlyMap<string, KeptStatements> = new Map(),
): Registry {
  const { source, data } = accountsFile;
  const accounts: Account[] = Object.entries(data.accounts).map(([alias, a]) => ({
    alias,
    id: a.id,
    region: a.region,
    deployRole: a.deployRole,
    planRole: a.planRole,
    backend: a.backend,
    breakGlass: a.breakGlass ?? [],
    roleQuota: a.roleQuota,
    location: source.locate(['accounts', alias], true),
  }));
  const byAlias = new Map(accounts.map((a) => [a.alias, a]));

  const buckets: Bucket[] = Object.entries(data.buckets ?? {}).map(([name, b]) => ({
    name,
    account: b.account,
    region: b.region ?? byAlias.get(b.account)?.region ?? '',
    exclusive: b.exclusive ?? true,
    enforceTls: b.enforceTls ?? true,
    network: b.network && {
      sourceVpc: b.network.sourceVpc ?? [],
      sourceVpce: b.network.sourceVpce ?? [],
      sourceIp: b.network.sourceIp ?? [],
    },
    kmsKey: b.kmsKey,
    services: (b.services ?? []).map((g, i): ServiceGrant => ({
      service: g.service,
      prefix: normalizePrefix(g.prefix),
      permissions: [...new Set(g.permissions)],
      sourceArn: g.sourceArn === undefined ? [] : [g.sourceArn].flat(),
      sourceAccount: g.sourceAccount ?? (defaultsSourceAccount(g.service) ? byAlias.get(b.account)?.id : undefined),
      location: source.locate(['buckets', name, 'services', i]),
    })),
    keepStatements: kept.get(name),
    existingPolicy: b.existingPolicy,
    location: source.locate(['buckets', name], true),
  }));

  const certificateAuthorities: CertificateAuthority[] = Object.entries(data.certificateAuthorities ?? {}).map(([name, ca]) => ({
    name,
    account: ca.account,
    bundle: ca.bundle,
    pem: bundles.get(name)?.pem ?? '',
    location: source.locate(['certificateAuthorities', name], true),
  }));

  const apps: App[] = appFiles.map(({ source: s, data: a }) => ({
    id: a.id,
    owner: a.owner,
    description: a.description,
    consumer: consumer(a.consumer, byAlias),
    externalId: resolveExternalId(a.externalId, env),
    externalIdEnv: a.externalId === undefined || typeof a.externalId === 'string' ? undefined : a.externalId.env,
    sourceIdentity: a.sourceIdentity,
    access: a.access.map((acc, i) => ({
      bucket: acc.bucket,
      prefix: accessPrefix(a.id, acc),
      permissions: [...new Set(acc.permissions)],
      ...(acc.from && { from: acc.from }),
      shareWith: (acc.shareWith ?? []).map((share, j) => ({
        app: share.app,
        permissions: [...new Set(share.permissions)],
        allowWrite: share.allowWrite ?? false,
        location: s.locate(['access', i, 'shareWith', j]),
      })),
      location: s.locate(['access', i]),
    })),
    secrets: (a.secrets ?? []).map(secretOf),
    secretKeys: (a.secrets ?? []).flatMap((item) => (typeof item === 'string' ? [] : [{ secret: item.arn, kmsKey: item.kmsKey }])),
    maxSessionDuration: a.maxSessionDuration ?? MIN_SESSION_DURATION,
    file: s.file,
    location: s.locate(['id']),
  }));

  const organization = data.organization && {
    account: data.organization.account,
    targets: [...data.organization.targets],
    location: source.locate(['organization'], true),
  };
  return { root, accounts, buckets, certificateAuthorities, apps, ...(organization && { organization }) };
}

function consumer(c: AppFile['consumer'], accounts: ReadonlyMap<string, Account>): Consumer {
  if (c.certificate) return { kind: 'certificate', ca: c.certificate.ca };
  const accountId = (c.account ? accounts.get(c.account)?.id : c.accountId) ?? '';
  const text = c.principal ?? '';
  const principal = parsePrincipal(text, accountId) ?? { principalArn: text, principalType: 'root' as const };
  return { kind: 'principal', account: c.account, accountId, ...principal };
}

/** The ARN of a `secrets` item: the item itself, or its `arn`. */
export function secretOf(item: NonNullable<AppFile['secrets']>[number]): string {
  return typeof item === 'string' ? item : item.arn;
}
