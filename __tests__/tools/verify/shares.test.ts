import { planAccounts } from '../../../src/policy/account-plan';
import { loadRegistry } from '../../../src/registry/load';
import { Registry } from '../../../src/registry/model';
import { verifyOutput } from '../../../src/tools/verify';
import { SimulationMemo } from '../../../src/tools/verify/simulation-memo';
import { deriveScenarios } from '../../../src/tools/verify/scenarios';
import { VerifyReport } from '../../../src/tools/verify/types';
import { writeRegistry } from '../../helpers';
import { editPolicy, mutated, resourceNamed, synthesize } from './output-fixture';

/** ingest owns events/ and raw/ on lake and offers events/ to analytics-etl, which reads events/2026/ only; other is a third app. */
const ACCOUNTS = `
accounts:
  data: { id: "111111111111", region: eu-west-1, deployRole: "arn:aws:iam::111111111111:role/deploy" }
  work: { id: "222222222222", region: eu-west-1 }
buckets:
  lake: { account: data }
`;
const consumer = (id: string) => `owner: team-${id}\nconsumer: { account: work, principal: role/${id}-task }\nexternalId: ${id}-external-id-0123\n`;
const APPS = {
  ingest: `id: ingest\n${consumer('ingest')}access:
  - bucket: lake
    prefix: events/
    permissions: [write, list]
    shareWith: [{ app: analytics-etl, permissions: [read, list] }]
  - { bucket: lake, prefix: raw/, permissions: [read, write] }
`,
  'analytics-etl': `id: analytics-etl\n${consumer('analytics-etl')}access:
  - { bucket: lake, prefix: events/2026/, from: ingest, permissions: [read, list] }
`,
  other: `id: other\n${consumer('other')}access:\n  - { bucket: lake, prefix: other/, permissions: [read, list] }\n`,
};

let registry: Registry;
let pristine: string;
/** Shared by the file's verifies of edited copies of one output: only requests an edit touches are simulated again. */
const memo = new SimulationMemo();

beforeAll(() => {
  registry = loadRegistry(writeRegistry(ACCOUNTS, APPS), {});
  pristine = synthesize(registry);
});

const failingNames = (report: VerifyReport) => report.results.filter((r) => !r.pass).map((r) => `${r.app}: ${r.scenario}`);
type Json = Record<string, any>;
const editReaderPolicy = (edit: (statements: Json[]) => void) =>
  mutated(pristine, 'data', (stack) => editPolicy(resourceNamed(stack, 'aws_iam_role_policy', 'app-analytics-etl_'), 'policy', (doc) => edit(doc.Statement)));

describe('verify on a share of a sub-prefix', () => {
  it('GIVEN the pipeline synthesized WHEN verified THEN the reader reads and lists the share, and is denied write, delete, the rest of the owner\'s prefixes and a third app', async () => {
    const report = await verifyOutput(registry, pristine, { memo });
    const expected = (name: string) => report.results.find((r) => r.app === 'analytics-etl' && r.scenario === name);

    expect(report.errors).toEqual([]);
    expect(failingNames(report)).toEqual([]);
    expect(expected('read under the prefix shared by ingest s3://lake/events/2026/')).toMatchObject({ expected: 'Allowed', actual: 'Allowed' });
    expect(expected('list under the prefix shared by ingest s3://lake/events/2026/')).toMatchObject({ expected: 'Allowed', actual: 'Allowed' });
    for (const denied of [
      'write under the prefix shared by ingest s3://lake/events/2026/ (not declared): s3:PutObject',
      'delete under the prefix shared by ingest s3://lake/events/2026/ (not declared)',
      "read under ingest's prefix outside the share s3://lake/events/",
      "list under ingest's prefix outside the share s3://lake/events/",
      "read under ingest's prefix s3://lake/raw/ (not shared)",
      "other's session: read under the prefix ingest shares with analytics-etl s3://lake/events/2026/",
      "other's session: list under the prefix ingest shares with analytics-etl s3://lake/events/2026/",
    ]) {
      expect(expected(denied)).toMatchObject({ expected: 'Denied', actual: 'Denied' });
    }
  });

  it('GIVEN the owner WHEN verified THEN its own scenarios are those of an app without shares: its prefixes, nothing of the reader\'s', async () => {
    const report = await verifyOutput(registry, pristine, { apps: ['ingest'], memo });
    const names = report.results.filter((r) => r.app === 'ingest').map((r) => r.scenario);

    expect(report.failed).toBe(0);
    expect(names).toContain('write under its prefix s3://lake/events/');
    expect(names).toContain('read under its prefix s3://lake/events/ (not declared)');
    expect(names.some((n) => n.includes('shared'))).toBe(false);
  });

  it('GIVEN the reader\'s object grant widened to the owner\'s whole prefix WHEN verified THEN the scenarios outside the share fail', async () => {
    const dir = editReaderPolicy(([objects]) => {
      objects.Resource = 'arn:aws:s3:::lake/events/*';
    });

    expect(failingNames(await verifyOutput(registry, dir, { memo }))).toEqual([
      'analytics-etl: read outside the prefix shared by ingest s3://lake/events/2026-outside/',
      "analytics-etl: read under ingest's prefix outside the share s3://lake/events/",
    ]);
  });

  it('GIVEN the reader\'s list grant widened to the owner\'s whole prefix WHEN verified THEN listing outside the share fails', async () => {
    const dir = editReaderPolicy(([, list]) => {
      list.Condition.StringLike['s3:prefix'] = 'events/*';
    });

    expect(failingNames(await verifyOutput(registry, dir, { memo }))).toEqual([
      'analytics-etl: list outside the prefix shared by ingest s3://lake/events/2026-outside/',
      "analytics-etl: list under ingest's prefix outside the share s3://lake/events/",
    ]);
  });

  it('GIVEN write added to the reader\'s shared grant WHEN verified THEN writing under the share fails: read was shared, not write', async () => {
    const dir = editReaderPolicy(([objects]) => {
      objects.Action = ['s3:GetObject', 's3:PutObject'];
    });

    expect(failingNames(await verifyOutput(registry, dir, { memo }))).toEqual([
      'analytics-etl: write under the prefix shared by ingest s3://lake/events/2026/ (not declared): s3:PutObject',
    ]);
  });

  it('GIVEN a third app\'s grant widened to the shared prefix WHEN verified THEN the third-app scenario of the share fails', async () => {
    const dir = mutated(pristine, 'data', (stack) => editPolicy(resourceNamed(stack, 'aws_iam_role_policy', 'app-other_'), 'policy', (doc) => {
      doc.Statement[0].Resource = ['arn:aws:s3:::lake/other/*', 'arn:aws:s3:::lake/events/*'];
    }));

    expect(failingNames(await verifyOutput(registry, dir, { memo }))).toContain(
      "analytics-etl: other's session: read under the prefix ingest shares with analytics-etl s3://lake/events/2026/",
    );
  });
});

