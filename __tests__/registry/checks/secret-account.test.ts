import { ACCOUNTS, app, problems } from '../fixtures';

const withSecret = (accountId: string) => ({ a: `${app('a')}secrets:\n  - arn:aws:secretsmanager:eu-central-1:${accountId}:secret:api-key-AbCdEf\n` });

describe('secretAccount', () => {
  test('GIVEN a secret in a registry account WHEN validated THEN no problem (compliance)', () => {
    expect(problems(ACCOUNTS, withSecret('111111111111'))).toEqual([]);
  });

  test('GIVEN a secret in an account outside the registry WHEN validated THEN the account is named', () => {
    expect(problems(ACCOUNTS, withSecret('555555555555'))).toEqual([
      'apps/a.yaml:12:5: error: secret is in account 555555555555, which is not in accounts.yaml; app roles are only created in registry accounts, so add that account to accounts.yaml or remove the secret',
    ]);
  });
});
