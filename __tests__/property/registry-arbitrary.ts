import fc from 'fast-check';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { stringify } from 'yaml';
import { formatDiagnostic } from '../../src/registry/diagnostics';
import { readRegistryFiles } from '../../src/registry/load';
import { CheckedRegistry, validateRegistry } from '../../src/registry/validate';
import { TEST_CA, TEST_LEAF } from '../registry/fixtures';

/**
 * fast-check arbitraries of registries as YAML texts: valid ones that exercise every feature at once, so that
 * synthesis and verify can be asked to hold for each, and the same with one targeted mistake that validate must name.
 */

/** A registry as the files a team would write: accounts.yaml, apps/<file>.yaml and CA bundles, as plain data. */
export interface RegistrySpec {
  readonly accounts: AccountsFile;
  readonly apps: readonly AppFile[];
  /** CA bundle files by path (relative to the registry root): which test certificate of __tests__/fixtures/ca each holds. */
  readonly bundles: Readonly<Record<string, TestCertificate>>;
}

/** The committed test certificates (public only): a CA valid 2026–2126, and an app certificate (CA:FALSE). */
export const TEST_CERTIFICATES = { 'ca.pem': TEST_CA, 'leaf.pem': TEST_LEAF } as const;
export type TestCertificate = keyof typeof TEST_CERTIFICATES;

/** One app file: its name (the app's id when generated; a mistake may change the id and keep the name). */
export interface AppFile {
  readonly file: string;
  readonly app: AppSpec;
}

export interface AccountsFile {
  accounts: Record<string, AccountSpec>;
  buckets: Record<string, BucketSpec>;
  certificateAuthorities?: Record<string, CertificateAuthoritySpec>;
}

