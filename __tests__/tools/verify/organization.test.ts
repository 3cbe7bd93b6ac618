import { Registry } from '../../../src/registry/model';
import { verifyOutput } from '../../../src/tools/verify';
import { SimulationMemo } from '../../../src/tools/verify/simulation-memo';
import { ScenarioResult, VerifyReport } from '../../../src/tools/verify/types';
import { bundledRegistry, editPolicy, mutated, resourceWhere, synthesizedBundled } from './output-fixture';
import { appRoles } from '../../../src/policy/app-roles';

let registry: Registry;
let pristine: string;
/** Shared by the file's verifies of edited copies of one output: only requests an edit touches are simulated again. */
const memo = new SimulationMemo();

beforeAll(() => {
  registry = bundledRegistry();
  pristine = synthesizedBundled();
});

const failing = (report: VerifyReport): ScenarioResult[] => report.results.filter((r) => !r.pass);

/** The bundled registry's output with one statement dropped from the organization policies of `type`. */
function withoutStatement(type: string, sid: string): string {
  return mutated(pristine, 'mgmt', (stack) => {
    let dropped = 0;
    for (const resource of Object.values(stack.resource.aws_organizations_policy as Record<string, { type: string }>)) {
      if (resource.type !== type) continue;
      editPolicy(resource, 'content', (doc) => {
        const before = doc.Statement.length;
        doc.Statement = doc.Statement.filter((s: { Sid: string }) => s.Sid !== sid);
        dropped += before - doc.Statement.length;
      });
    }
    if (dropped !== 1) throw new Error(`${dropped} statements ${sid}`);
  });
}

describe('verify with the organization guardrails', () => {
  it('GIVEN the bundled registry with an organization block WHEN verified THEN its RCP and SCP scenarios run and pass', async () => {
    const report = await verifyOutput(registry, pristine, { memo });
    const organization = report.results.filter((r) => / \((RCP|SCP)\)$/.test(r.scenario));

    expect(report.errors).toEqual([]);
    expect(failing(report)).toEqual([]);
    expect(organization.length).toBeGreaterThan(40);
    expect(organization.find((r) => r.account === 'data' && r.scenario === 'the deploy role updates the trust of the deploy role (SCP)')).toMatchObject({ actual: 'Allowed' });
  });

  it.each([
    ['DenyPrincipalsOutsideRegistryFor111111111111E1', 'acme-ledger-archive', 'bucket policy deleted: an admin of account data outside the registry reads objects (RCP)'],
    ['DenyPrincipalsOutsideRegistryFor111111111111E2', 'acme-web-assets', 'bucket policy deleted: an admin of account data outside the registry reads objects (RCP)'],
    ['DenyCertificateSessionForAnotherAppFor111111111111', 'assumed-with-external-id', "bucket policy deleted: swarm-reporter's role in a session with the certificate CN of another app reads its prefix (RCP)"],
    ['DenyAppSessionWithoutAppIdTagFor111111111111', 'assumed-with-external-id', "bucket policy deleted: swarm-reporter's session without the AppId tag reads its prefix (RCP)"],
    ['DenyAppSessionTaggedForAnotherAppFor111111111111', 'assumed-with-external-id', "bucket policy deleted: swarm-reporter's session tagged for another app reads its prefix (RCP)"],
    ['DenyInsecureTransportForKeylessBuckets', 'acme-ledger-archive', 'bucket policy deleted: ledger-archiver reads its prefix over plain HTTP (RCP)'],
    ['DenyAppSessionOutsideNetworkFor111111111111N1', 'assumed-with-external-id', 'bucket policy deleted: swarm-reporter reads its prefix from outside the bucket network (RCP)'],
    ['DenyServicesActingForOtherAccounts', 'acme-partner-drop', 'bucket policy rewritten to let logging.s3.amazonaws.com write for account 999999999999 (RCP)'],
  ])('GIVEN the RCP statement %s dropped WHEN verified THEN the scenario it guards on %s fails', async (sid, bucket, scenario) => {
    const report = await verifyOutput(registry, withoutStatement('RESOURCE_CONTROL_POLICY', sid), { memo });

    expect(failing(report).find((r) => r.bucket === bucket && r.scenario === scenario)).toMatchObject({ pass: false });
    expect(failing(report).every((r) => r.scenario.endsWith('(RCP)'))).toBe(true);
  });

  it.each([
    ['DenyKeylessRoleChangesButByDeployRole', 'an admin of account data outside the registry updates the trust of the deploy role (SCP)'],
    ['DenyKeylessRoleChangesButByDeployRole', 'an admin of account data outside the registry updates the trust of app role <first app role of data> (SCP)'],
    ['DenyKeylessBucketPolicyChangesButByDeployRole', 'an admin of account data outside the registry deletes the bucket policy: s3:DeleteBucketPolicy (SCP)'],
    ['DenyIdentityProviderChangesButByDeployRole', 'an admin of account data outside the registry updates a Roles Anywhere trust anchor (certificate consumers\' roles trust it) (SCP)'],
    ['DenyDeployRoleBeyondBucketPolicyFor111111111111', 'bucket policy rewritten without its CI role limits: the deploy role reads objects (SCP)'],
  ])('GIVEN the SCP statement %s dropped WHEN verified THEN "%s" fails', async (sid, scenario) => {
    const report = await verifyOutput(registry, withoutStatement('SERVICE_CONTROL_POLICY', sid), { memo });
    const firstRole = appRoles(registry).find((r) => r.account.alias === 'data')!.name;

    expect(failing(report).map((r) => r.scenario)).toContain(scenario.replace('<first app role of data>', firstRole));
    expect(failing(report).every((r) => r.expectedSid === sid)).toBe(true);
  });

  it('GIVEN a bucket guardrail dropped from the bucket policy WHEN verified THEN the RCP still denies, and verify names the bucket statement missing', async () => {
    const dir = mutated(pristine, 'data', (stack) =>
      editPolicy(resourceWhere(stack, 'aws_s3_bucket_policy', 'bucket', 'acme-ledger-archive'), 'policy', (doc) => {
        doc.Statement = doc.Statement.filter((s: { Sid: string }) => s.Sid !== 'DenyAppSessionWithoutAppIdTag');
      }));

    const report = await verifyOutput(registry, dir, { memo });
    const failed = failing(report).find((r) => r.bucket === 'acme-ledger-archive' || r.app === 'ledger-archiver');

    expect(failed).toMatchObject({ actual: 'Denied', expectedSid: 'DenyAppSessionWithoutAppIdTag', decidingSid: 'DenyAppSessionWithoutAppIdTagFor111111111111' });
  });
});
