import { ACCOUNTS, problems } from '../fixtures';

describe('accountIdUnique', () => {
  test('GIVEN two aliases of different accounts WHEN validated THEN no problem (compliance)', () => {
    expect(problems(ACCOUNTS, {})).toEqual([]);
  });

  test('GIVEN two aliases of one account WHEN validated THEN the second is located and the first named', () => {
    expect(problems(ACCOUNTS.replace('"222222222222"', '"111111111111"'), {})).toEqual([
      'accounts.yaml:7:9: error: account id "111111111111" is already declared as "data" (accounts.yaml:3:9); two workspaces would manage the same roles and bucket policies, so keep one alias per account',
    ]);
  });
});
