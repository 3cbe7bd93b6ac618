import { rmSync } from 'node:fs';
import { Registry } from '../../../src/registry/model';
import { verifyOutput } from '../../../src/tools/verify';
import { formatJson } from '../../../src/tools/verify/report';
import { PreparedRequest, SimulationOutcome, validatePolicy } from '../../../src/tools/verify/simulate';
import { SimulationMemo } from '../../../src/tools/verify/simulation-memo';
import { bundledRegistry, editPolicy, mutated, resourceNamed, resourceWhere, synthesizedBundled } from './output-fixture';

type Json = Record<string, any>;

const allow = (resource: string, condition?: Json) =>
  ({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: resource, ...(condition && { Condition: condition }) }] });
const identity = (resource = 'arn:aws:s3:::b/*', condition?: Json) => validatePolicy(allow(resource, condition), 'identity');
const control = (kind: 'service control' | 'resource control', sid: string) =>
  validatePolicy({ Version: '2012-10-17', Statement: [{ Sid: sid, Effect: 'Deny', ...(kind === 'resource control' && { Principal: '*' }), Action: 's3:*', Resource: '*' }] }, kind);
const bucketPolicy = (sid: string) =>
  validatePolicy({ Version: '2012-10-17', Statement: [{ Sid: sid, Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: 'arn:aws:s3:::b/*' }] }, 'resource');

function request(change: Partial<Omit<PreparedRequest, 'request'>> & { request?: Partial<PreparedRequest['request']> } = {}): PreparedRequest {
  const { request: requestChange, ...rest } = change;
  return {
    request: {
      principal: 'arn:aws:sts::111111111111:assumed-role/r/s', action: 's3:GetObject', resource: 'arn:aws:s3:::b/k', resourceAccount: '222222222222',
      context: { 'aws:SecureTransport': 'true' }, identity: [], resourcePolicy: { kind: 'none' }, ...requestChange,
    },
    identityPolicies: [{ name: 'inline', policy: identity() }],
    resourcePolicy: bucketPolicy('Guard'),
    ...rest,
  };
}

/** Simulations the memo asked for, each answered with a distinct stand-in outcome. */
function counting(): { simulate: (prepared: PreparedRequest) => Promise<SimulationOutcome>; calls: () => number } {
  let calls = 0;
  return { simulate: async () => ({ error: `call ${++calls}` }), calls: () => calls };
}

describe('SimulationMemo keys', () => {
  it('GIVEN the same inputs in new objects WHEN asked twice THEN it simulates once and gives the first outcome back', async () => {
    const memo = new SimulationMemo();
    const { simulate, calls } = counting();

    const first = await memo.outcome(request(), simulate);
    const second = await memo.outcome(request(), simulate);

    expect(calls()).toBe(1);
    expect(second).toBe(first);
  });

  const scp = (sid: string) => [{ name: 'scp', policy: control('service control', sid) }];
  const rcp = (sid: string) => [{ name: 'rcp', policy: control('resource control', sid) }];
  const twoIdentity = (first: string, second: string) =>
    [{ name: first, policy: identity(first === 'a' ? undefined : '*') }, { name: second, policy: identity(second === 'a' ? undefined : '*') }];
  it.each<[string, PreparedRequest, PreparedRequest]>([
    ['another principal', request(), request({ request: { principal: 'arn:aws:sts::111111111111:assumed-role/r2/s' } })],
    ['another action', request(), request({ request: { action: 's3:PutObject' } })],
    ['another resource', request(), request({ request: { resource: 'arn:aws:s3:::b/other' } })],
    ['another resource account', request(), request({ request: { resourceAccount: '333333333333' } })],
    ['another context value', request(), request({ request: { context: { 'aws:SecureTransport': 'false' } } })],
    ['another identity policy text', request(), request({ identityPolicies: [{ name: 'inline', policy: identity('arn:aws:s3:::b/k') }] })],
    ['another identity policy name', request(), request({ identityPolicies: [{ name: 'attached', policy: identity() }] })],
    ['identity policies in another order', request({ identityPolicies: twoIdentity('a', 'b') }), request({ identityPolicies: twoIdentity('b', 'a') })],
    ['no resource policy', request(), request({ resourcePolicy: undefined })],
    ['another resource policy text', request(), request({ resourcePolicy: bucketPolicy('Other') })],
    ['no SCPs against SCPs that are empty', request(), request({ serviceControlPolicies: [] })],
    ['another SCP text', request({ serviceControlPolicies: scp('Guard') }), request({ serviceControlPolicies: scp('Other') })],
    ['no RCPs against RCPs that are empty', request(), request({ resourceControlPolicies: [] })],
    ['another RCP text', request({ resourceControlPolicies: rcp('Guard') }), request({ resourceControlPolicies: rcp('Other') })],
  ])('GIVEN a request and one with %s WHEN both are asked for THEN each is simulated', async (_, base, changed) => {
    const memo = new SimulationMemo();
    const { simulate, calls } = counting();

    await memo.outcome(base, simulate);
    await memo.outcome(changed, simulate);

    expect(calls()).toBe(2);
  });

  it('GIVEN policies that differ only in a number JSON cannot write (1e999 against -1e999) WHEN asked for THEN neither is kept, each is simulated every time', async () => {
    const memo = new SimulationMemo();
    const { simulate, calls } = counting();
    const withTag = (value: number) => request({ identityPolicies: [{ name: 'inline', policy: identity('*', { NumericEquals: { 'aws:PrincipalTag/n': value } }) }] });

    await memo.outcome(withTag(Infinity), simulate);
    await memo.outcome(withTag(-Infinity), simulate);
    await memo.outcome(withTag(Infinity), simulate);

    expect(calls()).toBe(3);
    expect(memo.size).toBe(0);
  });

  it.each<[string, unknown]>([
    ['a bigint, on which JSON.stringify throws', 1n],
    ['undefined, which JSON drops while the simulator still sees the key', undefined],
  ])('GIVEN a context value JSON cannot write (%s) WHEN asked for THEN it is simulated, not thrown on, and not kept', async (_, value) => {
    const memo = new SimulationMemo();
    const { simulate, calls } = counting();
    const odd = request({ request: { context: { 'aws:SecureTransport': value as string } } });

    await memo.outcome(odd, simulate);

    expect(calls()).toBe(1);
    expect(memo.size).toBe(0);
  });
});

