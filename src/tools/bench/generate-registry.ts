import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { ROLES_PER_ACCOUNT, ROLES_PER_ACCOUNT_MAX } from '../../policy/limits';
import { iamRoleArn } from '../../policy/naming';
import { ACCOUNTS_FILE, APPS_DIR } from '../../registry/load';
import { AccountsFile, AppFile } from '../../registry/schema';

/** Bucket accounts, each owning one shared bucket: apps alternate between them. */
const BUCKET_ACCOUNTS = [
  { alias: 'storage-eu', id: '210987654321', region: 'eu-central-1', bucket: 'acme-shared-uploads-eu' },
  { alias: 'storage-us', id: '320987654321', region: 'us-east-1', bucket: 'acme-shared-exports-us' },
] as const;

/** Workload accounts, each with one EC2 node role that every container of its Swarm cluster shares. */
const CONSUMER_ACCOUNTS = [
  { alias: 'swarm-prod-eu', id: '430987654321', region: 'eu-central-1', nodeRole: 'role/swarm/ec2-node-prod-eu' },
  { alias: 'swarm-prod-us', id: '540987654321', region: 'us-east-1', nodeRole: 'role/swarm/ec2-node-prod-us' },
  { alias: 'swarm-stage', id: '650987654321', region: 'eu-central-1', nodeRole: 'role/swarm/ec2-node-stage' },
  { alias: 'batch', id: '760987654321', region: 'eu-west-1', nodeRole: 'role/ec2-batch-node' },
] as const;

const TEAMS = ['payments', 'ledger', 'catalog', 'search', 'identity', 'billing', 'reports', 'media', 'logistics'] as const;
const PURPOSES = ['invoice-renderer', 'statement-export', 'image-resizer', 'feed-importer', 'audit-archiver', 'report-builder', 'price-sync'] as const;
const PERMISSION_SETS: readonly AppFile['access'][number]['permissions'][] = [
  ['read', 'write', 'list'],
  ['write'],
  ['read', 'list'],
  ['read', 'write', 'delete', 'list'],
];
/** Every tenth app also reads the other bucket, so some apps hold a role in both bucket accounts. */
const CROSS_BUCKET_EVERY = 10;

/**
 * The accounts.yaml of a bench registry: two bucket accounts with one bucket each, four workload accounts. Past
 * ROLES_PER_ACCOUNT apps the bucket accounts declare a raised "Roles per account" quota, as a team would after asking.
 */
export function benchAccounts(apps = 0): AccountsFile {
  const accounts: AccountsFile['accounts'] = {};
  for (const a of [...BUCKET_ACCOUNTS, ...CONSUMER_ACCOUNTS]) {
    accounts[a.alias] = { id: a.id, region: a.region, deployRole: iamRoleArn(a.id, 'terraform-deploy') };
  }
  if (apps > ROLES_PER_ACCOUNT) for (const a of BUCKET_ACCOUNTS) accounts[a.alias].roleQuota = ROLES_PER_ACCOUNT_MAX;
  const [eu, us] = BUCKET_ACCOUNTS;
  accounts[eu.alias].breakGlass = [iamRoleArn(eu.id, 'platform-admin')];
  return {
    accounts,
    buckets: {
      [eu.bucket]: { account: eu.alias, network: { sourceVpc: ['vpc-0a1b2c3d4e5f60718', 'vpc-0f9e8d7c6b5a40312'] } },
      [us.bucket]: { account: us.alias, kmsKey: `arn:aws:kms:${us.region}:${us.id}:key/5c2e9a7b-1d3f-4e8a-9b6c-0d1e2f3a4b5c` },
    },
  };
}

/** App number `i` (0-based) of a bench registry: a realistic id, a random-looking ExternalId, varied access. */
export function benchApp(i: number): AppFile {
  const team = TEAMS[i % TEAMS.length];
  const purpose = PURPOSES[Math.floor(i / TEAMS.length) % PURPOSES.length];
  const id = `${team}-${purpose}-${String(i).padStart(4, '0')}`;
  const bucket = BUCKET_ACCOUNTS[i % BUCKET_ACCOUNTS.length];
  // i / 2 so that every node role consumes apps of both bucket accounts.
  const consumer = CONSUMER_ACCOUNTS[Math.floor(i / BUCKET_ACCOUNTS.length) % CONSUMER_ACCOUNTS.length];
  const access: AppFile['access'] = [
    { bucket: bucket.bucket, prefix: i % 3 === 0 ? `teams/${team}/${id}/` : undefined, permissions: PERMISSION_SETS[i % PERMISSION_SETS.length] },
  ];
  if (i % CROSS_BUCKET_EVERY === 0) {
    access.push({ bucket: BUCKET_ACCOUNTS[(i + 1) % BUCKET_ACCOUNTS.length].bucket, prefix: `shared/${team}/${id}/`, permissions: ['read', 'list'] });
  }
  return {
    id,
    owner: `team-${team}`,
    description: `${purpose.replace(/-/g, ' ')} for ${team}`,
    consumer: { account: consumer.alias, principal: consumer.nodeRole },
    externalId: `${id}-${createHash('sha256').update(`keyless-bench:${i}`).digest('hex').slice(0, 24)}`,
    sourceIdentity: i % 2 === 0 ? `${id}-*` : undefined,
    access,
    // Consumers are node roles: role chaining caps their sessions at 3600 seconds, so no longer duration is asked for.
    maxSessionDuration: i % 5 === 0 ? 3600 : undefined,
  };
}

/** Writes a registry of `apps` apps as YAML files into `root` (a fresh temp dir by default) and returns it. */
export function generateRegistry(apps: number, root = mkdtempSync(join(tmpdir(), 'keyless-bench-'))): string {
  writeFileSync(join(root, ACCOUNTS_FILE), stringify(benchAccounts(apps)));
  mkdirSync(join(root, APPS_DIR), { recursive: true });
  for (let i = 0; i < apps; i++) {
    const app = benchApp(i);
    writeFileSync(join(root, APPS_DIR, `${app.id}.yaml`), stringify(app));
  }
  return root;
}
