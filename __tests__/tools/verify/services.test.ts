import { Registry } from '../../../src/registry/model';
import { verifyOutput } from '../../../src/tools/verify';
import { SimulationMemo } from '../../../src/tools/verify/simulation-memo';
import { VerifyReport } from '../../../src/tools/verify/types';
import { bundledRegistry, editPolicy, mutated, resourceWhere, synthesize } from './output-fixture';

const BUCKET = 'acme-web-assets';
const CLOUDFRONT = 'cloudfront.amazonaws.com';
const LOGGING = 'logging.s3.amazonaws.com';
/** Only the bucket with services and the app that uses it: the other buckets are not what these tests change. */
/** One app's scenarios, with a memo shared by the file's verifies of edited copies of one output. */
const ONLY = { apps: ['web-publisher'], memo: new SimulationMemo() };

let registry: Registry;
let pristine: string;

beforeAll(() => {
  // The bucket policy on its own: the organization's RCP also denies a service acting for an account outside the
  // registry (DenyServicesActingForOtherAccounts, organization.test.ts), which would hide a dropped SourceAccount here.
  const { organization: _organization, ...withoutOrganization } = bundledRegistry();
  registry = withoutOrganization;
  pristine = synthesize(registry);
});

type Json = Record<string, any>;

function failingNames(report: VerifyReport): string[] {
  return report.results.filter((r) => !r.pass).map((r) => r.scenario);
}

function withBucketPolicy(edit: (doc: Json) => void): string {
  return mutated(pristine, 'data', (stack) => editPolicy(resourceWhere(stack, 'aws_s3_bucket_policy', 'bucket', BUCKET), 'policy', edit));
}

const sid = (doc: Json, id: string): Json => doc.Statement.find((s: Json) => s.Sid === id);

describe('verify: AWS services as grantees of a bucket', () => {
  it('GIVEN the bundled bucket with CloudFront and S3 log delivery WHEN verified THEN each service is allowed only for its own source, only under its prefix', async () => {
    const report = await verifyOutput(registry, pristine, ONLY);
    const decision = (name: string) => report.results.find((r) => r.scenario === name)?.actual;

    expect(report.errors).toEqual([]);
    expect(failingNames(report)).toEqual([]);
    expect(decision(`${CLOUDFRONT} read under its prefix s3://${BUCKET}/public/ for its own source`)).toBe('Allowed');
    expect(decision(`${CLOUDFRONT} read s3://${BUCKET}/public/ for another aws:SourceArn arn:aws:cloudfront::999999999999:distribution/keylessverifyother`)).toBe('Denied');
    expect(decision(`${CLOUDFRONT} read outside its prefix s3://${BUCKET}/public-outside/`)).toBe('Denied');
    expect(decision(`${LOGGING} write s3://${BUCKET}/access-logs/ for another aws:SourceAccount 999999999999`)).toBe('Denied');
    expect(report.results.find((r) => r.scenario.startsWith('an AWS service the bucket does not declare'))).toMatchObject({
      actual: 'Denied', decidingSid: 'DenyPrincipalsOutsideRegistry', pass: true,
    });
  });

  it("GIVEN CloudFront's source condition dropped WHEN verified THEN the request for another distribution gets through and verify fails", async () => {
    const dir = withBucketPolicy((doc) => delete sid(doc, 'AllowService1Objects').Condition);

    const report = await verifyOutput(registry, dir, ONLY);

    expect(failingNames(report)).toEqual([
      `${CLOUDFRONT} read s3://${BUCKET}/public/ for another aws:SourceArn arn:aws:cloudfront::999999999999:distribution/keylessverifyother`,
    ]);
  });

  it("GIVEN S3 logging's aws:SourceAccount condition dropped WHEN verified THEN a delivery for another account gets through and verify fails", async () => {
    const dir = withBucketPolicy((doc) => delete sid(doc, 'AllowService2Objects').Condition.StringEquals);

    const report = await verifyOutput(registry, dir, ONLY);

    expect(failingNames(report)).toEqual([`${LOGGING} write s3://${BUCKET}/access-logs/ for another aws:SourceAccount 999999999999`]);
  });

  it('GIVEN the exclusive exemption widened to every AWS service WHEN verified THEN the undeclared service is no longer denied by the guardrail', async () => {
    const dir = withBucketPolicy((doc) => {
      const guard = sid(doc, 'DenyPrincipalsOutsideRegistry');
      delete guard.Condition.StringNotEqualsIfExists;
      guard.Condition.BoolIfExists = { 'aws:PrincipalIsAWSService': 'false' };
    });

    const report = await verifyOutput(registry, dir, ONLY);

    expect(failingNames(report)).toEqual([`an AWS service the bucket does not declare (delivery.logs.amazonaws.com): read s3://${BUCKET}/public/`]);
  });

  it('GIVEN the exemption removed from the exclusive guardrail WHEN verified THEN the declared services are locked out and verify fails', async () => {
    const dir = withBucketPolicy((doc) => delete sid(doc, 'DenyPrincipalsOutsideRegistry').Condition.StringNotEqualsIfExists);

    const report = await verifyOutput(registry, dir, ONLY);

    expect(failingNames(report)).toEqual([
      `${CLOUDFRONT} read under its prefix s3://${BUCKET}/public/ for its own source`,
      `${LOGGING} write under its prefix s3://${BUCKET}/access-logs/ for its own source`,
    ]);
  });

  it("GIVEN a service grant's resource widened to the whole bucket WHEN verified THEN its scenarios outside the prefix fail", async () => {
    const dir = withBucketPolicy((doc) => { sid(doc, 'AllowService1Objects').Resource = `arn:aws:s3:::${BUCKET}/*`; });

    const report = await verifyOutput(registry, dir, ONLY);

    expect(failingNames(report)).toEqual([`${CLOUDFRONT} read outside its prefix s3://${BUCKET}/public-outside/`]);
  });
});
