import { BUNDLED_ROOT, fixture, UNSEEN_ENV, writeRegistry } from '../helpers';
import { loadRegistry } from '../../src/registry/load';
import { RegistryError } from '../../src/registry/diagnostics';

const ACCOUNTS = `accounts:
  data: { id: "111111111111", region: eu-central-1 }
  work: { id: "222222222222", region: eu-central-1 }
buckets:
  bkt: { account: data }
`;

describe('loadRegistry', () => {
  test('GIVEN the bundled registry WHEN loaded THEN it holds the five reference setups and the pipeline share, with secure defaults', () => {
    const registry = loadRegistry(BUNDLED_ROOT);
    expect(registry.apps.map((a) => a.id)).toEqual([
      'analytics-etl', 'event-ingest', 'finance-export', 'ledger-archiver', 'partner-ingest', 'swarm-uploader', 'vendor-sync',
    ]);
    const etl = registry.apps.find((a) => a.id === 'analytics-etl')!;
    const ingest = registry.apps.find((a) => a.id === 'event-ingest')!;
    expect(etl.access[0]).toMatchObject({ bucket: 'acme-data-lake', prefix: 'events/', from: 'event-ingest', permissions: ['read', 'list'] });
    expect(ingest.access[0].shareWith).toEqual([
      { app: 'analytics-etl', permissions: ['read', 'list'], allowWrite: false, location: { file: 'apps/event-ingest.yaml', line: 18, column: 9 } },
    ]);
    expect(registry.buckets.every((b) => b.exclusive && b.enforceTls)).toBe(true);
  });

  test('GIVEN an access without prefix WHEN loaded THEN the prefix defaults to "<id>/"', () => {
    const root = writeRegistry(ACCOUNTS, {
      a: 'id: app-a\nowner: t\nconsumer: { account: work, principal: role/node }\nexternalId: ext-aaaaaaaaaaaaaaaa\naccess: [{ bucket: bkt, permissions: [read] }]\n',
    });
    expect(loadRegistry(root).apps[0].access[0].prefix).toBe('app-a/');
  });

  test('GIVEN a prefix without trailing slash WHEN loaded THEN a slash is appended so "a" never covers "ab/"', () => {
    const registry = loadRegistry(fixture('unseen'), UNSEEN_ENV);
    const ingester = registry.apps.find((a) => a.id === 'ingester')!;
    expect(ingester.access.map((a) => a.prefix)).toEqual(['ingester/', 'ingest/']);
  });

  test.each([
    ['role/node', 'arn:aws:iam::222222222222:role/node', 'role', 'node'],
    ['role/workers/x/node', 'arn:aws:iam::222222222222:role/workers/x/node', 'role', 'node'],
    ['user/bot', 'arn:aws:iam::222222222222:user/bot', 'user', 'bot'],
    ['root', 'arn:aws:iam::222222222222:root', 'root', undefined],
    ['arn:aws:iam::222222222222:role/full', 'arn:aws:iam::222222222222:role/full', 'role', 'full'],
  ])('GIVEN principal %s WHEN loaded THEN it resolves to %s', (principal, arn, type, name) => {
    const root = writeRegistry(ACCOUNTS, {
      a: `id: app-a\nowner: t\nconsumer: { account: work, principal: "${principal}" }\nexternalId: ext-aaaaaaaaaaaaaaaa\naccess: [{ bucket: bkt, permissions: [read] }]\n`,
    });
    const { consumer } = loadRegistry(root).apps[0];
    expect(consumer).toMatchObject({ accountId: '222222222222', principalArn: arn, principalType: type });
    expect(consumer.principalName).toBe(name);
  });

  test('GIVEN externalId from an env var WHEN loaded THEN the value comes from the environment', () => {
    const registry = loadRegistry(fixture('unseen'), UNSEEN_ENV);
    expect(registry.apps.find((a) => a.id === 'ingester')!.externalId).toBe('ingester-external-id-from-env');
  });

  test('GIVEN a principal ARN of another account than the consumer WHEN loaded THEN it is refused at its line', () => {
    const root = writeRegistry(ACCOUNTS, {
      a: 'id: app-a\nowner: t\nconsumer:\n  account: work\n  principal: arn:aws:iam::999999999999:role/x\nexternalId: ext-aaaaaaaaaaaaaaaa\naccess: [{ bucket: bkt, permissions: [read] }]\n',
    });
    expect(() => loadRegistry(root)).toThrow(RegistryError);
    expect(() => loadRegistry(root)).toThrow(/^apps\/a\.yaml:5:14: error: principal "arn:aws:iam::999999999999:role\/x" is not/);
  });
});
