import { error } from '../diagnostics';
import { didYouMean } from '../suggest';
import { Check } from './check';

/** Every bucket an app uses is declared under `buckets:` in accounts.yaml. */
export const unknownBucket: Check = ({ accounts, apps }) => {
  if (!accounts) return [];
  const buckets = Object.keys(accounts.data.buckets ?? {});
  return apps.flatMap(({ source, data }) =>
    data.access.flatMap((access, i) => buckets.includes(access.bucket) ? [] : [error(source.locate(['access', i, 'bucket']),
      `unknown bucket "${access.bucket}"${didYouMean(access.bucket, buckets)}; declare it under "buckets:" in accounts.yaml` +
      (buckets.length ? ` or use one of: ${buckets.join(', ')}` : ''))]));
};
