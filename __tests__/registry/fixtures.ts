import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { formatDiagnostic } from '../../src/registry/diagnostics';
import { readRegistryFiles } from '../../src/registry/load';
import { Registry } from '../../src/registry/model';
import { CheckedRegistry, validateRegistry } from '../../src/registry/validate';
import { writeRegistry } from '../helpers';

/** A small valid registry, written out so that tests can name exact lines and columns. */
export const ACCOUNTS = `accounts:
  data:
    id: "111111111111"
    region: eu-central-1
    deployRole: arn:aws:iam::111111111111:role/terraform
  swarm:
    id: "222222222222"
    region: eu-central-1
buckets:
  shared:
    account: data
`;

/** A valid app on bucket "shared" under `<id>/`; line 1 id, 6 externalId, 7 access, 9 prefix. */
export function app(id: string): string {
  return `id: ${id}
owner: team-${id}
consumer:
  account: swarm
  principal: role/node
externalId: ${id}-0123456789abcdef
access:
  - bucket: shared
    prefix: ${id}/
    permissions: [read, write]
`;
}

/** Every diagnostic of a registry given as texts, formatted as `validate` prints them. */
export function problems(accounts: string, apps: Record<string, string>, env: NodeJS.ProcessEnv = {}): string[] {
  const files = {
    accounts: { file: 'accounts.yaml', text: accounts },
    apps: Object.entries(apps).map(([name, text]) => ({ file: `apps/${name}.yaml`, text })),
    diagnostics: [],
  };
  return validateRegistry('/registry', files, env).diagnostics.map(formatDiagnostic);
}

/** The CA (valid 2026-12-05T00:55:03Z – 2126-11-11T00:55:03Z) and non-CA test certificates in __tests__/fixtures/ca. */
export const TEST_CA = readFileSync(join(__dirname, '..', 'fixtures', 'ca', 'ca.pem'), 'utf8');
export const TEST_LEAF = readFileSync(join(__dirname, '..', 'fixtures', 'ca', 'leaf.pem'), 'utf8');
/** A CA of 7940 characters (a long nsComment), close to the trust anchor's 8000. */
export const TEST_LARGE_CA = readFileSync(join(__dirname, '..', 'fixtures', 'ca', 'ca-large.pem'), 'utf8');
/** A non-CA certificate whose subject has two parts: O=team-some-app, CN=some-app. */
export const TEST_LEAF_WITH_ORG = readFileSync(join(__dirname, '..', 'fixtures', 'ca', 'leaf-org.pem'), 'utf8');

/** ACCOUNTS with a certificate authority "node-ca" of account data, its bundle at ca/node-ca.pem; line 13 starts it, its bundle on line 15. */
export const CERT_ACCOUNTS = `${ACCOUNTS}certificateAuthorities:
  node-ca:
    account: data
    bundle: ca/node-ca.pem
`;

/** A certificate consumer on bucket "shared" under `<id>/`; line 3 consumer, 5 access. */
export function certificateApp(id: string, ca = 'node-ca'): string {
  return `id: ${id}
owner: team-${id}
consumer:
  certificate: { ca: ${ca} }
access:
  - bucket: shared
    prefix: ${id}/
    permissions: [read, write]
`;
}

/** A registry written to disk with its CA bundle files (path → text), validated at `now`. */
export function validateOnDisk(
  accounts: string, apps: Record<string, string>, files: Record<string, string>, now = new Date('2027-01-01T00:00:00Z'),
): CheckedRegistry {
  const root = writeRegistry(accounts, apps);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return validateRegistry(root, readRegistryFiles(root), {}, now);
}

/** The model of a registry written to disk with the CA bundle of CERT_ACCOUNTS (ca/node-ca.pem); throws on any error. */
export function registryOnDisk(accounts: string, apps: Record<string, string>): Registry {
  const { registry, diagnostics } = validateOnDisk(accounts, apps, { 'ca/node-ca.pem': TEST_CA });
  if (!registry) throw new Error(diagnostics.map(formatDiagnostic).join('\n'));
  return registry;
}

/**
 * Every diagnostic of a registry written to disk with its CA bundle files (path → text), validated at `now`,
 * formatted as `validate` prints them.
 */
export function problemsOnDisk(
  accounts: string, apps: Record<string, string>, files: Record<string, string>, now = new Date('2027-01-01T00:00:00Z'),
): string[] {
  return validateOnDisk(accounts, apps, files, now).diagnostics.map(formatDiagnostic);
}
