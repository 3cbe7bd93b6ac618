import { Diagnostic, error, warning } from '../diagnostics';
import { didYouMean } from '../suggest';
import { CHANGING_PERMISSIONS } from '../schema';
import { Check } from './check';
import { entries } from './share-index';

/** A shareWith offer names another app of the registry, once, from the owner's own prefix, and write or delete only with allowWrite. */
export const shareOffer: Check = ({ apps }) => {
  const ids = [...new Set(apps.map((a) => a.data.id))];
  return entries(apps).flatMap(({ app, index, access, prefix }) => {
    const offers = access.shareWith ?? [];
    const at = (j: number, field: string) => app.source.locate(['access', index, 'shareWith', j, field]);
    const where = `s3://${access.bucket}/${prefix}`;
    if (access.from && offers.length) {
      return [error(app.source.locate(['access', index, 'shareWith']),
        `shareWith on a prefix shared by "${access.from}": only the app that owns a prefix can offer it; ` +
        `remove shareWith here and ask the owners of "${access.from}" to share with those apps directly`)];
    }
    return offers.flatMap((offer, j): Diagnostic[] => {
      const out: Diagnostic[] = [];
      if (offer.app === app.data.id) {
        out.push(error(at(j, 'app'), `shareWith names this app itself ("${offer.app}"); an app always reaches its own prefix: remove this offer`));
      } else if (!ids.includes(offer.app)) {
        out.push(error(at(j, 'app'), `shareWith names "${offer.app}", which is no app of the registry${didYouMean(offer.app, ids)}; ` +
          'use the id of an app in apps/, or remove this offer'));
      } else if (offers.findIndex((o) => o.app === offer.app) < j) {
        out.push(error(at(j, 'app'), `shareWith names "${offer.app}" a second time on this access entry; merge its permissions into the first offer`));
      }
      const changing = CHANGING_PERMISSIONS.filter((p) => offer.permissions.includes(p));
      if (changing.length && offer.allowWrite !== true) {
        out.push(error(at(j, 'permissions'),
          `offers ${changing.join(', ')} to "${offer.app}", which would let it change this app's objects under ${where}; ` +
          'add "allowWrite: true" to this offer if that is intended (the review marks it), or offer only read and list'));
      }
      if (!changing.length && offer.allowWrite === true) {
        out.push(warning(at(j, 'allowWrite'), `allowWrite: true has no effect: this offer gives neither write nor delete; remove it`));
      }
      return out;
    });
  });
};