/** An IAM Roles Anywhere trust anchor: the account whose roles it vends, and its bundle file. */
export interface CertificateAuthoritySpec {
  account: string;
  bundle: string;
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

/** A principal that passes the app's ExternalId, or a certificate with CN = app id issued by a declared CA. */
export type ConsumerSpec =
  | { account?: string; accountId?: string; principal: string }
  | { certificate: { ca: string } };

export interface AppSpec {
  id: string;
  owner: string;
  consumer: ConsumerSpec;
  /** Absent for a certificate consumer, which must declare none. */
  externalId?: string;
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

/** Every principal consumer kind: a role (with a path), a user and the root of a registry account, and an external role. */
const principalArb = (aliases: readonly string[]): fc.Arbitrary<ConsumerSpec> => fc.oneof(
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

/** The names a registry may give the certificate authorities of an account: two, so that one account can hold two trust anchors. */
const caNames = (alias: string) => [`${alias}-ca`, `${alias}-ca-2`];
const caBundle = (name: string) => `ca/${name}.pem`;

/** Where the generated registry puts its accounts and buckets. */
interface Layout {
  readonly aliases: readonly string[];
  readonly accounts: Record<string, AccountSpec>;
  /** Bucket names by owning account alias; only aliases that own a bucket. */
  readonly bucketsOf: Readonly<Record<string, readonly string[]>>;
}

const secretArn = (accounts: Record<string, AccountSpec>, alias: string, id: string) =>
  `arn:aws:secretsmanager:${accounts[alias].region}:${accountId(alias)}:secret:${id}/api-key-AbCdEf`;

const principalAppArb = (id: string, { aliases, accounts, bucketsOf }: Layout): fc.Arbitrary<AppSpec> =>
  fc.record({
    consumer: principalArb(aliases),
    sourceIdentity: optional(fc.constantFrom(...SOURCE_IDENTITIES)),
    access: accessArb(id, Object.values(bucketsOf).flat()),
    secretIn: optional(fc.constantFrom(...aliases)),
    maxSessionDuration: optional(fc.constantFrom(3600, 7200)),
  }, { requiredKeys: ['consumer', 'access'] }).map(({ secretIn, ...app }) => ({
    id,
    owner: `team-${id}`,
    externalId: `${id}-external-id-0123456789`,
    ...app,
    ...(secretIn && { secrets: [secretArn(accounts, secretIn, id)] }),
  }));

/**
 * A certificate consumer (IAM Roles Anywhere): no ExternalId, SourceIdentity or principal, and every bucket and secret
 * in the account of its CA, since a profile vends roles of its own account only.
 */
const certificateAppArb = (id: string, { accounts, bucketsOf }: Layout): fc.Arbitrary<AppSpec> =>
  fc.constantFrom(...Object.keys(bucketsOf)).chain((alias) => fc.record({
    ca: fc.constantFrom(...caNames(alias)),
    access: accessArb(id, bucketsOf[alias]),
    secret: fc.boolean(),
    maxSessionDuration: optional(fc.constantFrom(3600, 7200)),
  }, { requiredKeys: ['ca', 'access', 'secret'] }).map(({ ca, secret, ...app }) => ({
    id,
    owner: `team-${id}`,
    consumer: { certificate: { ca } },
    ...app,
    ...(secret && { secrets: [secretArn(accounts, alias, id)] }),
  })));

/** Two principal consumers to one certificate consumer; shrinking leads to principal consumers. */
const appArb = (id: string, layout: Layout): fc.Arbitrary<AppSpec> =>
  fc.oneof({ arbitrary: principalAppArb(id, layout), weight: 2 }, { arbitrary: certificateAppArb(id, layout), weight: 1 });

const CHANGING = ['write', 'delete'];

/** The prefix an access entry stands for: its own, or `<id>/` by default, always ending in `/`. */
const prefixOf = (id: string, prefix: string | undefined) => (prefix ?? `${id}/`).replace(/\/?$/, '/');

/** A declared share: the first app offers its first prefix (written out) to the second, which takes part or all of the offer. */
const shareArb = fc.subarray(PERMISSIONS, { minLength: 1 })
  .chain((offered) => fc.record({ offered: fc.constant(offered), taken: fc.subarray(offered, { minLength: 1 }) }));

/** The account of a bucket. */
type OwnerOf = (bucket: string) => string;

/** The share, unless the reader is a certificate consumer of another account than the shared bucket's (it could not take it). */
function withShare(apps: AppSpec[], share: { offered: string[]; taken: string[] } | undefined, ownerOf: OwnerOf): AppSpec[] {
  if (!share || apps.length < 2) return apps;
  const [owner, reader, ...rest] = apps;
  const [entry, ...others] = owner.access;
  if ('certificate' in reader.consumer && ownerOf(reader.access[0].bucket) !== ownerOf(entry.bucket)) return apps;
  const prefix = prefixOf(owner.id, entry.prefix);
  const offer: ShareSpec = { app: reader.id, permissions: share.offered, ...(share.offered.some((p) => CHANGING.includes(p)) && { allowWrite: true }) };
  return [
    { ...owner, access: [{ ...entry, prefix, shareWith: [offer] }, ...others] },
    { ...reader, access: [...reader.access, { bucket: entry.bucket, prefix, from: owner.id, permissions: share.taken }] },
    ...rest,
  ];
}

/**
 * The certificate authorities the apps name, and `spare` ones no app uses (an account whose bucket guardrails
 * must tell certificate sessions apart though none is for its apps), each with its bundle: the test CA.
 */
function certificateAuthorities(apps: readonly AppSpec[], spare: readonly string[], aliases: readonly string[]) {
  const used = apps.flatMap(({ consumer }) => ('certificate' in consumer ? [consumer.certificate.ca] : []));
  const names = [...new Set([...used, ...spare])].sort();
  const accountOf = (name: string) => aliases.find((alias) => caNames(alias).includes(name))!;
  return {
    ...(names.length && { certificateAuthorities: Object.fromEntries(names.map((n) => [n, { account: accountOf(n), bundle: caBundle(n) }])) }),
    bundles: Object.fromEntries(names.map((n): [string, TestCertificate] => [caBundle(n), 'ca.pem'])),
  };
}

/** A valid registry: 1–3 accounts, 1–3 buckets, 1–4 apps of every consumer kind, every optional feature on or off. */
export const validRegistry: fc.Arbitrary<RegistrySpec> = fc
  .subarray(ALIASES, { minLength: 1 })
  .chain((aliases) => fc.record({
    aliases: fc.constant(aliases),
    accounts: fc.record(Object.fromEntries(aliases.map((a) => [a, accountArb(a)]))) as fc.Arbitrary<Record<string, AccountSpec>>,
    buckets: fc.subarray(BUCKETS, { minLength: 1 }).chain((names) =>
      fc.tuple(...names.map(() => bucketArb(aliases))).map((specs) => Object.fromEntries(names.map((n, i) => [n, specs[i]])))),
    ids: fc.subarray(APP_IDS, { minLength: 1, maxLength: 4 }),
    spareCas: fc.subarray(aliases.flatMap(caNames), { maxLength: 2 }),
  }))
  .chain(({ aliases, accounts, buckets, ids, spareCas }) => {
    const withKeys = Object.fromEntries(Object.entries(buckets).map(([name, { kms, ...b }]) => {
      const owner = accounts[b.account];
      return [name, kms ? { ...b, kmsKey: `arn:aws:kms:${owner.region}:${owner.id}:key/1234abcd-12ab-34cd-56ef-1234567890ab` } : b];
    }));
    const ownerOf: OwnerOf = (bucket) => buckets[bucket].account;
    const bucketsOf: Record<string, string[]> = {};
    for (const name of Object.keys(buckets)) (bucketsOf[ownerOf(name)] ??= []).push(name);
    const layout: Layout = { aliases, accounts, bucketsOf };
    return fc.tuple(fc.tuple(...ids.map((id) => appArb(id, layout))), optional(shareArb)).map(([generated, share]) => {
      const apps = withShare(generated, share, ownerOf);
      const { bundles, ...cas } = certificateAuthorities(apps, spareCas, aliases);
      return { accounts: { accounts, buckets: withKeys, ...cas }, apps: apps.map((app) => ({ file: `apps/${app.id}.yaml`, app })), bundles };
    });
  });

/** The registry's files, as a team would commit them: YAML, and each CA bundle's PEM. */
export function registryFiles(spec: RegistrySpec): { file: string; text: string }[] {
  return [
    { file: 'accounts.yaml', text: stringify(spec.accounts) },
    ...spec.apps.map(({ file, app }) => ({ file, text: stringify(app) })),
    ...Object.entries(spec.bundles).map(([file, certificate]) => ({ file, text: TEST_CERTIFICATES[certificate] })),
  ];
}

/** The registry as one readable listing, file by file: the YAML, and which test certificate each bundle holds (what a failing case prints). */
export function asYaml(spec: RegistrySpec): string {
  const yaml = registryFiles({ ...spec, bundles: {} }).map(({ file, text }) => `# ${file}\n${text}`).join('');
  return yaml + Object.entries(spec.bundles).map(([file, certificate]) => `# ${file}: a copy of __tests__/fixtures/ca/${certificate}\n`).join('');
}

/** Validation happens at a fixed time, within the test CA's validity (2026–2126). */
const NOW = new Date('2027-01-01T00:00:00Z');

/**
 * Validates a spec as `keyless validate` does: its files are written to a temporary registry root and read from there
 * (CA bundles are read from disk; app files load in path order).
 */
export function validate(spec: RegistrySpec): CheckedRegistry {
  const root = mkdtempSync(join(tmpdir(), 'keyless-property-registry-'));
  try {
    for (const { file, text } of registryFiles(spec)) {
      mkdirSync(dirname(join(root, file)), { recursive: true });
      writeFileSync(join(root, file), text);
    }
    return validateRegistry(root, readRegistryFiles(root), {}, NOW);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

/** The text of line `line` (1-based) of one of the registry's files. */
export function lineOf(spec: RegistrySpec, file: string, line: number): string | undefined {
  return registryFiles(spec).find((f) => f.file === file)?.text.split('\n')[line - 1];
}

export function errorsOf(checked: CheckedRegistry): string[] {
  return checked.diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic);
}
