import { ACCOUNTS } from './fixtures';

/**
 * The issue's pipeline on the fixture registry's bucket "shared": ingest owns events/ and offers it to analytics-etl,
 * which takes it with `from: ingest`. Lines: owner 9 prefix, 11 shareWith, 12 offer app, 13 offer permissions;
 * reader 8 bucket, 9 prefix, 10 from, 11 permissions.
 */
export function owner(offer = '      - app: analytics-etl\n        permissions: [read, list]\n', prefix = 'events/'): string {
  return `id: ingest
owner: team-ingest
consumer:
  account: swarm
  principal: role/node
externalId: ingest-0123456789abcdef
access:
  - bucket: shared
    prefix: ${prefix}
    permissions: [write, list]
${offer ? `    shareWith:\n${offer}` : ''}`;
}

export function reader({ prefix = 'events/', from = 'ingest', permissions = 'read, list' } = {}): string {
  return `id: analytics-etl
owner: team-analytics
consumer:
  account: swarm
  principal: role/node
externalId: analytics-etl-0123456789abcdef
access:
  - bucket: shared
${prefix ? `    prefix: ${prefix}\n` : ''}${from ? `    from: ${from}\n` : ''}    permissions: [${permissions}]
`;
}

/** The fixture registry with a second bucket "archive" of account data. */
export const TWO_BUCKETS = `${ACCOUNTS}  archive:\n    account: data\n`;
