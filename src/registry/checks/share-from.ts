import { error } from '../diagnostics';
import { didYouMean } from '../suggest';
import { Check, where } from './check';
import { appsById, coveringEntries, Entry, entries, ownEntries } from './share-index';

/**
 * An access entry `from: <owner>` takes an offer the owner made to this app: on a prefix the owner holds (or one under
 * it), asking no more than offered. Both sides declare a share, so neither team widens the other's access alone.
 */
export const shareFrom: Check = ({ apps }) => {
  const byId = appsById(apps);
  return entries(apps).filter((e) => e.access.from !== undefined).flatMap((entry) => {
    const { app, index, access, prefix } = entry;
    const owner = access.from!;
    const at = (field: string) => app.source.locate(['access', index, field]);
    const ownerApp = byId.get(owner);
    if (owner === app.data.id) {
      return [error(at('from'), `from names this app itself ("${owner}"); an app reaches its own prefixes without it: remove from`)];
    }
    if (!ownerApp) {
      return [error(at('from'), `from names "${owner}", which is no app of the registry${didYouMean(owner, byId.keys())}; ` +
        'name the app that owns the prefix and shares it with this app')];
    }
    const ownPrefixes = ownEntries(ownerApp, access.bucket).map((e) => e.prefix);
    const ofOwner = `app "${owner}" (${ownerApp.source.file})`;
    if (access.prefix === undefined) {
      return [error(at('from'), `a shared entry needs the prefix it reads: add "prefix:" with a prefix of ${ofOwner} on bucket "${access.bucket}"` +
        (ownPrefixes.length ? ` or one under it, e.g. ${ownPrefixes[0]}` : ''))];
    }
    const covering = coveringEntries(ownerApp, access.bucket, prefix);
    if (!covering.length) {
      return [error(at('prefix'), ownPrefixes.length
        ? `${ofOwner} owns no prefix on bucket "${access.bucket}" that contains "${prefix}"; use one of its prefixes or a prefix under one: ${ownPrefixes.join(', ')}`
        : `${ofOwner} has no prefix on bucket "${access.bucket}" to share; name the bucket and prefix that "${owner}" owns`)];
    }
    return missingOffer(entry, owner, covering);
  });
};

/** The reader's line names the owner's file: what is missing there, or what to drop here. */
function missingOffer({ app, index, access, prefix }: Entry, owner: string, covering: readonly Entry[]) {
  const reader = app.data.id;
  const offers = covering.flatMap((e) => (e.access.shareWith ?? []).map((offer, j) => ({ e, offer, j }))).filter(({ offer }) => offer.app === reader);
  const shared = `s3://${access.bucket}/${covering[0].prefix}`;
  if (!offers.length) {
    const ownerEntry = covering[0];
    return [error(app.source.locate(['access', index, 'from']),
      `"${owner}" does not share ${shared} with "${reader}" (${where(ownerEntry.app.source, ['access', ownerEntry.index])}); ` +
      `a share needs both sides: ask the owners of ${ownerEntry.app.source.file} to add "shareWith: [{ app: ${reader}, permissions: [${access.permissions.join(', ')}] }]" ` +
      'to that access entry, or remove from and this entry')];
  }
  const offered = new Set(offers.flatMap(({ offer }) => offer.permissions));
  const extra = [...new Set(access.permissions)].filter((p) => !offered.has(p));
  if (!extra.length) return [];
  const { e, j } = offers[0];
  return [error(app.source.locate(['access', index, 'permissions']),
    `asks for ${extra.join(', ')} on s3://${access.bucket}/${prefix}, but "${owner}" shares only ${[...offered].join(', ')} with "${reader}" ` +
    `(${where(e.app.source, ['access', e.index, 'shareWith', j])}); remove ${extra.join(', ')}, or ask the owners of ${e.app.source.file} to offer it`)];
}