describe('the bucket policy under a share', () => {
  it('GIVEN the share removed from the registry WHEN planned THEN the bucket policy is the same: nothing in it grows per share', () => {
    const unshared = loadRegistry(writeRegistry(ACCOUNTS, {
      ingest: APPS.ingest.replace(/ {4}shareWith:.*\n/, ''),
      other: APPS.other,
    }), {});
    const lake = (r: Registry) => planAccounts(r).flatMap((p) => p.bucketPolicies).find((b) => b.bucket === 'lake')!.policy;

    expect(lake(registry)).toEqual(lake(unshared));
  });

  it('GIVEN the reader\'s session WHEN it reads the share THEN the bucket policy is evaluated and its AppId guardrails let the session through', async () => {
    const report = await verifyOutput(registry, pristine, { apps: ['analytics-etl'], memo });
    const read = report.results.find((r) => r.scenario === 'read under the prefix shared by ingest s3://lake/events/2026/')!;
    const foreignTag = report.results.find((r) => r.scenario === 'read s3://lake/events/2026/ in a session tagged for another app')!;

    // The same request with another app's AppId tag is denied by the guardrail: the bucket policy did take part.
    expect(read).toMatchObject({ actual: 'Allowed', pass: true });
    expect(foreignTag).toMatchObject({ actual: 'Denied', decidingSid: 'DenyAppSessionTaggedForAnotherApp', pass: true });
  });
});

describe('share scenarios with allowWrite', () => {
  it('GIVEN write shared with allowWrite and taken WHEN derived and verified THEN writing the share is allowed and delete, not shared, denied', async () => {
    const writable = loadRegistry(writeRegistry(ACCOUNTS, {
      ...APPS,
      ingest: APPS.ingest.replace('[{ app: analytics-etl, permissions: [read, list] }]', '[{ app: analytics-etl, permissions: [read, write], allowWrite: true }]'),
      'analytics-etl': APPS['analytics-etl'].replace('permissions: [read, list]', 'permissions: [read, write]'),
    }), {});
    const expected = (name: string) => deriveScenarios(writable, { apps: ['analytics-etl'] }).find((s) => s.scenario === name)?.expected;

    expect(expected('write under the prefix shared by ingest s3://lake/events/2026/')).toBe('Allowed');
    expect(expected('delete under the prefix shared by ingest s3://lake/events/2026/ (not declared)')).toBe('Denied');
    expect(expected("write under ingest's prefix outside the share s3://lake/events/: s3:PutObject")).toBe('Denied');
    const report = await verifyOutput(writable, synthesize(writable), { apps: ['analytics-etl'], memo });
    expect(report.errors).toEqual([]);
    expect(report.failed).toBe(0);
  });
});

describe('verify with several shares of one owner', () => {
  it('GIVEN one prefix shared with two readers and a reader taking two prefixes WHEN verified THEN no reader is taken for a third app and every scenario passes', async () => {
    const several = loadRegistry(writeRegistry(ACCOUNTS, {
      ingest: APPS.ingest
        .replace('[{ app: analytics-etl, permissions: [read, list] }]', '[{ app: analytics-etl, permissions: [read, list] }, { app: ml, permissions: [read] }]')
        .replace('{ bucket: lake, prefix: raw/, permissions: [read, write] }', '{ bucket: lake, prefix: raw/, permissions: [read, write], shareWith: [{ app: analytics-etl, permissions: [read] }] }'),
      'analytics-etl': `${APPS['analytics-etl']}  - { bucket: lake, prefix: raw/, from: ingest, permissions: [read] }\n`,
      ml: `id: ml\n${consumer('ml')}access:\n  - { bucket: lake, prefix: events/, from: ingest, permissions: [read] }\n`,
      other: APPS.other,
    }), {});

    const report = await verifyOutput(several, synthesize(several), { memo });
    const names = report.results.map((r) => `${r.app}: ${r.scenario}`);

    expect(report.errors).toEqual([]);
    expect(failingNames(report)).toEqual([]);
    expect(names).toContain("analytics-etl: other's session: read under the prefix ingest shares with analytics-etl s3://lake/events/2026/");
    // ml reads events/ itself: it is a third app for raw/, never for events/.
    expect(names).toContain("analytics-etl: ml's session: read under the prefix ingest shares with analytics-etl s3://lake/raw/");
    expect(names.some((n) => n.includes("ml's session") && n.includes('s3://lake/events/'))).toBe(false);
    expect(names).not.toContain("analytics-etl: read under ingest's prefix s3://lake/raw/ (not shared)");
  });
});
