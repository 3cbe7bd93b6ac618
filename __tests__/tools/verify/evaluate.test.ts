import { Registry } from '../../../src/registry/model';
import { evaluateScenarios } from '../../../src/tools/verify/evaluate';
import { fromOutsideNetwork, overPlainHttp } from '../../../src/tools/verify/network';
import { Scenario } from '../../../src/tools/verify/scenario';
import { deriveScenarios } from '../../../src/tools/verify/scenarios';
import { indexSynthesized, SynthesizedOutput } from '../../../src/tools/verify/synthesized';
import { readWorkspaces } from '../../../src/tools/verify/terraform-json';
import { bundledRegistry, editPolicy, mutated, resourceWhere, synthesizedBundled } from './output-fixture';

const BUCKET = 'assumed-with-external-id';
const PLAIN_HTTP = `read s3://${BUCKET}/uploads/ over plain HTTP`;

let registry: Registry;
let pristine: string;

beforeAll(() => {
  registry = bundledRegistry();
  pristine = synthesizedBundled();
});

function output(dir: string): SynthesizedOutput {
  const { stacks, errors } = readWorkspaces(dir, new Map(registry.accounts.map((a) => [a.alias, a.id])));
  return indexSynthesized(stacks, errors);
}

function withoutStatement(sid: string): string {
  return mutated(pristine, 'data', (stack) =>
    editPolicy(resourceWhere(stack, 'aws_s3_bucket_policy', 'bucket', BUCKET), 'policy', (doc) => {
      doc.Statement = doc.Statement.filter((s: { Sid: string }) => s.Sid !== sid);
    }));
}

/**
 * The plain-HTTP guardrail scenario of swarm-uploader, sent from outside the bucket network as well: two bucket
 * statements deny it, so DenyAppSessionOutsideNetwork is "another denial" that can hide a missing DenyInsecureTransport.
 */
function plainHttpFromOutside(): Scenario {
  const derived = deriveScenarios(registry, { apps: ['swarm-uploader'] }).find((s) => s.scenario === PLAIN_HTTP)!;
  const requests = derived.requests.map((r) => {
    const { 'aws:SourceVpc': _vpc, 'aws:SourceVpce': _vpce, ...context } = r.context;
    return { ...r, context: { ...context, ...overPlainHttp(fromOutsideNetwork(registry.buckets.find((b) => b.name === 'assumed-with-external-id')!)) } };
  });
  return { ...derived, scenario: `${PLAIN_HTTP}, from outside the bucket network`, requests };
}

describe('evaluateScenarios with an expected deciding statement', () => {
  it('GIVEN a call that two guardrails deny WHEN the expected one is among them THEN it passes and is named as deciding', async () => {
    const scenario = plainHttpFromOutside();

    const { results: [result] } = await evaluateScenarios([scenario], output(pristine));

    expect(scenario.expectedSid).toBe('DenyInsecureTransport');
    expect(result).toMatchObject({ expected: 'Denied', expectedSid: 'DenyInsecureTransport', actual: 'Denied', pass: true, decidingSid: 'DenyInsecureTransport' });
    expect(result.detail).toContain('explicit Deny DenyInsecureTransport in the resource policy, DenyAppSessionOutsideNetwork in the resource policy');
  });

  it('GIVEN DenyInsecureTransport dropped while DenyAppSessionOutsideNetwork still denies the call WHEN evaluated THEN it fails, where any denial used to pass', async () => {
    const scenario = plainHttpFromOutside();
    const { expectedSid: _, ...anyDenial } = scenario;

    const { results: [withSid, withoutSid] } = await evaluateScenarios([scenario, anyDenial], output(withoutStatement('DenyInsecureTransport')));

    // Before expectedSid, a scenario passed on any denial: this one still would.
    expect(withoutSid).toMatchObject({ actual: 'Denied', pass: true, decidingSid: 'DenyAppSessionOutsideNetwork' });
    expect(withSid).toMatchObject({ actual: 'Denied', pass: false, decidingSid: 'DenyAppSessionOutsideNetwork' });
    expect(withSid.detail!.split('\n')[0]).toBe('expected the Deny statement DenyInsecureTransport to decide, but it did not deny s3:GetObject');
  });

  it('GIVEN a guardrail scenario denied only by other statements WHEN evaluated THEN it fails and says which statement should have decided', async () => {
    const scenario: Scenario = { ...plainHttpFromOutside(), expectedSid: 'DenyAppSessionWithoutAppIdTag' };

    const { results: [result] } = await evaluateScenarios([scenario], output(pristine));

    expect(result).toMatchObject({ actual: 'Denied', pass: false });
    expect(result.detail).toMatch(/^expected the Deny statement DenyAppSessionWithoutAppIdTag to decide, but it did not deny s3:GetObject\n/);
  });
});
