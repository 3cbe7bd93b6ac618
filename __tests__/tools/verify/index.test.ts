import { loadRegistry } from '../../../src/registry/load';
import { Registry } from '../../../src/registry/model';
import { verifyOutput } from '../../../src/tools/verify';
import { SimulationMemo } from '../../../src/tools/verify/simulation-memo';
import { ScenarioResult, VerifyReport } from '../../../src/tools/verify/types';
import { writeRegistry } from '../../helpers';
import { bundledRegistry, editPolicy, mutated, mutatedText, resourceNamed, resourceWhere, synthesize, synthesizedBundled } from './output-fixture';
import { ACCOUNTS, APPS } from './registry-fixture';

const UPLOADS = 's3://assumed-with-external-id/uploads/';

let registry: Registry;
let pristine: string;
/** Shared by the file's verifies of edited copies of one output: only requests an edit touches are simulated again. */
const memo = new SimulationMemo();

beforeAll(() => {
  registry = bundledRegistry();
  pristine = synthesizedBundled();
});

function failing(report: VerifyReport): ScenarioResult[] {
  return report.results.filter((r) => !r.pass);
}

function failingNames(report: VerifyReport, app?: string): string[] {
  return failing(report).filter((r) => app === undefined || r.app === app).map((r) => r.scenario);
}

describe('verifyOutput on the bundled registry', () => {
  it('GIVEN the synthesized bundled registry WHEN verified THEN every scenario passes and every policy resolves', async () => {
    const report = await verifyOutput(registry, pristine, { memo });

    expect(report.errors).toEqual([]);
    expect(failing(report)).toEqual([]);
    expect(report.passed).toBe(report.results.length);
    expect(new Set(report.results.map((r) => r.app).filter(Boolean))).toEqual(new Set(registry.apps.map((a) => a.id)));
    expect(new Set(report.results.filter((r) => !r.app && !r.account).map((r) => r.bucket))).toEqual(new Set(registry.buckets.map((b) => b.name)));
  });

  it('GIVEN the bundled registry WHEN verified THEN the denials for plain HTTP, network and outsiders name the bucket statement that decided', async () => {
    const report = await verifyOutput(registry, pristine, { memo });
    const sid = (name: string) => report.results.find((r) => r.scenario === name)?.decidingSid;

    expect(sid(`read ${UPLOADS} over plain HTTP`)).toBe('DenyInsecureTransport');
    expect(sid(`read ${UPLOADS} from outside the bucket network`)).toBe('DenyAppSessionOutsideNetwork');
    expect(sid(`read ${UPLOADS} as the consumer principal directly, without assuming`)).toBe('DenyPrincipalsOutsideRegistry');
  });

  it('GIVEN an apps filter WHEN verified THEN only that app and the buckets it uses are evaluated', async () => {
    const report = await verifyOutput(registry, pristine, { apps: ['swarm-uploader'], memo });

    expect(new Set(report.results.map((r) => r.app ?? `bucket:${r.bucket}`))).toEqual(new Set(['swarm-uploader', 'bucket:assumed-with-external-id']));
    expect(report.failed).toBe(0);
  });

  it('GIVEN an apps filter naming an unknown app WHEN verified THEN the report carries an error and no results', async () => {
    const report = await verifyOutput(registry, pristine, { apps: ['no-such-app'], memo });

    expect(report.results).toEqual([]);
    expect(report.errors).toEqual([expect.stringContaining('no app "no-such-app"')]);
  });

  it('GIVEN a directory without stacks WHEN verified THEN the report says to synthesize first', async () => {
    const report = await verifyOutput(registry, '/nonexistent-keyless-out', { memo });

    expect(report.errors).toEqual([expect.stringMatching(/^\/nonexistent-keyless-out: error: no stacks\/ directory; run `keyless synth`/)]);
  });
});

describe('verifyOutput on a registry unlike the bundled one', () => {
  it('GIVEN two bucket accounts, open and network-bound buckets, root and external consumers WHEN synthesized and verified THEN every scenario passes', async () => {
    const other = loadRegistry(writeRegistry(ACCOUNTS, APPS), {});

    const report = await verifyOutput(other, synthesize(other), { memo });

    expect(report.errors).toEqual([]);
    expect(failing(report)).toEqual([]);
    expect(report.passed).toBeGreaterThan(0);
  });
});

