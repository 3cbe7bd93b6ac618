import { appRoles } from '../../../src/policy/app-roles';
import { consumerTagPolicy } from '../../../src/policy/consumer-policy';
import { CONSUMER_TAG } from '../../../src/policy/naming';
import { Registry } from '../../../src/registry/model';
import { verifyOutput } from '../../../src/tools/verify';
import { bundledRegistry, mutated, resourceWhere, synthesizedBundled } from './output-fixture';

const APP = 'swarm-uploader';
const ALLOWED = 'AssumeRole with its ExternalId and AppId tag and SourceIdentity';

let registry: Registry;
let pristine: string;
let consumerArn: string;
let roleArn: string;

beforeAll(() => {
  registry = bundledRegistry();
  pristine = synthesizedBundled();
  const role = appRoles(registry).find((r) => r.app.id === APP)!;
  const { consumer } = role.app;
  if (consumer.kind !== 'principal') throw new Error(`${APP} must be a principal consumer`);
  consumerArn = consumer.principalArn;
  roleArn = role.arn;
});

/** The swarm node role's consumer policies, replaced by the policy by role tag that large registries get. */
function byTag(dir: string): string {
  return mutated(dir, 'swarm', (stack) => {
    for (const resource of Object.values(stack.resource.aws_iam_policy as Record<string, Record<string, unknown>>)) {
      resource.policy = JSON.stringify(consumerTagPolicy(consumerArn, [roleArn]));
    }
  });
}

describe('verify with a consumer policy by role tag', () => {
  it('GIVEN the app role tagged with its consumer WHEN verified THEN every scenario passes: verify passes the role tags to the simulator', async () => {
    const report = await verifyOutput(registry, byTag(pristine), { apps: [APP] });

    expect(report.errors).toEqual([]);
    expect(report.results.filter((r) => !r.pass)).toEqual([]);
    expect(report.results.find((r) => r.scenario === ALLOWED)?.actual).toBe('Allowed');
  });

  it('GIVEN the role tag naming another principal WHEN verified THEN the consumer can no longer open a session', async () => {
    const retagged = mutated(byTag(pristine), 'data', (stack) => {
      const role = resourceWhere(stack, 'aws_iam_role', 'name', `keyless-${APP}`);
      role.tags = { ...(role.tags as object), [CONSUMER_TAG]: 'arn:aws:iam::999999999999:role/someone-else' };
    });

    const report = await verifyOutput(registry, retagged, { apps: [APP] });

    expect(report.results.find((r) => r.scenario === ALLOWED)).toMatchObject({ actual: 'Denied', pass: false });
  });

  it('GIVEN the policy by role tag without its tag condition WHEN verified THEN the consumer reaches another principal\'s role under a loosened trust policy', async () => {
    const loose = mutated(byTag(pristine), 'swarm', (stack) => {
      for (const resource of Object.values(stack.resource.aws_iam_policy as Record<string, { policy: string }>)) {
        const doc = JSON.parse(resource.policy);
        delete doc.Statement[0].Condition;
        resource.policy = JSON.stringify(doc);
      }
    });

    const tagged = await verifyOutput(registry, byTag(pristine), { apps: [APP] });
    const untagged = await verifyOutput(registry, loose, { apps: [APP] });

    const foreign = (r: { scenario: string }) => /^AssumeRole of \S+'s role, trust loosened to account/.test(r.scenario);
    expect(tagged.results.filter(foreign)).toEqual([expect.objectContaining({ expected: 'Denied', actual: 'Denied', pass: true })]);
    expect(untagged.results.filter((r) => !r.pass)).toEqual([expect.objectContaining({ expected: 'Denied', actual: 'Allowed' })]);
    expect(untagged.results.filter((r) => !r.pass).every(foreign)).toBe(true);
  });
});
