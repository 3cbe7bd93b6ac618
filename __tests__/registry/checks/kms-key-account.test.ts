import { ACCOUNTS, problems } from '../fixtures';

const withKmsKey = (accountId: string) => ACCOUNTS.replace(
  '    account: data\n',
  `    account: data\n    kmsKey: arn:aws:kms:eu-central-1:${accountId}:key/0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b\n`,
);

describe('kmsKeyAccount', () => {
  test('GIVEN a kmsKey of the bucket\'s own account WHEN validated THEN no problem (compliance)', () => {
    expect(problems(withKmsKey('111111111111'), {})).toEqual([]);
  });

  test('GIVEN a kmsKey of another account WHEN validated THEN a warning says that account\'s key policy must let the app roles in', () => {
    expect(problems(withKmsKey('555555555555'), {})).toEqual([
      'accounts.yaml:12:13: warning: kmsKey is in account 555555555555, but bucket "shared" is in account 111111111111 ("data"); keyless does not manage key policies, so the key policy in 555555555555 must allow the app roles (arn:aws:iam::111111111111:role/keyless/keyless-*) kms:Decrypt and kms:GenerateDataKey, or their requests with this key fail',
    ]);
  });
});
