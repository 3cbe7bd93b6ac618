import { error } from '../diagnostics';
import { arnRegion } from '../../policy/naming';
import { Check } from './check';

/** S3 encrypts with a KMS key of the bucket's own region only: another region's key makes every write fail. */
export const kmsKeyRegion: Check = ({ accounts }) => {
  if (!accounts) return [];
  return Object.entries(accounts.data.buckets ?? {}).flatMap(([name, bucket]) => {
    const bucketRegion = bucket.region ?? accounts.data.accounts[bucket.account]?.region;
    const keyRegion = bucket.kmsKey && arnRegion(bucket.kmsKey);
    if (!bucketRegion || !keyRegion || keyRegion === bucketRegion) return [];
    const from = bucket.region ? 'its region' : `the region of account "${bucket.account}"`;
    return [error(accounts.source.locate(['buckets', name, 'kmsKey']),
      `kmsKey is in ${keyRegion}, but bucket "${name}" is in ${bucketRegion} (${from}); S3 uses only KMS keys of the bucket's ` +
      `region: use a key of ${bucketRegion}, or set "region: ${keyRegion}" on the bucket if that is where it is`)];
  });
};
