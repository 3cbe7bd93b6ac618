import fc from 'fast-check';
import { AccountsFile, AppSpec, RegistrySpec, TestCertificate, validRegistry } from './registry-arbitrary';

/** What validate must say about a mistake: in which file, with which message, on which line. */
export interface Expected {
  readonly name: string;
  /** The files the error may be located in (an overlap is reported on whichever app loads second). */
  readonly files: readonly string[];
  readonly message: RegExp;
  /** The line the error points at. */
  readonly line: RegExp;
}

export interface Mistake {
  readonly name: string;
  /** The registry with the mistake made, and what validate must say; undefined when the registry has no place for it. */
  readonly make: (spec: RegistrySpec) => { spec: RegistrySpec; expected: Omit<Expected, 'name'> } | undefined;
}

/** An account outside every generated registry. */
const OUTSIDE = '999999999999';

const prefixOf = (app: AppSpec, i = 0) => (app.access[i].prefix ?? `${app.id}/`).replace(/\/?$/, '/');

/** `spec` with app `index` replaced by `edit(app)`. */
function editApp(spec: RegistrySpec, index: number, edit: (app: AppSpec) => AppSpec): RegistrySpec {
  return { ...spec, apps: spec.apps.map((f, i) => (i === index ? { ...f, app: edit(f.app) } : f)) };
}

/** `spec` with app `index` renamed to `id`, and the shares that name it (from, shareWith) following the new id. */
function renameApp(spec: RegistrySpec, index: number, id: string): RegistrySpec {
  const old = spec.apps[index].app.id;
  const follow = (name: string | undefined) => (name === old ? id : name);
  return {
    ...spec,
    apps: spec.apps.map((f, i) => ({
      ...f,
      app: {
        ...f.app,
        id: i === index ? id : f.app.id,
        access: f.app.access.map((e) => ({
          ...e,
          ...(e.from && { from: follow(e.from) }),
          ...(e.shareWith && { shareWith: e.shareWith.map((o) => ({ ...o, app: follow(o.app)! })) }),
        })),
      },
    })),
  };
}

function editAccounts(spec: RegistrySpec, edit: (accounts: AccountsFile) => AccountsFile): RegistrySpec {
  return { ...spec, accounts: edit(spec.accounts) };
}

const firstBucket = (spec: RegistrySpec) => Object.keys(spec.accounts.buckets)[0];
/** The first certificate consumer's index, or -1. */
const firstCertificateApp = (spec: RegistrySpec) => spec.apps.findIndex((f) => 'certificate' in f.app.consumer);
/** The bundle file of the first declared certificate authority, or undefined. */
const firstBundle = (spec: RegistrySpec) => Object.values(spec.accounts.certificateAuthorities ?? {})[0]?.bundle;

const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** `spec` with the bundle file at `path` holding `certificate`, or removed. */
function withBundle(spec: RegistrySpec, path: string, certificate: TestCertificate | undefined): RegistrySpec {
  const { [path]: _, ...others } = spec.bundles;
  return { ...spec, bundles: certificate ? { ...others, [path]: certificate } : others };
}
const firstAlias = (spec: RegistrySpec) => Object.keys(spec.accounts.accounts)[0];

