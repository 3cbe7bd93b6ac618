import { ACCOUNTS, app, problems } from '../fixtures';

const SECRET = 'arn:aws:secretsmanager:eu-central-1:111111111111:secret:api-key-AbCdEf';
const withSecret = (kmsKey: string) => `${app('a')}secrets:\n  - arn: ${SECRET}\n    kmsKey: ${kmsKey}\n`;

describe('secretKeyRegion', () => {
  test('GIVEN a secret key in the secret\'s region and account WHEN validated THEN no problem (compliance)', () => {
    expect(problems(ACCOUNTS, { a: withSecret('arn:aws:kms:eu-central-1:111111111111:key/k1') })).toEqual([]);
  });

  test('GIVEN a secret key of another region WHEN validated THEN kmsKey is an error naming both', () => {
    expect(problems(ACCOUNTS, { a: withSecret('arn:aws:kms:eu-west-1:111111111111:key/k1') })).toEqual([
      'apps/a.yaml:13:13: error: kmsKey is in eu-west-1 of account 111111111111, but the secret is in eu-central-1 of account 111111111111; ' +
      'Secrets Manager only uses keys of the secret\'s region and account: copy KmsKeyId from aws secretsmanager describe-secret --secret-id <arn>',
    ]);
  });

  test('GIVEN a secrets item with an unknown field WHEN validated THEN the schema names the missing and the unknown field', () => {
    expect(problems(ACCOUNTS, { a: `${app('a')}secrets:\n  - arn: ${SECRET}\n    key: arn:aws:kms:eu-central-1:111111111111:key/k1\n` })).toEqual([
      'apps/a.yaml:12:5: error: missing field "kmsKey" (the customer managed KMS key the secret is encrypted with; the app may decrypt with it only via Secrets Manager, for this secret); add it',
      'apps/a.yaml:13:5: error: unknown field "key"; remove it or use one of: arn, kmsKey',
    ]);
  });

  test('GIVEN a secret key of the secret\'s region but another account WHEN validated THEN kmsKey is an error naming both accounts', () => {
    expect(problems(ACCOUNTS, { a: withSecret('arn:aws:kms:eu-central-1:222222222222:key/k1') })).toEqual([
      'apps/a.yaml:13:13: error: kmsKey is in eu-central-1 of account 222222222222, but the secret is in eu-central-1 of account 111111111111; ' +
      'Secrets Manager only uses keys of the secret\'s region and account: copy KmsKeyId from aws secretsmanager describe-secret --secret-id <arn>',
    ]);
  });
});
