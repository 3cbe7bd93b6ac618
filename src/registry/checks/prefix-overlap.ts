import { error } from '../diagnostics';
import { accessPrefix, prefixesOverlap } from '../prefix';
import { AppFile } from '../schema';
import { Parsed } from '../yaml-source';
import { Check, where } from './check';

interface Claim {
  readonly app: Parsed<AppFile>;
  readonly index: number;
  readonly prefix: string;
}

/** Two apps never share objects: on one bucket no app's prefix starts with another app's. */
export const prefixOverlap: Check = ({ apps }) => {
  const byBucket = new Map<string, Claim[]>();
  for (const app of apps) {
    app.data.access.forEach((access, index) => {
      const claims = byBucket.get(access.bucket) ?? [];
      claims.push({ app, index, prefix: accessPrefix(app.data.id, access) });
      byBucket.set(access.bucket, claims);
    });
  }
  return [...byBucket.entries()].flatMap(([bucket, claims]) => claims.flatMap((claim, i) => {
    const other = claims.slice(0, i).find((c) => c.app !== claim.app && prefixesOverlap(c.prefix, claim.prefix));
    if (!other) return [];
    return [error(claim.app.source.locate(['access', claim.index, 'prefix']),
      `prefix "${claim.prefix}" on bucket "${bucket}" overlaps prefix "${other.prefix}" of app "${other.app.data.id}" ` +
      `(${where(other.app.source, ['access', other.index, 'prefix'])}): one app could read or change the other's objects; give each app a prefix of its own`)];
  }));
};
