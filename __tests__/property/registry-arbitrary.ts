import fc from 'fast-check';
import { stringify } from 'yaml';
import { formatDiagnostic } from '../../src/registry/diagnostics';
import { CheckedRegistry, validateRegistry } from '../../src/registry/validate';

/**
 * fast-check arbitraries of registries as YAML texts: valid ones that exercise every feature at once, so that
 * synthesis and verify can be asked to hold for each, and the same with one targeted mistake that validate must name.
 */

/** A registry as the files a team would write: accounts.yaml and apps/<file>.yaml, as plain data. */
export interface RegistrySpec {
  readonly accounts: AccountsFile;
  readonly apps: readonly AppFile[];
}

/** One app file: its name (the app's id when generated; a mistake may change the id and keep the name). */
export interface AppFile {
  readonly file: string;
  readonly app: AppSpec;
}

export interface AccountsFile {
  accounts: Record<string, AccountSpec>;
  buckets: Record<string, BucketSpec>;
}

export interface AccountSpec {
  id: string;
  region: string;
  deployRole?: string;
  planRole?: string;
  breakGlass?: readonly string[];
}

export interface BucketSpec {
  account: string;
  exclusive?: boolean;
  enforceTls?: boolean;
  network?: { readonly sourceVpc?: readonly string[]; readonly sourceVpce?: readonly string[]; readonly sourceIp?: readonly string[] };
  kmsKey?: string;
  services?: readonly ServiceSpec[];
}

/** An AWS service's grant on a bucket prefix, held to the resource it acts for. */
export interface ServiceSpec {
  readonly service: string;
  readonly prefix: string;
  readonly permissions: readonly string[];
  readonly sourceArn?: string | readonly string[];
}

/** An owner's offer of its prefix to another app; write and delete need allowWrite. */
export interface ShareSpec {
  readonly app: string;
  readonly permissions: readonly string[];
  readonly allowWrite?: boolean;
}

export interface AppSpec {
  id: string;
  owner: string;
  consumer: { account?: string; accountId?: string; principal: string };
  externalId: string;
  sourceIdentity?: string;
  access: { bucket: string; prefix?: string; permissions: string[]; from?: string; shareWith?: ShareSpec[] }[];
  secrets?: string[];
  maxSessionDuration?: number;
}

/** Ids that are prefixes of one another: `app` and `app-x` must stay apart in trust, tags and prefixes. */
const APP_IDS = ['app', 'app-x', 'app-xy', 'web', 'web-1', 'batch'];
const ALIASES = ['data', 'store', 'work'];
const BUCKETS = ['bkt-main', 'bkt-logs', 'bkt-vault'];
const REGIONS = ['eu-central-1', 'us-east-1'];
const PERMISSIONS = ['read', 'write', 'delete', 'list'];
/** SourceIdentity patterns: any, a prefix wildcard, a one-character wildcard, an exact value. */
const SOURCE_IDENTITIES = ['*', 'svc-*', 'job-?1', 'exact-identity'];
/** Outside the registry: an external consumer's account. */
const EXTERNAL_ACCOUNT = '999999999999';

const accountId = (alias: string) => String(ALIASES.indexOf(alias) + 1).repeat(12);
const iamArn = (alias: string, resource: string) => `arn:aws:iam::${accountId(alias)}:${resource}`;

const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });

const accountArb = (alias: string): fc.Arbitrary<AccountSpec> =>
  fc.record({
    region: fc.constantFrom(...REGIONS),
    deployRole: optional(fc.constant(iamArn(alias, 'role/terraform'))),
    planRole: optional(fc.constant(iamArn(alias, 'role/terraform-plan'))),
    breakGlass: optional(fc.constantFrom([iamArn(alias, 'role/platform-admin')], [iamArn(alias, 'role/admins/Admin_*')])),
  }, { requiredKeys: ['region'] }).map((a) => ({ id: accountId(alias), ...a }));

