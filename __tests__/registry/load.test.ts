import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BUNDLED_ROOT, fixture, UNSEEN_ENV, writeRegistry } from '../helpers';
import { checkRegistry, loadRegistry } from '../../src/registry/load';
import { formatDiagnostic, RegistryError } from '../../src/registry/diagnostics';

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
      'analytics-etl', 'event-ingest', 'finance-export', 'ledger-archiver', 'partner-ingest', 'swarm-reporter', 'swarm-uploader', 'vendor-sync', 'web-publisher',
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
    expect(consumer).toMatchObject({ kind: 'principal', accountId: '222222222222', principalArn: arn, principalType: type });
    expect(consumer.kind === 'principal' && consumer.principalName).toBe(name);
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

/** What validation says about apps/ (accounts.yaml's own warnings left out). */
const appProblems = (root: string) => checkRegistry(root, {}).diagnostics.map(formatDiagnostic).filter((line) => line.startsWith('apps'));

describe('readRegistryFiles: what apps/ holds (B5)', () => {
  const APP = (id: string) => `id: ${id}\nowner: t\nconsumer: { account: work, principal: role/node }\nexternalId: ext-${id}-aaaaaaaaaaaaaaaa\naccess: [{ bucket: bkt, prefix: ${id}/, permissions: [read] }]\n`;

  test('GIVEN an app file in a team folder under apps/ WHEN loaded THEN it is an app of the registry, located by its path', () => {
    const root = writeRegistry(ACCOUNTS, { a: APP('app-a') });
    mkdirSync(join(root, 'apps', 'team-x'));
    writeFileSync(join(root, 'apps', 'team-x', 'b.yml'), APP('app-b').replace('id: app-b', 'id: Bad'));

    expect(appProblems(root)).toEqual([
      'apps/team-x/b.yml:1:5: error: "id" must match [a-z0-9][a-z0-9-]*, e.g. myapp-123 (found "Bad")',
    ]);
    writeFileSync(join(root, 'apps', 'team-x', 'b.yml'), APP('app-b'));
    expect(loadRegistry(root, {}).apps.map((a) => a.id)).toEqual(['app-a', 'app-b']);
  });

  test('GIVEN no apps/ directory WHEN validated THEN a warning says so', () => {
    const root = writeRegistry(ACCOUNTS, {});
    rmSync(join(root, 'apps'), { recursive: true });

    expect(appProblems(root)).toEqual([`apps/:1:1: warning: no apps/ directory in the registry root ${root}; create it with one YAML file per app`]);
  });

  test('GIVEN an empty apps/ and a file that is not YAML WHEN validated THEN both are warned about, notes are not', () => {
    const root = writeRegistry(ACCOUNTS, {});
    writeFileSync(join(root, 'apps', 'a.json'), '{}');
    writeFileSync(join(root, 'apps', 'README.md'), '# apps');

    expect(appProblems(root)).toEqual([
      'apps/:1:1: warning: no app files (.yaml or .yml) in apps/; add one per app',
      'apps/a.json:1:1: warning: not read: app files end in .yaml or .yml; rename it, or move it out of apps/',
    ]);
  });
});

describe('readRegistryFiles: encodings (B8)', () => {
  test('GIVEN an app file saved as Latin-1 WHEN validated THEN the byte is located and the fix is to save it as UTF-8', () => {
    const root = writeRegistry(ACCOUNTS, {});
    writeFileSync(join(root, 'apps', 'a.yaml'), Buffer.from('id: app-a\ndescription: caf\xe9 export\n', 'latin1'));

    expect(appProblems(root)).toEqual([
      'apps/a.yaml:2:17: error: the file is not UTF-8 (byte 0xE9); save it as UTF-8 (YAML files are UTF-8; an editor may have saved it as Latin-1 or Windows-1252)',
    ]);
  });

  test('GIVEN UTF-8 with multi-byte characters before the bad byte WHEN validated THEN the column counts characters', () => {
    const root = writeRegistry(ACCOUNTS, {});
    writeFileSync(join(root, 'apps', 'a.yaml'), Buffer.concat([Buffer.from('# café ', 'utf8'), Buffer.from([0xff]), Buffer.from('\n')]));

    expect(appProblems(root)[0]).toMatch(/^apps\/a\.yaml:1:8: error: the file is not UTF-8 \(byte 0xFF\)/);
  });
});
