import { warning } from '../diagnostics';
import { appRolePattern, arnAccount } from '../../policy/naming';
import { Check } from './check';

/** A bucket key in another account works only if that key's policy lets the app roles in: keyless does not write key policies. */
export const kmsKeyAccount: Check = ({ accounts }) => {
  if (!accounts) return [];
  return Object.entries(accounts.data.buckets ?? {}).flatMap(([name, bucket]) => {
    const bucketAccount = accounts.data.accounts[bucket.account]?.id;
    const keyAccount = bucket.kmsKey && arnAccount(bucket.kmsKey);
    if (!bucketAccount || !keyAccount || keyAccount === bucketAccount) return [];
    return [warning(accounts.source.locate(['buckets', name, 'kmsKey']),
      `kmsKey is in account ${keyAccount}, but bucket "${name}" is in account ${bucketAccount} ("${bucket.account}"); keyless does not manage ` +
      `key policies, so the key policy in ${keyAccount} must allow the app roles (${appRolePattern(bucketAccount)}) kms:Decrypt and ` +
      'kms:GenerateDataKey, or their requests with this key fail')];
  });
};
