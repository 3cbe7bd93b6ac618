/** A small registry: a bucket account, a workload account, two buckets, apps written per test. */
export const ACCOUNTS_YAML = `
accounts:
  data:
    id: "111111111111"
    region: eu-central-1
    deployRole: arn:aws:iam::111111111111:role/terraform-deploy
  swarm:
    id: "222222222222"
    region: eu-central-1
buckets:
  reports:
    account: data
    network:
      sourceVpc: [vpc-0abc]
  drop:
    account: data
`;

/** ExternalId values that must never show up in a review. */
export const UPLOADER_SECRET = 'uploader-secret-7f3c9a2e';
export const ARCHIVER_SECRET = 'archiver-secret-94d1e7b3';

export function uploaderYaml(overrides: { prefix?: string; permissions?: string; externalId?: string } = {}): string {
  return `
id: uploader
owner: team-swarm
consumer:
  account: swarm
  principal: role/node
externalId: ${overrides.externalId ?? UPLOADER_SECRET}
sourceIdentity: uploader-*
access:
  - bucket: reports
    prefix: ${overrides.prefix ?? 'uploads/'}
    permissions: [${overrides.permissions ?? 'read, write'}]
`;
}

export function archiverYaml(prefix = 'archive/reports/'): string {
  return `
id: archiver
owner: team-finance
consumer:
  account: swarm
  principal: role/node
externalId: ${ARCHIVER_SECRET}
access:
  - bucket: reports
    prefix: ${prefix}
    permissions: [read, list]
`;
}

/** The i-th of many archiver-like apps, each with its own id, ExternalId and prefix, as validation requires. */
export function numberedAppYaml(i: number): string {
  const id = `app-${String(i).padStart(3, '0')}`;
  return archiverYaml(`archive/${i}/`).replace('id: archiver', `id: ${id}`).replace(ARCHIVER_SECRET, `${ARCHIVER_SECRET}-${id}`);
}