/** One mistake each that a developer could make by copy-paste or by hand, and the check that must refuse it. */
export const MISTAKES: readonly Mistake[] = [
  {
    name: 'two apps with one id',
    make: (spec) => spec.apps.length < 2 ? undefined : {
      spec: editApp(spec, 1, (app) => ({ ...app, id: spec.apps[0].app.id })),
      expected: { files: [spec.apps[1].file], message: /^app id ".*" is (already|also) declared in/, line: /^id: / },
    },
  },
  {
    // Apps load in path order: the error is on whichever of the two loads second.
    name: 'two apps with one ExternalId',
    make: (spec) => {
      const [first, second] = spec.apps.flatMap((f, i) => (f.app.externalId ? [i] : []));
      if (second === undefined) return undefined;
      return {
        spec: editApp(spec, second, (app) => ({ ...app, externalId: spec.apps[first].app.externalId })),
        expected: { files: [spec.apps[first].file, spec.apps[second].file], message: /^externalId is the same as that of app/, line: /^externalId: / },
      };
    },
  },
  {
    // Either app may load first: the error is on the second, wherever the inner prefix is.
    name: "a prefix inside another app's",
    make: (spec) => {
      if (spec.apps.length < 2) return undefined;
      const outer = spec.apps[0].app;
      const bucket = outer.access[0].bucket;
      const nested = editApp(editApp(spec, 0, (app) => ({ ...app, access: [{ ...app.access[0], prefix: prefixOf(app) }, ...app.access.slice(1)] })), 1,
        (app) => ({ ...app, access: [{ bucket, prefix: `${prefixOf(outer)}inner/`, permissions: ['read'] }] }));
      return {
        spec: nested,
        expected: { files: [spec.apps[0].file, spec.apps[1].file], message: /^prefix ".*" on bucket ".*" overlaps prefix/, line: /prefix: / },
      };
    },
  },
  {
    name: 'an unknown bucket',
    make: (spec) => ({
      spec: editApp(spec, 0, (app) => ({ ...app, access: [{ ...app.access[0], bucket: 'bkt-missing' }, ...app.access.slice(1)] })),
      expected: { files: [spec.apps[0].file], message: /^unknown bucket "bkt-missing"/, line: /bucket: bkt-missing/ },
    }),
  },
  {
    name: 'an unknown consumer account',
    make: (spec) => ({
      // A certificate consumer turned into a principal one needs the ExternalId that kind passes.
      spec: editApp(spec, 0, (app) => ({ ...app, consumer: { account: 'nowhere', principal: 'role/node' }, externalId: app.externalId ?? `${app.id}-external-id-0123456789` })),
      expected: { files: [spec.apps[0].file], message: /^unknown account "nowhere"/, line: /account: nowhere/ },
    }),
  },
  {
    name: 'a wildcard in a prefix',
    make: (spec) => ({
      spec: editApp(spec, 0, (app) => ({ ...app, access: [{ ...app.access[0], prefix: `${prefixOf(app)}*` }, ...app.access.slice(1)] })),
      expected: { files: [spec.apps[0].file], message: /prefix" must use only letters, digits/, line: /prefix: / },
    }),
  },
  {
    name: 'an app id too long for a role name',
    make: (spec) => ({
      spec: renameApp(spec, 0, `${spec.apps[0].app.id}-${'x'.repeat(57 - spec.apps[0].app.id.length - 1)}`),
      expected: { files: [spec.apps[0].file], message: /^role name keyless-.* has 65 characters, over the IAM limit of 64/, line: /^id: / },
    }),
  },
  {
    name: 'taking more of a share than offered',
    make: (spec) => {
      const reader = spec.apps.findIndex((f) => f.app.access.some((e) => e.from));
      if (reader < 0) return undefined;
      const { app } = spec.apps[reader];
      const at = app.access.findIndex((e) => e.from);
      const owner = spec.apps.find((f) => f.app.id === app.access[at].from)!.app;
      const offered = owner.access.flatMap((e) => e.shareWith ?? []).find((o) => o.app === app.id)!.permissions;
      const extra = ['read', 'write', 'delete', 'list'].find((p) => !offered.includes(p));
      if (!extra) return undefined;
      return {
        spec: editApp(spec, reader, (a) => ({ ...a, access: a.access.map((e, i) => (i === at ? { ...e, permissions: [...e.permissions, extra] } : e)) })),
        expected: { files: [spec.apps[reader].file], message: new RegExp(`^asks for ${extra} on s3://.*, but ".*" shares only`), line: /^ *(permissions:|- (read|write|delete|list)$)/ },
      };
    },
  },
  {
    name: 'a secret outside the registry',
    make: (spec) => ({
      spec: editApp(spec, 0, (app) => ({ ...app, secrets: [`arn:aws:secretsmanager:eu-central-1:${OUTSIDE}:secret:x/key-AbCdEf`] })),
      expected: { files: [spec.apps[0].file], message: new RegExp(`^secret is in account ${OUTSIDE}, which is not in accounts.yaml`), line: new RegExp(OUTSIDE) },
    }),
  },
  {
    name: 'a deployRole of another account',
    make: (spec) => ({
      spec: editAccounts(spec, (a) => ({ ...a, accounts: { ...a.accounts, [firstAlias(spec)]: { ...a.accounts[firstAlias(spec)], deployRole: `arn:aws:iam::${OUTSIDE}:role/terraform` } } })),
      expected: { files: ['accounts.yaml'], message: new RegExp(`^deployRole is in account ${OUTSIDE}, but "${firstAlias(spec)}" is account`), line: /deployRole: / },
    }),
  },
  {
    name: "a KMS key of another region than the bucket's",
    make: (spec) => {
      const name = firstBucket(spec);
      const bucket = spec.accounts.buckets[name];
      const owner = spec.accounts.accounts[bucket.account];
      const region = owner.region === 'us-east-1' ? 'eu-central-1' : 'us-east-1';
      return {
        spec: editAccounts(spec, (a) => ({ ...a, buckets: { ...a.buckets, [name]: { ...bucket, kmsKey: `arn:aws:kms:${region}:${owner.id}:key/1234abcd` } } })),
        expected: { files: ['accounts.yaml'], message: new RegExp(`^kmsKey is in ${region}, but bucket "${name}" is in ${owner.region}`), line: /kmsKey: / },
      };
    },
  },
  {
    name: 'a private sourceIp range',
    make: (spec) => {
      const name = firstBucket(spec);
      return {
        spec: editAccounts(spec, (a) => ({ ...a, buckets: { ...a.buckets, [name]: { ...a.buckets[name], network: { sourceIp: ['10.0.0.0/8'] } } } })),
        expected: { files: ['accounts.yaml'], message: /^sourceIp "10\.0\.0\.0\/8" covers/, line: /10\.0\.0\.0\/8/ },
      };
    },
  },
  {
    name: 'two aliases of one account id',
    make: (spec) => {
      const aliases = Object.keys(spec.accounts.accounts);
      if (aliases.length < 2) return undefined;
      const [first, second] = aliases;
      return {
        spec: editAccounts(spec, (a) => ({ ...a, accounts: { ...a.accounts, [second]: { ...a.accounts[second], id: a.accounts[first].id } } })),
        expected: { files: ['accounts.yaml'], message: /^account id ".*" is already declared as/, line: /id: "?\d{12}/ },
      };
    },
  },
  {
    name: "a CA bundle holding an app's certificate, not the CA's",
    make: (spec) => {
      const bundle = firstBundle(spec);
      if (!bundle) return undefined;
      return {
        spec: withBundle(spec, bundle, 'leaf.pem'),
        expected: { files: [bundle], message: /^certificate CN=some-app is not a CA certificate \(basicConstraints CA:TRUE is missing\)/, line: /^-----BEGIN CERTIFICATE-----$/ },
      };
    },
  },
  {
    name: 'a CA bundle file not committed',
    make: (spec) => {
      const bundle = firstBundle(spec);
      if (!bundle) return undefined;
      return {
        spec: withBundle(spec, bundle, undefined),
        expected: { files: ['accounts.yaml'], message: new RegExp(`^cannot read CA bundle ${escaped(bundle)} \\(ENOENT\\)`), line: new RegExp(`^ *bundle: ${escaped(bundle)}$`) },
      };
    },
  },
  {
    // Copied from an ExternalId app's file: the certificate identifies the app, nothing secret belongs in IAM.
    name: 'a certificate consumer with an externalId',
    make: (spec) => {
      const index = firstCertificateApp(spec);
      if (index < 0) return undefined;
      return {
        spec: editApp(spec, index, (app) => ({ ...app, externalId: `${app.id}-external-id-0123456789` })),
        expected: { files: [spec.apps[index].file], message: /^a certificate consumer must not declare externalId/, line: /^externalId: / },
      };
    },
  },
  {
    // Its CA's trust anchor and profile vend roles of the CA's account only.
    name: "a certificate consumer on a bucket outside its CA's account",
    make: (spec) => {
      const index = firstCertificateApp(spec);
      if (index < 0) return undefined;
      const { app } = spec.apps[index];
      const { ca } = (app.consumer as { certificate: { ca: string } }).certificate;
      const account = spec.accounts.certificateAuthorities![ca].account;
      const elsewhere = Object.keys(spec.accounts.buckets).find((b) => spec.accounts.buckets[b].account !== account);
      if (!elsewhere) return undefined;
      return {
        spec: editApp(spec, index, (a) => ({ ...a, access: [...a.access, { bucket: elsewhere, permissions: ['read'] }] })),
        expected: {
          files: [spec.apps[index].file],
          message: new RegExp(`^bucket "${elsewhere}" is in account ".*", but certificate authority "${ca}" vends roles of account "${account}" only`),
          line: new RegExp(`bucket: ${elsewhere}$`),
        },
      };
    },
  },
];

/** Valid registries that have a place for `mistake`, with it made, and what validate must say about it. */
export function withMistake({ name, make }: Mistake): fc.Arbitrary<{ spec: RegistrySpec; mistake: Expected }> {
  return validRegistry
    .map((valid) => make(valid))
    .filter((made) => made !== undefined)
    .map((made) => ({ spec: made!.spec, mistake: { name, ...made!.expected } }));
}