const networkArb = fc.oneof(
  fc.constant({ sourceVpc: ['vpc-0abc'] }),
  fc.constant({ sourceVpce: ['vpce-0abc1234'] }),
  fc.constant({ sourceIp: ['203.0.113.0/24'] }),
  fc.constant({ sourceVpce: ['vpce-0abc1234'], sourceIp: ['198.51.100.0/24'] }),
);

/**
 * AWS services on prefixes no app id starts with: CloudFront reading a site's files for one distribution, S3 server
 * access logging writing for one or two source buckets (sourceAccount defaults to the bucket's account).
 */
const servicesArb: fc.Arbitrary<ServiceSpec[]> = fc.subarray([
  { service: 'cloudfront.amazonaws.com', prefix: 'public/', permissions: ['read'], sourceArn: 'arn:aws:cloudfront::111111111111:distribution/E2QWRUHEXAMPLE' },
  { service: 'logging.s3.amazonaws.com', prefix: 'access-logs/', permissions: ['write'], sourceArn: ['arn:aws:s3:::bkt-main', 'arn:aws:s3:::source-bucket'] },
], { minLength: 1 });

/** A bucket before its KMS key is named: the key must be in the owner's account and region. */
type BucketDraft = BucketSpec & { readonly kms: boolean };

const bucketArb = (aliases: readonly string[]): fc.Arbitrary<BucketDraft> =>
  fc.record({
    account: fc.constantFrom(...aliases),
    exclusive: optional(fc.boolean()),
    enforceTls: optional(fc.boolean()),
    network: optional(networkArb),
    services: optional(servicesArb),
    kms: fc.boolean(),
  }, { requiredKeys: ['account', 'kms'] });

/** Every consumer kind: a role (with a path), a user and the root of a registry account, and an external role. */
const consumerArb = (aliases: readonly string[]): fc.Arbitrary<AppSpec['consumer']> => fc.oneof(
  fc.record({ account: fc.constantFrom(...aliases), principal: fc.constantFrom('role/node', 'role/swarm/node-2', 'user/legacy', 'root') }),
  fc.constant({ accountId: EXTERNAL_ACCOUNT, principal: `arn:aws:iam::${EXTERNAL_ACCOUNT}:role/partner` }),
);

/** Prefixes built from the app's own id, so two apps never overlap: `<id>/` by default, or below it, or under `shared/<id>/`. */
const prefixArb = (id: string) => fc.constantFrom(undefined, `${id}/`, `${id}/sub/`, `shared/${id}/`, `${id}`);

const accessArb = (id: string, buckets: readonly string[]) => fc.uniqueArray(
  fc.record({
    bucket: fc.constantFrom(...buckets),
    prefix: prefixArb(id),
    permissions: fc.subarray(PERMISSIONS, { minLength: 1 }),
  }, { requiredKeys: ['bucket', 'permissions'] }),
  { minLength: 1, maxLength: 2, selector: (a) => a.bucket },
);

const appArb = (id: string, aliases: readonly string[], buckets: readonly string[], accounts: Record<string, AccountSpec>): fc.Arbitrary<AppSpec> =>
  fc.record({
    consumer: consumerArb(aliases),
    sourceIdentity: optional(fc.constantFrom(...SOURCE_IDENTITIES)),
    access: accessArb(id, buckets),
    secretIn: optional(fc.constantFrom(...aliases)),
    maxSessionDuration: optional(fc.constantFrom(3600, 7200)),
  }, { requiredKeys: ['consumer', 'access'] }).map(({ secretIn, ...app }) => ({
    id,
    owner: `team-${id}`,
    externalId: `${id}-external-id-0123456789`,
    ...app,
    ...(secretIn && { secrets: [`arn:aws:secretsmanager:${accounts[secretIn].region}:${accountId(secretIn)}:secret:${id}/api-key-AbCdEf`] }),
  }));

const CHANGING = ['write', 'delete'];

