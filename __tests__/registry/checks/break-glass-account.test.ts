import { ACCOUNTS, problems } from '../fixtures';

const withBreakGlass = (arn: string) => ACCOUNTS.replace(
  '    deployRole: arn:aws:iam::111111111111:role/terraform\n',
  `    deployRole: arn:aws:iam::111111111111:role/terraform\n    breakGlass:\n      - ${arn}\n`,
);

describe('breakGlassAccount', () => {
  test.each(['arn:aws:iam::111111111111:role/platform-admin', 'arn:aws:iam::111111111111:user/ops/alice', 'arn:aws:iam::111111111111:root'])(
    'GIVEN breakGlass %s of the account itself WHEN validated THEN no problem (compliance)', (arn) => {
      expect(problems(withBreakGlass(arn), {})).toEqual([]);
    },
  );

  test('GIVEN a breakGlass role of another account WHEN validated THEN both account ids are named', () => {
    expect(problems(withBreakGlass('arn:aws:iam::222222222222:role/platform-admin'), {})).toEqual([
      'accounts.yaml:7:9: error: breakGlass entry is in account 222222222222, but "data" is account 111111111111; the bucket policies only deny, so a principal of another account gets no access to these buckets anyway: use a role or user of 111111111111',
    ]);
  });
});
