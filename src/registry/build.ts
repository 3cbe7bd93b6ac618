import { Diagnostic } from './diagnostics';
import { Account, App, Bucket, Consumer, Registry } from './model';
import { AccountsFile, AppFile } from './schema';
import type { Parsed } from './load';

/** Smallest and largest MaxSessionDuration IAM accepts, in seconds. */
export const MIN_SESSION_DURATION = 3600;
export const MAX_SESSION_DURATION = 43200;

/** Turns schema-checked files into the model, resolving references across files. */
export function buildRegistry(
  root: string,
  accountsFile: Parsed<AccountsFile>,
  appFiles: readonly Parsed<AppFile>[],
  env: NodeJS.ProcessEnv,
): { registry: Registry; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const error = (location: Diagnostic['location'], message: string) => diagnostics.push({ severity: 'error', location, message });
  const { source, data } = accountsFile;

  const accounts: Account[] = Object.entries(data.accounts).map(([alias, a]) => ({
    alias,
    id: a.id,
    region: a.region,
    deployRole: a.deployRole,
    backend: a.backend,
    breakGlass: a.breakGlass ?? [],
    location: source.locate(['accounts', alias], true),
  }));
  const byAlias = new Map(accounts.map((a) => [a.alias, a]));

  const buckets: Bucket[] = Object.entries(data.buckets ?? {}).map(([name, b]) => {
    if (!byAlias.has(b.account)) {
      error(source.locate(['buckets', name, 'account']), `bucket "${name}" is owned by unknown account "${b.account}"; use one of: ${[...byAlias.keys()].join(', ')}`);
    }
    return {
      name,
      account: b.account,
      exclusive: b.exclusive ?? true,
      enforceTls: b.enforceTls ?? true,
      network: b.network && {
        sourceVpc: b.network.sourceVpc ?? [],
        sourceVpce: b.network.sourceVpce ?? [],
        sourceIp: b.network.sourceIp ?? [],
      },
      kmsKey: b.kmsKey,
      location: source.locate(['buckets', name], true),
    };
  });
  const bucketNames = new Set(buckets.map((b) => b.name));

  const apps: App[] = appFiles.map(({ source: s, data: a }) => {
    const consumer = resolveConsumer(a.consumer, byAlias, (path, msg) => error(s.locate(['consumer', ...path]), msg));
    a.access.forEach((acc, i) => {
      if (!bucketNames.has(acc.bucket)) {
        error(s.locate(['access', i, 'bucket']), `unknown bucket "${acc.bucket}"; declare it under "buckets:" in accounts.yaml or use one of: ${[...bucketNames].join(', ')}`);
      }
    });
    const duration = a.maxSessionDuration ?? MIN_SESSION_DURATION;
    if (duration < MIN_SESSION_DURATION || duration > MAX_SESSION_DURATION) {
      error(s.locate(['maxSessionDuration']), `maxSessionDuration ${duration} is outside ${MIN_SESSION_DURATION}..${MAX_SESSION_DURATION} seconds, the range IAM accepts`);
    }
    return {
      id: a.id,
      owner: a.owner,
      description: a.description,
      consumer,
      externalId: resolveExternalId(a.externalId, env, (msg) => error(s.locate(['externalId']), msg)),
      externalIdEnv: typeof a.externalId === 'string' ? undefined : a.externalId.env,
      sourceIdentity: a.sourceIdentity,
      access: a.access.map((acc, i) => ({
        bucket: acc.bucket,
        prefix: normalizePrefix(acc.prefix ?? `${a.id}/`),
        permissions: [...new Set(acc.permissions)],
        location: s.locate(['access', i]),
      })),
      secrets: a.secrets ?? [],
      maxSessionDuration: duration,
      file: s.file,
      location: s.locate(['id']),
    };
  });

  return { registry: { root, accounts, buckets, apps }, diagnostics };
}

/** Prefixes always end in `/` so that `a/` never matches objects of `ab/`. */
function normalizePrefix(prefix: string): string {
  const trimmed = prefix.replace(/^\/+/, '');
  return trimmed === '' || trimmed.endsWith('/') ? trimmed : `${trimmed}/`;
}

function resolveExternalId(value: AppFile['externalId'], env: NodeJS.ProcessEnv, fail: (msg: string) => void): string {
  if (typeof value === 'string') return value;
  const resolved = env[value.env];
  if (resolved === undefined || resolved === '') {
    fail(`externalId reads environment variable ${value.env}, which is not set; export ${value.env}=<secret> before running synth`);
    return '';
  }
  return resolved;
}

function resolveConsumer(
  c: AppFile['consumer'],
  accounts: ReadonlyMap<string, Account>,
  fail: (path: string[], msg: string) => void,
): Consumer {
  const managed = c.account ? accounts.get(c.account) : undefined;
  if (c.account && !managed) {
    fail(['account'], `unknown account "${c.account}"; use an alias from accounts.yaml (${[...accounts.keys()].join(', ')}) or "accountId" for an account outside the registry`);
  }
  if (c.account && c.accountId) fail(['accountId'], 'set either "account" (a registry alias) or "accountId" (an outside account), not both');
  if (!c.account && !c.accountId) fail(['account'], 'consumer needs "account" (a registry alias) or "accountId" (12 digits, quoted)');
  const accountId = managed?.id ?? c.accountId ?? '000000000000';
  const principal = parsePrincipal(c.principal, accountId);
  if (!principal) {
    fail(['principal'], `principal "${c.principal}" is not role/NAME, user/NAME, root or an IAM ARN of account ${accountId}`);
    return { account: c.account, accountId, principalArn: c.principal, principalType: 'root' };
  }
  return { account: c.account, accountId, ...principal };
}

const PRINCIPAL_PATTERN = /^(?:arn:aws[a-z-]*:iam::(\d{12}):)?(root|(role|user)\/((?:[\w+=,.@-]+\/)*([\w+=,.@-]+)))$/;

function parsePrincipal(text: string, accountId: string): Pick<Consumer, 'principalArn' | 'principalType' | 'principalName'> | undefined {
  const m = PRINCIPAL_PATTERN.exec(text);
  if (!m || (m[1] && m[1] !== accountId)) return undefined;
  const [, , resource, type, , name] = m;
  const principalArn = `arn:aws:iam::${accountId}:${resource}`;
  if (resource === 'root') return { principalArn, principalType: 'root' };
  return { principalArn, principalType: type as 'role' | 'user', principalName: name };
}
