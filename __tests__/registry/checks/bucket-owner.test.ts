import { ACCOUNTS, problems } from '../fixtures';

describe('bucketOwner', () => {
  test('GIVEN a bucket of a registry account WHEN validated THEN no problem (compliance)', () => {
    expect(problems(ACCOUNTS, {})).toEqual([]);
  });

  test('GIVEN a bucket of an unknown account WHEN validated THEN the aliases are listed', () => {
    expect(problems(ACCOUNTS.replace('account: data', 'account: dta'), {})).toEqual([
      'accounts.yaml:11:14: error: bucket "shared" is owned by unknown account "dta" (did you mean "data"?); use one of: data, swarm',
    ]);
  });
});