describe('verifyOutput on carelessly edited output', () => {
  type TrustStatement = { Condition: Record<string, Record<string, unknown>> };
  it.each<[string, (statements: TrustStatement[]) => void, string[]]>([
    ['the ExternalId condition', ([assume]) => delete assume.Condition.StringEquals['sts:ExternalId'], [
      'AssumeRole with a wrong ExternalId',
      'AssumeRole without an ExternalId',
      "AssumeRole with another app's ExternalId (ledger-archiver)",
    ]],
    ['the AppId tag condition of AssumeRole', ([assume]) => delete assume.Condition.StringEquals['aws:RequestTag/AppId'], [
      'AssumeRole without the AppId tag',
      'sts:AssumeRole alone with an AppId tag extending its id (swarm-uploader-x)',
    ]],
    ['the exact AppId of AssumeRole, now StringLike "<id>*"', ([assume]) => {
      delete assume.Condition.StringEquals['aws:RequestTag/AppId'];
      assume.Condition.StringLike = { ...assume.Condition.StringLike, 'aws:RequestTag/AppId': 'swarm-uploader*' };
    }, [
      'sts:AssumeRole alone with an AppId tag extending its id (swarm-uploader-x)',
    ]],
    ['the exact AppId of TagSession, now StringLike "<id>*"', ([, tag]) => {
      delete tag.Condition.StringEquals;
      tag.Condition.StringLike = { 'aws:RequestTag/AppId': 'swarm-uploader*' };
    }, [
      'sts:TagSession alone with an AppId tag extending its id (swarm-uploader-x)',
    ]],
    ['the tag key condition of TagSession', ([, tag]) => delete tag.Condition['ForAllValues:StringEquals'], [
      'AssumeRole with an extra session tag key (Team)',
    ]],
    ['the SourceIdentity condition of AssumeRole', ([assume]) => delete assume.Condition.StringLike, [
      'AssumeRole without a SourceIdentity',
    ]],
  ])('GIVEN %s dropped from a trust policy WHEN verified THEN exactly the scenarios it guards fail', async (_, edit, expected) => {
    const dir = mutated(pristine, 'data', (stack) =>
      editPolicy(resourceWhere(stack, 'aws_iam_role', 'name', 'keyless-swarm-uploader'), 'assume_role_policy', (doc) => edit(doc.Statement)));

    const report = await verifyOutput(registry, dir, { memo });

    expect(failingNames(report)).toEqual(expected);
    expect(failing(report).every((r) => r.app === 'swarm-uploader' && r.actual === 'Allowed')).toBe(true);
  });

  it('GIVEN the guardrail matching role names with a trailing wildcard (keyless-${tag}*) WHEN verified THEN a session tagged with an id its own extends gets through', async () => {
    const dir = mutated(pristine, 'data', (stack) =>
      editPolicy(resourceWhere(stack, 'aws_s3_bucket_policy', 'bucket', 'assumed-with-external-id'), 'policy', (doc) => {
        const guard = doc.Statement.find((s: { Sid: string }) => s.Sid === 'DenyAppSessionTaggedForAnotherApp');
        guard.Condition.ArnNotLike['aws:PrincipalArn'] += '*';
      }));

    const report = await verifyOutput(registry, dir, { memo });

    expect(failing(report).map((r) => r.scenario)).toEqual([`read ${UPLOADS} in a session tagged with an id it extends (swarm-uploade)`]);
  });

  it('GIVEN the consumer policies widened to every keyless role of the account WHEN verified THEN each consumer reaches a role registered for another principal', async () => {
    const dir = mutated(pristine, 'swarm', (stack) => {
      for (const p of Object.values(stack.resource.aws_iam_policy as Record<string, { policy: string }>)) {
        editPolicy(p, 'policy', (doc) => { doc.Statement[0].Resource = 'arn:aws:iam::111111111111:role/keyless/*'; });
      }
    });

    const report = await verifyOutput(registry, dir, { memo });

    const swarmApps = registry.apps.filter((a) => a.consumer.kind === 'principal' && a.consumer.account === 'swarm').map((a) => a.id);
    expect(swarmApps.length).toBeGreaterThan(1);
    expect(failing(report).map((r) => r.app).sort()).toEqual([...swarmApps].sort());
    expect(failing(report).every((r) => /^AssumeRole of \S+'s role, trust loosened to account 222222222222: its own policies must refuse$/.test(r.scenario))).toBe(true);
  });

  it("GIVEN all the bucket's Deny statements dropped WHEN verified THEN plain HTTP, outside network, untagged sessions and outside admins get through", async () => {
    const dir = mutated(pristine, 'data', (stack) =>
      editPolicy(resourceWhere(stack, 'aws_s3_bucket_policy', 'bucket', 'assumed-with-external-id'), 'policy', (doc) => {
        doc.Statement = doc.Statement.filter((s: { Effect: string }) => s.Effect !== 'Deny');
      }));

    const report = await verifyOutput(registry, dir, { memo });

    expect(failingNames(report)).toEqual(expect.arrayContaining([
      `read ${UPLOADS} over plain HTTP`,
      `read ${UPLOADS} from outside the bucket network`,
      `read ${UPLOADS} in a session without the AppId tag`,
      `read ${UPLOADS} in a session tagged for another app`,
      'an admin of account data outside the registry: s3:GetObject',
      'an admin of account data outside the registry: s3:PutBucketPolicy',
    ]));
    expect(failing(report).every((r) => r.bucket === 'assumed-with-external-id')).toBe(true);
  });

  it.each([
    ['DenyInsecureTransport', `read ${UPLOADS} over plain HTTP`],
    ['DenyPrincipalsOutsideRegistry', 'an admin of account data outside the registry: s3:GetObject'],
    ['DenyPrincipalsOutsideRegistry', 'an admin of account data outside the registry: s3:PutBucketPolicy'],
    ['DenyDeployRoleBeyondBucketPolicy', 'deploy role arn:aws:iam::111111111111:role/terraform-deploy reads objects: s3:GetObject'],
    ['DenyPlanRoleBeyondReadingBucketPolicy', 'plan role arn:aws:iam::111111111111:role/terraform-plan changes the bucket policy: s3:PutBucketPolicy'],
    ['DenyPlanRoleBeyondReadingBucketPolicy', 'plan role arn:aws:iam::111111111111:role/terraform-plan reads objects: s3:GetObject'],
    ['DenyAppSessionWithoutAppIdTag', `read ${UPLOADS} in a session without the AppId tag`],
    ['DenyAppSessionTaggedForAnotherApp', `read ${UPLOADS} in a session tagged for another app`],
    ['DenyAppSessionOutsideNetwork', `read ${UPLOADS} from outside the bucket network`],
  ])('GIVEN the bucket statement %s dropped on its own WHEN verified THEN verify fails and names "%s"', async (sid, scenario) => {
    const dir = mutated(pristine, 'data', (stack) =>
      editPolicy(resourceWhere(stack, 'aws_s3_bucket_policy', 'bucket', 'assumed-with-external-id'), 'policy', (doc) => {
        doc.Statement = doc.Statement.filter((s: { Sid: string }) => s.Sid !== sid);
      }));

    const report = await verifyOutput(registry, dir, { memo });

    expect(report.failed).toBeGreaterThan(0);
    expect(failingNames(report)).toContain(scenario);
    expect(failing(report).find((r) => r.scenario === scenario && r.bucket === 'assumed-with-external-id')).toMatchObject({ expectedSid: sid, pass: false });
  });

  it("GIVEN an app's object prefix widened to * WHEN verified THEN its scenarios outside the prefix fail", async () => {
    const dir = mutated(pristine, 'data', (stack) =>
      editPolicy(resourceNamed(stack, 'aws_iam_role_policy', 'app-swarm-uploader_'), 'policy', (doc) => {
        doc.Statement[0].Resource = 'arn:aws:s3:::assumed-with-external-id/*';
      }));

    const report = await verifyOutput(registry, dir, { memo });

    expect(failingNames(report)).toEqual([
      'read outside its prefix s3://assumed-with-external-id/uploads-outside/',
      'write outside its prefix s3://assumed-with-external-id/uploads-outside/: s3:PutObject',
      'write outside its prefix s3://assumed-with-external-id/uploads-outside/: s3:AbortMultipartUpload',
      'write outside its prefix s3://assumed-with-external-id/uploads-outside/: s3:ListMultipartUploadParts',
      "read under swarm-reporter's prefix s3://assumed-with-external-id/reports/",
      "write under swarm-reporter's prefix s3://assumed-with-external-id/reports/: s3:PutObject",
      "write under swarm-reporter's prefix s3://assumed-with-external-id/reports/: s3:AbortMultipartUpload",
      "write under swarm-reporter's prefix s3://assumed-with-external-id/reports/: s3:ListMultipartUploadParts",
    ]);
  });

  it("GIVEN an app's list prefix widened to * WHEN verified THEN listing outside the prefix fails", async () => {
    const dir = mutated(pristine, 'data', (stack) =>
      editPolicy(resourceNamed(stack, 'aws_iam_role_policy', 'app-swarm-uploader_'), 'policy', (doc) => {
        doc.Statement[1].Condition.StringLike['s3:prefix'] = '*';
      }));

    const report = await verifyOutput(registry, dir, { memo });

    expect(failingNames(report)).toEqual([
      'list outside its prefix s3://assumed-with-external-id/uploads-outside/',
      'list the whole bucket s3://assumed-with-external-id/',
      "list under swarm-reporter's prefix s3://assumed-with-external-id/reports/",
    ]);
  });

  it('GIVEN an Allow for everyone added to a bucket policy WHEN verified THEN the app session reads outside its prefix', async () => {
    const dir = mutated(pristine, 'data', (stack) =>
      editPolicy(resourceWhere(stack, 'aws_s3_bucket_policy', 'bucket', 'assumed-with-external-id'), 'policy', (doc) => {
        doc.Statement.push({ Sid: 'AllowRead', Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::assumed-with-external-id/*' });
      }));

    const report = await verifyOutput(registry, dir, { memo });

    expect(failingNames(report, 'swarm-uploader')).toEqual([
      'read outside its prefix s3://assumed-with-external-id/uploads-outside/',
      "read under swarm-reporter's prefix s3://assumed-with-external-id/reports/",
    ]);
  });

  it('GIVEN the policy variables unescaped in the raw JSON WHEN verified THEN each interpolation is reported and every bucket scenario errors', async () => {
    const dir = mutatedText(pristine, 'data', (text) => text.replaceAll('$${aws:PrincipalTag/AppId}', '${aws:PrincipalTag/AppId}'));

    const report = await verifyOutput(registry, dir, { memo });

    expect(report.errors).toHaveLength(registry.buckets.length);
    for (const error of report.errors) {
      expect(error).toMatch(/stacks\/data\/cdk\.tf\.json:\d+:\d+: error: aws_s3_bucket_policy\.\S+\.policy: unescaped IAM policy variable "\$\{aws:PrincipalTag\/AppId\}"/);
    }
    expect(failingNames(report)).toContain(`read under its prefix ${UPLOADS}`);
    expect(failing(report).every((r) => r.bucket !== undefined && r.actual === 'Error')).toBe(true);
    expect(report.results.filter((r) => r.scenario.startsWith('AssumeRole')).every((r) => r.pass)).toBe(true);
  });

  it('GIVEN the consumer policy attachment removed from the consumer workspace WHEN verified THEN the consumer can no longer assume its roles', async () => {
    const dir = mutated(pristine, 'swarm', (stack) => {
      delete stack.resource.aws_iam_role_policy_attachment;
    });

    const report = await verifyOutput(registry, dir, { memo });

    expect(failingNames(report)).toEqual(expect.arrayContaining([
      'AssumeRole with its ExternalId and AppId tag and SourceIdentity',
      'TagSession with its AppId tag only',
    ]));
    expect(new Set(failing(report).map((r) => r.app))).toEqual(new Set(['analytics-etl', 'event-ingest', 'ledger-archiver', 'swarm-uploader', 'web-publisher']));
  });
});
