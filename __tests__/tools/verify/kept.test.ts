import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadRegistry } from '../../../src/registry/load';
import { Registry } from '../../../src/registry/model';
import { verifyOutput } from '../../../src/tools/verify';
import { writeRegistry } from '../../helpers';
import { editPolicy, mutated, resourceWhere, synthesize } from './output-fixture';

/** A shared (not exclusive) bucket whose live policy let an auditor of another account read reports/. */
const ACCOUNTS = `
accounts:
  store:
    id: "111111111111"
    region: eu-west-1
  work:
    id: "333333333333"
    region: eu-west-1
buckets:
  shared:
    account: store
    exclusive: false
    keepStatements: policies/shared.json
`;

const APP = `
id: writer
owner: t
consumer: { account: work, principal: role/node }
externalId: writer-external-id-123456
access:
  - { bucket: shared, prefix: reports/, permissions: [write] }
`;

const KEPT = [{
  Sid: 'AuditorRead', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::999999999999:role/auditor' },
  Action: 's3:GetObject', Resource: 'arn:aws:s3:::shared/reports/*',
}];

const SCENARIO = 'kept statement AuditorRead: s3:GetObject on arn:aws:s3:::shared/reports/verify by arn:aws:iam::999999999999:role/auditor';

let registry: Registry;
let pristine: string;

beforeAll(() => {
  const root = writeRegistry(ACCOUNTS, { writer: APP });
  mkdirSync(join(root, 'policies'));
  writeFileSync(join(root, 'policies', 'shared.json'), JSON.stringify(KEPT));
  registry = loadRegistry(root, {});
  pristine = synthesize(registry);
});

describe('verify: kept statements evaluated as written', () => {
  it("GIVEN an auditor's Allow kept on a shared bucket WHEN verified THEN the auditor of another account can read, and every scenario passes", async () => {
    const report = await verifyOutput(registry, pristine);

    expect(report.errors).toEqual([]);
    expect(report.results.filter((r) => !r.pass)).toEqual([]);
    expect(report.results.find((r) => r.scenario === SCENARIO)).toMatchObject({ expected: 'Allowed', actual: 'Allowed' });
  });

  it('GIVEN the kept statement missing from the synthesized policy WHEN verified THEN the auditor is denied and verify fails', async () => {
    const dir = mutated(pristine, 'store', (stack) => editPolicy(resourceWhere(stack, 'aws_s3_bucket_policy', 'bucket', 'shared'), 'policy', (doc) => {
      doc.Statement = doc.Statement.filter((s: { Sid: string }) => s.Sid !== 'AuditorRead');
    }));

    const report = await verifyOutput(registry, dir);

    expect(report.results.filter((r) => !r.pass).map((r) => `${r.scenario}: ${r.actual}`)).toEqual([`${SCENARIO}: Denied`]);
  });
});
