import { Registry } from '../../../src/registry/model';
import { trustAnchorArnPlaceholder } from '../../../src/policy/naming';
import { verifyOutput } from '../../../src/tools/verify';
import { VerifyReport } from '../../../src/tools/verify/types';
import { bundledRegistry, editPolicy, mutated, resourceNamed, resourceWhere, synthesizedBundled } from './output-fixture';

const REPORTS = 's3://assumed-with-external-id/reports/';
let registry: Registry;
let pristine: string;

beforeAll(() => {
  registry = bundledRegistry();
  pristine = synthesizedBundled();
});

const failingNames = (report: VerifyReport, app: string) => report.results.filter((r) => !r.pass && r.app === app).map((r) => r.scenario);
/** Verifies the output with the certificate app's trust policy edited. */
const withReporterTrust = (edit: (doc: Record<string, any>) => void) =>
  verifyOutput(registry, mutated(pristine, 'data', (stack) => editPolicy(resourceNamed(stack, 'aws_iam_role', 'app-swarm-reporter_'), 'assume_role_policy', edit)), { apps: ['swarm-reporter'] });

describe('verify: certificate consumer swarm-reporter next to ExternalId app swarm-uploader', () => {
  it('GIVEN the bundled registry WHEN verified THEN its certificate, trust-anchor, cross-kind and bucket scenarios all pass', async () => {
    const report = await verifyOutput(registry, pristine, { apps: ['swarm-reporter', 'swarm-uploader'] });
    const names = report.results.filter((r) => r.app === 'swarm-reporter').map((r) => `${r.expected} ${r.scenario}`);

    expect(report.errors).toEqual([]);
    expect(report.failed).toBe(0);
    expect(names).toEqual(expect.arrayContaining([
      'Allowed Roles Anywhere session with its certificate (CN=swarm-reporter) of swarm-ca',
      'Denied Roles Anywhere session with another app\'s certificate (CN=swarm-uploader)',
      'Denied Roles Anywhere session with a certificate without a subject CN',
      'Denied Roles Anywhere session with CN=swarm-reporter through another trust anchor (another CA)',
      'Denied AssumeRole by swarm-uploader\'s consumer with its ExternalId and the AppId tag swarm-reporter',
      `Allowed read under its prefix ${REPORTS}`,
      'Denied read under swarm-uploader\'s prefix s3://assumed-with-external-id/uploads/',
      `Denied read ${REPORTS} in a session tagged x509Subject/CN=swarm-uploader, the id of a principal app`,
    ]));
    expect(report.results.find((r) => r.app === 'swarm-uploader' && r.scenario === 'Roles Anywhere session with a certificate of swarm-ca whose CN is this app\'s id'))
      .toMatchObject({ expected: 'Denied', pass: true });
  });

  it('GIVEN the CN condition dropped from the trust policy WHEN verified THEN another app\'s certificate and one without CN get in', async () => {
    const report = await withReporterTrust((doc) => { delete doc.Statement[0].Condition.StringEquals; });

    expect(failingNames(report, 'swarm-reporter')).toEqual([
      'Roles Anywhere session with another app\'s certificate (CN=swarm-uploader)',
      'Roles Anywhere session with a certificate without a subject CN',
    ]);
  });

  it('GIVEN the SourceArn condition dropped from the trust policy WHEN verified THEN a certificate of another CA gets in', async () => {
    const report = await withReporterTrust((doc) => { delete doc.Statement[0].Condition.ArnEquals; });

    expect(failingNames(report, 'swarm-reporter')).toEqual(['Roles Anywhere session with CN=swarm-reporter through another trust anchor (another CA)']);
  });

  it('GIVEN the trust policy left with the planned placeholder instead of the trust anchor reference WHEN verified THEN the app\'s own certificate fails', async () => {
    const placeholder = trustAnchorArnPlaceholder('eu-central-1', '111111111111', 'swarm-ca');
    const report = await withReporterTrust((doc) => { doc.Statement[0].Condition.ArnEquals['aws:SourceArn'] = placeholder; });

    expect(failingNames(report, 'swarm-reporter')).toEqual(['Roles Anywhere session with its certificate (CN=swarm-reporter) of swarm-ca']);
  });

  it('GIVEN DenyCertificateSessionForAnotherApp dropped from the bucket policy WHEN verified THEN the certificate sessions tagged for another app are not denied by it', async () => {
    const dir = mutated(pristine, 'data', (stack) =>
      editPolicy(resourceWhere(stack, 'aws_s3_bucket_policy', 'bucket', 'assumed-with-external-id'), 'policy', (doc) => {
        doc.Statement = doc.Statement.filter((s: { Sid: string }) => s.Sid !== 'DenyCertificateSessionForAnotherApp');
      }));
    const report = await verifyOutput(registry, dir, { apps: ['swarm-reporter', 'swarm-uploader'] });

    expect(report.results.filter((r) => !r.pass).map((r) => `${r.app}: ${r.scenario}`)).toEqual([
      `swarm-reporter: read ${REPORTS} in a session tagged for another app`,
      `swarm-reporter: read ${REPORTS} in a session tagged x509Subject/CN=swarm-uploader, the id of a principal app`,
      `swarm-reporter: read ${REPORTS} in a session tagged with an id it extends (swarm-reporte)`,
      'swarm-uploader: read s3://assumed-with-external-id/uploads/ in a session with its AppId and a certificate CN tag of swarm-reporter',
    ]);
  });
});
