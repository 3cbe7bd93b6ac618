import { ACCOUNTS, problems } from '../fixtures';

const withBucket = (lines: string) => ACCOUNTS.replace('    account: data\n', `    account: data\n${lines}`);
const key = (region: string) => `    kmsKey: arn:aws:kms:${region}:111111111111:key/0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b\n`;

describe('kmsKeyRegion', () => {
  test('GIVEN a kmsKey of the account\'s region WHEN validated THEN no problem (compliance)', () => {
    expect(problems(withBucket(key('eu-central-1')), {})).toEqual([]);
  });

  test('GIVEN a bucket in its own region and a key of that region WHEN validated THEN no problem (compliance)', () => {
    expect(problems(withBucket(`    region: us-east-1\n${key('us-east-1')}`), {})).toEqual([]);
  });

  test('GIVEN a kmsKey of another region than the bucket WHEN validated THEN an error says S3 uses only keys of the bucket\'s region', () => {
    expect(problems(withBucket(key('us-east-1')), {})).toEqual([
      'accounts.yaml:12:13: error: kmsKey is in us-east-1, but bucket "shared" is in eu-central-1 (the region of account "data"); S3 uses only KMS keys of the bucket\'s region: use a key of eu-central-1, or set "region: us-east-1" on the bucket if that is where it is',
    ]);
  });

  test('GIVEN a bucket with its own region and a kmsKey of another WHEN validated THEN the bucket\'s own region is named as the source', () => {
    expect(problems(withBucket(`    region: us-east-1\n${key('eu-west-1')}`), {})).toEqual([
      'accounts.yaml:13:13: error: kmsKey is in eu-west-1, but bucket "shared" is in us-east-1 (its region); S3 uses only KMS keys of the bucket\'s region: use a key of us-east-1, or set "region: eu-west-1" on the bucket if that is where it is',
    ]);
  });
});