describe('SimulationMemo across verify runs of the bundled output', () => {
  let registry: Registry;
  let pristine: string;
  const edited: string[] = [];

  /** Filled once from the pristine output; each test adds what its edit makes the memo simulate. */
  const memo = new SimulationMemo();
  let pristineReport: string;

  beforeAll(async () => {
    registry = bundledRegistry();
    pristine = synthesizedBundled();
    pristineReport = formatJson(await verifyOutput(registry, pristine, { memo }));
  });

  afterAll(() => {
    for (const dir of [pristine, ...edited]) rmSync(dir, { recursive: true, force: true });
  });

  it('GIVEN a memo filled by one verify WHEN the same output is verified again THEN nothing is simulated again and the report is byte-identical', async () => {
    const simulated = memo.size;

    const second = formatJson(await verifyOutput(registry, pristine, { memo }));

    expect(simulated).toBeGreaterThan(100);
    expect(memo.size).toBe(simulated);
    expect(second).toBe(pristineReport);
  });

  it.each<[string, string, (stack: Json) => void, string]>([
    ['a trust policy without its ExternalId condition', 'data', (stack) =>
      editPolicy(resourceWhere(stack, 'aws_iam_role', 'name', 'keyless-swarm-uploader'), 'assume_role_policy', (doc) => {
        delete doc.Statement[0].Condition.StringEquals['sts:ExternalId'];
      }), 'AssumeRole without an ExternalId'],
    ["an app's inline policy widened to the whole bucket", 'data', (stack) =>
      editPolicy(resourceNamed(stack, 'aws_iam_role_policy', 'app-swarm-uploader_'), 'policy', (doc) => {
        doc.Statement[0].Resource = 'arn:aws:s3:::assumed-with-external-id/*';
      }), 'read outside its prefix s3://assumed-with-external-id/uploads-outside/'],
    ['an SCP statement dropped', 'mgmt', (stack) => {
      for (const policy of Object.values(stack.resource.aws_organizations_policy as Record<string, Json>)) {
        editPolicy(policy, 'content', (doc) => {
          doc.Statement = doc.Statement.filter((s: Json) => s.Sid !== 'DenyKeylessBucketPolicyChangesButByDeployRole');
        });
      }
    }, 'an admin of account data outside the registry deletes the bucket policy: s3:DeleteBucketPolicy (SCP)'],
  ])('GIVEN a memo filled from the pristine output WHEN %s is verified THEN the report is that of a verify without the memo, and only some requests are simulated again', async (_, alias, edit, failing) => {
    const before = memo.size;
    const dir = mutated(pristine, alias, edit);
    edited.push(dir);

    const withMemo = await verifyOutput(registry, dir, { memo });
    const withoutMemo = await verifyOutput(registry, dir, { threads: 1 });

    expect(formatJson(withMemo)).toBe(formatJson(withoutMemo));
    expect(withMemo.results.filter((r) => !r.pass).map((r) => r.scenario)).toContain(failing);
    expect(memo.size).toBeGreaterThan(before);
    expect(memo.size - before).toBeLessThan(before);
  });
});