/** The prefix an access entry stands for: its own, or `<id>/` by default, always ending in `/`. */
const prefixOf = (id: string, prefix: string | undefined) => (prefix ?? `${id}/`).replace(/\/?$/, '/');

/** A declared share: the first app offers its first prefix (written out) to the second, which takes part or all of the offer. */
const shareArb = fc.subarray(PERMISSIONS, { minLength: 1 })
  .chain((offered) => fc.record({ offered: fc.constant(offered), taken: fc.subarray(offered, { minLength: 1 }) }));

function withShare(apps: AppSpec[], share: { offered: string[]; taken: string[] } | undefined): AppSpec[] {
  if (!share || apps.length < 2) return apps;
  const [owner, reader, ...rest] = apps;
  const [entry, ...others] = owner.access;
  const prefix = prefixOf(owner.id, entry.prefix);
  const offer: ShareSpec = { app: reader.id, permissions: share.offered, ...(share.offered.some((p) => CHANGING.includes(p)) && { allowWrite: true }) };
  return [
    { ...owner, access: [{ ...entry, prefix, shareWith: [offer] }, ...others] },
    { ...reader, access: [...reader.access, { bucket: entry.bucket, prefix, from: owner.id, permissions: share.taken }] },
    ...rest,
  ];
}

/** A valid registry: 1–3 accounts, 1–3 buckets, 1–4 apps, every optional feature on or off. */
export const validRegistry: fc.Arbitrary<RegistrySpec> = fc
  .subarray(ALIASES, { minLength: 1 })
  .chain((aliases) => fc.record({
    aliases: fc.constant(aliases),
    accounts: fc.record(Object.fromEntries(aliases.map((a) => [a, accountArb(a)]))) as fc.Arbitrary<Record<string, AccountSpec>>,
    buckets: fc.subarray(BUCKETS, { minLength: 1 }).chain((names) =>
      fc.tuple(...names.map(() => bucketArb(aliases))).map((specs) => Object.fromEntries(names.map((n, i) => [n, specs[i]])))),
    ids: fc.subarray(APP_IDS, { minLength: 1, maxLength: 4 }),
  }))
  .chain(({ aliases, accounts, buckets, ids }) => {
    const withKeys = Object.fromEntries(Object.entries(buckets).map(([name, { kms, ...b }]) => {
      const owner = accounts[b.account];
      return [name, kms ? { ...b, kmsKey: `arn:aws:kms:${owner.region}:${owner.id}:key/1234abcd-12ab-34cd-56ef-1234567890ab` } : b];
    }));
    return fc.tuple(fc.tuple(...ids.map((id) => appArb(id, aliases, Object.keys(buckets), accounts))), optional(shareArb))
      .map(([apps, share]) => ({ accounts: { accounts, buckets: withKeys }, apps: withShare(apps, share).map((app) => ({ file: `apps/${app.id}.yaml`, app })) }));
  });

/** The registry's files, as the YAML a team would commit (what a failing case prints). */
export function registryFiles(spec: RegistrySpec): { file: string; text: string }[] {
  return [
    { file: 'accounts.yaml', text: stringify(spec.accounts) },
    ...spec.apps.map(({ file, app }) => ({ file, text: stringify(app) })),
  ];
}

/** The registry as one readable YAML listing, file by file. */
export function asYaml(spec: RegistrySpec): string {
  return registryFiles(spec).map(({ file, text }) => `# ${file}\n${text}`).join('');
}

/** Validates a spec in-process, as `npm run validate` would read its files. */
export function validate(spec: RegistrySpec): CheckedRegistry {
  const [accounts, ...apps] = registryFiles(spec);
  return validateRegistry('/registry', { accounts, apps, diagnostics: [] }, {});
}

/** The text of line `line` (1-based) of one of the registry's files. */
export function lineOf(spec: RegistrySpec, file: string, line: number): string | undefined {
  return registryFiles(spec).find((f) => f.file === file)?.text.split('\n')[line - 1];
}

export function errorsOf(checked: CheckedRegistry): string[] {
  return checked.diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic);
}
