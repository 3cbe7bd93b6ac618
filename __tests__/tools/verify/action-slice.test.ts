import { sliceForAction } from '../../../src/tools/verify/action-slice';
import { simulate, validatePolicy } from '../../../src/tools/verify/simulate';

type Statement = Record<string, unknown>;
const doc = (...Statement: Statement[]) => ({ Version: '2012-10-17', Statement });
const deny = (Sid: string, Action: unknown, extra: Statement = {}) => ({ Sid, Effect: 'Deny', Action, Resource: '*', ...extra });

describe('sliceForAction', () => {
  it('GIVEN statements about other services and other actions WHEN sliced for s3:GetObject THEN only those that may match are left, in order', () => {
    const policy = doc(deny('Iam', 'iam:PassRole'), deny('Get', 's3:Get*'), deny('Put', ['s3:PutObject', 's3:DeleteObject']), deny('Any', '*'));

    expect(sliceForAction(policy, 's3:GetObject')).toEqual(doc(deny('Get', 's3:Get*'), deny('Any', '*')));
  });

  it('GIVEN entries differing only in case WHEN sliced THEN they are kept, since the simulator matches actions ignoring case', () => {
    const policy = doc(deny('Upper', 'S3:GETOBJECT'), deny('Other', 'sts:AssumeRole'));

    expect(sliceForAction(policy, 's3:GetObject')).toEqual(doc(deny('Upper', 'S3:GETOBJECT')));
  });

  it('GIVEN NotAction statements and regular-expression characters WHEN sliced THEN they are kept', () => {
    const policy = doc({ Sid: 'Not', Effect: 'Deny', NotAction: ['s3:GetObject'], Resource: '*' }, deny('Dot', 's3:Get.bject'), deny('Svc', 's*:GetObject'), deny('Other', 'kms:Decrypt'));

    expect(sliceForAction(policy, 's3:GetObject')).toEqual(doc(policy.Statement[0], policy.Statement[1], policy.Statement[2]));
  });

  it('GIVEN a statement without a Sid WHEN sliced THEN the policy is returned as it is: the report would name statements by index', () => {
    const policy = doc(deny('Iam', 'iam:PassRole'), { Effect: 'Deny', Action: 's3:*', Resource: '*' });

    expect(sliceForAction(policy, 's3:GetObject')).toBe(policy);
  });

  it('GIVEN no statement that may match WHEN sliced THEN the first is kept, so the policy stays valid and still does not match', () => {
    expect(sliceForAction(doc(deny('A', 'iam:PassRole'), deny('B', 'kms:Decrypt')), 's3:GetObject')).toEqual(doc(deny('A', 'iam:PassRole')));
  });

  // Found by a red-team read: the simulator evaluates a statement's resources even when its action does not match,
  // and throws on a segment it cannot compile, so dropping that statement would hide the error.
  it('GIVEN a statement of another action whose Resource the simulator cannot compile WHEN sliced THEN it stays', async () => {
    const odd = deny('Odd', 'sqs:SendMessage', { Resource: 'arn:aws:s3:zz(::b/*' });

    expect(sliceForAction(doc(deny('Put', 's3:PutObject'), odd), 's3:GetObject')).toEqual(doc(odd));
  });

  describe('against the simulator', () => {
    const ENTRIES = ['s3:GetObject', 's3:getobject', 's3:Get*', 's3:*', '*', 's3:Put*', 's3:G?tObject', 'sts:AssumeRole', 'iam:*', 's3:GetObjectAcl', 's3:List*'];
    const ACTIONS = ['s3:GetObject', 's3:ListBucket', 'sts:AssumeRole', 's3:PutObject'];

    async function decide(document: unknown, action: string) {
      const resource = action.startsWith('sts:') ? 'arn:aws:iam::111111111111:role/r' : action === 's3:ListBucket' ? 'arn:aws:s3:::b' : 'arn:aws:s3:::b/k';
      const outcome = await simulate({
        request: { principal: 'arn:aws:iam::111111111111:user/u', action, resource, resourceAccount: '111111111111', context: {}, identity: [], resourcePolicy: { kind: 'none' } },
        identityPolicies: [{ name: 'p', policy: validatePolicy(document, 'identity') }],
      });
      return 'outcome' in outcome ? outcome.outcome : outcome;
    }

    it('GIVEN an Allow and a Deny statement for every pair of entries WHEN sliced for each action THEN the simulator decides as on the whole policy', async () => {
      const differences: string[] = [];
      let cut = 0;
      for (const allowed of ENTRIES) for (const denied of ENTRIES) for (const action of ACTIONS) {
        const whole = doc({ Sid: 'Allow', Effect: 'Allow', Action: allowed, Resource: '*' }, deny('Deny', denied));
        const sliced = sliceForAction(whole, action);
        if (sliced !== whole) cut++;
        const [expected, actual] = [await decide(whole, action), await decide(sliced, action)];
        if (JSON.stringify(expected) !== JSON.stringify(actual)) differences.push(`${action} allow ${allowed} deny ${denied}: ${JSON.stringify(actual)}`);
      }
      expect(differences).toEqual([]);
      expect(cut).toBeGreaterThan(ENTRIES.length * ENTRIES.length);
    });
  });
});
