import { error } from '../diagnostics';
import { didYouMean } from '../suggest';
import { Check } from './check';

/** Every bucket is owned by an account of the registry: its policy and app roles are written there. */
export const bucketOwner: Check = ({ accounts }) => {
  if (!accounts) return [];
  const aliases = Object.keys(accounts.data.accounts);
  return Object.entries(accounts.data.buckets ?? {}).flatMap(([name, bucket]) => aliases.includes(bucket.account) ? [] : [
    error(accounts.source.locate(['buckets', name, 'account']),
      `bucket "${name}" is owned by unknown account "${bucket.account}"${didYouMean(bucket.account, aliases)}; use one of: ${aliases.join(', ')}`),
  ]);
};
