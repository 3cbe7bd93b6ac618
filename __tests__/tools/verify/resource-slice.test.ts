import { sliceForResource } from '../../../src/tools/verify/resource-slice';
import { simulate, validatePolicy } from '../../../src/tools/verify/simulate';

const ROLE_A = 'arn:aws:iam::111111111111:role/keyless/keyless-a';
const ROLE_B = 'arn:aws:iam::111111111111:role/keyless/keyless-b';
const ROLE_C = 'arn:aws:iam::111111111111:role/keyless/keyless-c';

function consumerPolicy(resource: unknown, extra: Record<string, unknown> = {}) {
  return { Version: '2012-10-17', Statement: [{ Sid: 'Open', Effect: 'Allow', Action: 'sts:AssumeRole', Resource: resource, ...extra }] };
}

describe('sliceForResource', () => {
  it('GIVEN a list of exact role ARNs WHEN sliced for one of them THEN only that ARN is left, in the same statement', () => {
    const sliced = sliceForResource(consumerPolicy([ROLE_A, ROLE_B, ROLE_C]), ROLE_B);

    expect(sliced).toEqual(consumerPolicy([ROLE_B]));
  });

  it('GIVEN ARNs that differ only in case WHEN sliced THEN one differing before the resource part is kept, one differing in it dropped: the simulator compares the resource part exactly', () => {
    const upperHead = ROLE_B.replace('arn:aws:iam', 'arn:AWS:IAM');

    expect(sliceForResource(consumerPolicy([ROLE_A, upperHead, ROLE_B.toUpperCase().replace('ARN:', 'arn:')]), ROLE_B)).toEqual(consumerPolicy([upperHead]));
  });

  it('GIVEN wildcards, policy variables and short ARNs that may match WHEN sliced THEN they are kept', () => {
    const mayMatch = ['arn:aws:iam::111111111111:role/keyless/*', 'arn:aws:iam::111111111111:role/keyless/keyless-?', 'arn:aws:iam::111111111111:role/${aws:username}', 'arn:aws:iam::*', '*'];

    expect(sliceForResource(consumerPolicy([ROLE_A, ...mayMatch]), ROLE_C)).toEqual(consumerPolicy(mayMatch));
  });

  it('GIVEN wildcard entries whose literal start differs from the resource WHEN sliced THEN they are dropped', () => {
    const other = ['arn:aws:s3:::other/*', 'arn:aws:s3:::b-x*', 'arn:aws:iam::222222222222:role/*'];

    expect(sliceForResource(consumerPolicy(['arn:aws:s3:::b/*', ...other]), 'arn:aws:s3:::b/k')).toEqual(consumerPolicy(['arn:aws:s3:::b/*']));
  });

  it('GIVEN a variable or a regular-expression character before the account WHEN sliced THEN the entry is kept, however it starts', () => {
    const kept = ['arn:aws:s3:::other/${aws:username}', 'arn:aws.:s3:::other/*', 'arn:aws:s3:::b/*'];

    expect(sliceForResource(consumerPolicy(['arn:aws:s3:::other/*', ...kept]), 'arn:aws:s3:::b/k')).toEqual(consumerPolicy(kept));
  });

  it('GIVEN no entry that can match WHEN sliced THEN the statement keeps its first entry, so it stays valid and still does not match', () => {
    expect(sliceForResource(consumerPolicy([ROLE_A, ROLE_B]), ROLE_C)).toEqual(consumerPolicy([ROLE_A]));
  });

  it('GIVEN NotResource WHEN sliced THEN only its entries that may match are left', () => {
    const notResource = (entries: string[]) => ({ Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: '*', NotResource: entries }] });

    expect(sliceForResource(notResource([ROLE_A, ROLE_B, 'arn:aws:iam::222222222222:role/x*']), ROLE_B)).toEqual(notResource([ROLE_B]));
  });

  it('GIVEN a single Resource or a wildcard request WHEN sliced THEN the policy is returned as it is', () => {
    const single = consumerPolicy(ROLE_A);
    const list = consumerPolicy([ROLE_A, ROLE_B]);

    expect(sliceForResource(single, ROLE_C)).toBe(single);
    expect(sliceForResource(list, 'arn:aws:iam::111111111111:role/keyless/*')).toBe(list);
  });

  it('GIVEN several statements WHEN sliced THEN each keeps its position and its other elements', () => {
    const doc = {
      Version: '2012-10-17',
      Statement: [
        { Sid: 'First', Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' },
        { Sid: 'Second', Effect: 'Allow', Action: ['sts:AssumeRole'], Resource: [ROLE_A, ROLE_B], Condition: { StringEquals: { 'aws:PrincipalTag/x': 'y' } } },
      ],
    };

    const sliced = sliceForResource(doc, ROLE_A) as typeof doc;

    expect(sliced.Statement[0]).toBe(doc.Statement[0]);
    expect(sliced.Statement[1]).toEqual({ ...doc.Statement[1], Resource: [ROLE_A] });
  });

  describe('against the simulator', () => {
    const ENTRIES = [
      'arn:aws:s3:::b', 'arn:aws:s3:::b/*', 'arn:aws:s3:::b/app/*', 'arn:aws:s3:::b-x/*', 'arn:aws:s3:::B/*', 'arn:aws:s3:::b?/*',
      'arn:aws:s3:::other', 'arn:aws:s3:::other/*', 'arn:aws:s3:::*/app/*', 'arn:*:s3:::b/*', 'arn:aws:s3:::b/${aws:username}/*',
      'arn:aws:s3:::b/app/k', 'arn:aws:s3:::b/App/k',
    ];
    const RESOURCES = ['arn:aws:s3:::b', 'arn:aws:s3:::b/app/k', 'arn:aws:s3:::b/other/k', 'arn:aws:s3:::b-x/k', 'arn:aws:s3:::other/app/k'];
    const SHAPES = [['Allow', 'Resource'], ['Allow', 'NotResource'], ['Deny', 'Resource'], ['Deny', 'NotResource']] as const;
    // Every pair of entries, so the cut is tried with entries that match alongside entries that do not.
    const PAIRS = ENTRIES.flatMap((a, i) => ENTRIES.slice(i + 1).map((b) => [a, b]));

    function policy(effect: string, element: string, entries: string[]) {
      const statements = [{ Sid: 'Probe', Effect: effect, Action: 's3:*', [element]: entries }];
      if (effect === 'Deny') statements.unshift({ Sid: 'All', Effect: 'Allow', Action: 's3:*', Resource: '*' });
      return { Version: '2012-10-17', Statement: statements };
    }

    /** The simulator's decision, or what it threw: a cut must not make an error disappear either. */
    async function decide(document: unknown, resource: string, action: string) {
      try {
        const outcome = await simulate({
          request: { principal: 'arn:aws:iam::111111111111:user/u', action, resource, resourceAccount: '111111111111', context: { 'aws:username': 'app' }, identity: [], resourcePolicy: { kind: 'none' } },
          identityPolicies: [{ name: 'p', policy: validatePolicy(document, 'identity') }],
        });
        return 'outcome' in outcome ? outcome.outcome : outcome;
      } catch (e) {
        return `throws ${(e as Error).message}`;
      }
    }

    it.each(SHAPES)('GIVEN %s with %s WHEN each pair of entries is sliced for each resource THEN the simulator decides as on the whole list', async (effect, element) => {
      const differences: string[] = [];
      for (const resource of RESOURCES) {
        const action = resource.includes('/') ? 's3:GetObject' : 's3:ListBucket';
        for (const entries of PAIRS) {
          const whole = policy(effect, element, entries);
          const sliced = sliceForResource(whole, resource);
          const [expected, actual] = [await decide(whole, resource, action), await decide(sliced, resource, action)];
          if (JSON.stringify(expected) !== JSON.stringify(actual)) differences.push(`${resource} ${entries.join(' ')}: ${JSON.stringify(actual)}`);
        }
      }
      expect(differences).toEqual([]);
    });

    // A red-team read of the first version found each of these: entries the simulator reads as regular expressions
    // (alternation, quantifiers, a syntax error it throws on), and case folding that differs from toLowerCase.
    it.each<[string, string[], string, string]>([
      ['a final sigma, which toLowerCase folds by context', ['arn:aws:s3:::b/other/*', 'arn:aws:s3:::b/ΑΣ*'], 'arn:aws:s3:::b/ΑΣΑ/k', 's3:GetObject'],
      ['a final sigma in the region', ['arn:aws:sqs:us-west-2:111111111111:other', 'arn:aws:sqs:ΑΣ*:111111111111:q'], 'arn:aws:sqs:ΑΣΑ:111111111111:q', 'sqs:SendMessage'],
      ['the micro sign against mu, equal under the i flag', ['arn:aws:sqs:us-west-2:111111111111:other', 'arn:aws:sqs:µ:111111111111:q'], 'arn:aws:sqs:μ:111111111111:q', 'sqs:SendMessage'],
      ['an alternation in the region', ['arn:aws:sqs:us-west-2:111111111111:other', 'arn:aws:sqs:us-east-1|eu-west-1:111111111111:q'], 'arn:aws:sqs:eu-west-1:111111111111:q', 'sqs:SendMessage'],
      ['an alternation with an empty side', ['arn:aws:s3:::other/*', 'arn:aws:s3:zz|::b/*'], 'arn:aws:s3:::b/k', 's3:GetObject'],
      ['a {0} quantifier', ['arn:aws:s3:::other/*', 'arn:aws:s3:x{0}::b/*'], 'arn:aws:s3:::b/k', 's3:GetObject'],
      ['a segment the simulator throws on', ['arn:aws:s3:::b/*', 'arn:aws:s3:zz(::b/*'], 'arn:aws:s3:::b/k', 's3:GetObject'],
    ])('GIVEN %s WHEN sliced THEN the simulator decides, or throws, as on the whole list', async (_what, entries, resource, action) => {
      const differences: string[] = [];
      for (const [effect, element] of SHAPES) {
        const whole = policy(effect, element, entries);
        const [expected, actual] = [await decide(whole, resource, action), await decide(sliceForResource(whole, resource), resource, action)];
        if (JSON.stringify(expected) !== JSON.stringify(actual)) differences.push(`${effect} ${element}: ${JSON.stringify(actual)} instead of ${JSON.stringify(expected)}`);
      }
      expect(differences).toEqual([]);
    });

    it('GIVEN these entries WHEN sliced THEN some are dropped, so the comparison above is not vacuous', () => {
      const whole = (entries: string[]) => policy('Allow', 'Resource', entries);
      const dropped = PAIRS.filter((entries) => JSON.stringify(sliceForResource(whole(entries), 'arn:aws:s3:::b/app/k')) !== JSON.stringify(whole(entries)));

      expect(dropped.length).toBeGreaterThan(PAIRS.length / 2);
    });
  });
});
