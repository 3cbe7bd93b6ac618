import { dirname, join } from 'node:path';
import { installArnMatchCache, uninstallArnMatchCache } from '../../../src/tools/verify/arn-match-cache';

type ArnMatch = { matches: boolean; errors?: string[] };
type Matcher = (policyArn: string, requestArn: string, request: unknown, expectMatch: boolean) => ArnMatch;

/** The binding iam-simulate's ArnLike and ArnNotLike call. */
function simulatorMatcher(): Matcher {
  return (require(join(dirname(require.resolve('@cloud-copilot/iam-simulate')), 'condition', 'arn', 'arn.js')) as { arnMatches: Matcher }).arnMatches;
}

/** A request as the simulator builds it, by a session tagged with `appId`: only its context is read, for variables. */
function requestTagged(appId: string): unknown {
  const simulator = dirname(require.resolve('@cloud-copilot/iam-simulate'));
  const { AwsRequestImpl } = require(join(simulator, 'request', 'request.js')) as { AwsRequestImpl: new (...args: unknown[]) => unknown };
  const { RequestContextImpl } = require(join(simulator, 'requestContext.js')) as { RequestContextImpl: new (values: Record<string, string>) => unknown };
  const context = new RequestContextImpl({ 'aws:PrincipalTag/AppId': appId });
  return new AwsRequestImpl('arn:aws:sts::111111111111:assumed-role/keyless-app/s', { resource: 'arn:aws:s3:::b/k', accountId: '111111111111' }, 's3:GetObject', context, false);
}

const POLICY_ARNS = [
  'arn:aws:iam::111111111111:role/keyless/keyless-*',
  'arn:aws:iam::111111111111:role/terraform-deploy',
  'arn:aws:iam::*:role/terraform-?eploy',
  'arn:aws:iam::111111111111:root',
  'not an arn',
];
const REQUEST_ARNS = ['arn:aws:iam::111111111111:role/keyless/keyless-app', 'arn:aws:iam::111111111111:role/terraform-deploy', 'arn:aws:iam::222222222222:role/terraform-deploy', 'not an arn'];
const CASES = POLICY_ARNS.flatMap((policy) => REQUEST_ARNS.flatMap((requestArn) => [true, false].map((expect) => [policy, requestArn, expect] as const)));

afterAll(() => installArnMatchCache());

describe('installArnMatchCache', () => {
  it('GIVEN the pinned iam-simulate WHEN installed THEN the condition operators call the memo (false means the layout changed upstream: update or drop the layer)', () => {
    uninstallArnMatchCache();
    const plain = simulatorMatcher();

    expect(installArnMatchCache()).toBe(true);
    expect(simulatorMatcher()).not.toBe(plain);
  });

  it('GIVEN the memo WHEN asked twice about each pair of ARNs THEN it answers as the plain matcher, with answers the caller may change', () => {
    uninstallArnMatchCache();
    const expected = CASES.map(([policy, arn, expect]) => simulatorMatcher()(policy, arn, undefined, expect));
    installArnMatchCache();
    const cached = simulatorMatcher();

    cached(POLICY_ARNS[4], REQUEST_ARNS[0], undefined, true).errors?.push('changed by a caller');
    CASES.forEach(([policy, arn, expect]) => { cached(policy, arn, undefined, expect).matches = !expect; });
    const second = CASES.map(([policy, arn, expect]) => cached(policy, arn, undefined, expect));

    expect(second).toEqual(expected);
    expect(expected.filter((e) => e.matches).length).toBeGreaterThan(0);
    expect(expected.filter((e) => !e.matches).length).toBeGreaterThan(0);
  });

  it('GIVEN a policy value with a variable WHEN asked for two sessions THEN each is answered for its own tag, never from the memo', () => {
    installArnMatchCache();
    const cached = simulatorMatcher();
    const policy = 'arn:aws:iam::111111111111:role/keyless/keyless-${aws:PrincipalTag/AppId}';
    const arn = 'arn:aws:iam::111111111111:role/keyless/keyless-app';

    const own = cached(policy, arn, requestTagged('app'), true);
    const other = cached(policy, arn, requestTagged('other'), true);

    expect([own.matches, other.matches]).toEqual([true, false]);
  });

  it('GIVEN the memo WHEN uninstalled THEN the condition operators call the simulator\'s own matcher again', () => {
    installArnMatchCache();
    const cached = simulatorMatcher();

    uninstallArnMatchCache();

    expect(simulatorMatcher()).not.toBe(cached);
  });
});
