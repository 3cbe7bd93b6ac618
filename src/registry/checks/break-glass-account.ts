import { error } from '../diagnostics';
import { arnAccount } from '../../policy/naming';
import { Check } from './check';

/** breakGlass principals live in the bucket's own account: the bucket policy holds no Allow for any other. */
export const breakGlassAccount: Check = ({ accounts }) => {
  if (!accounts) return [];
  return Object.entries(accounts.data.accounts).flatMap(([alias, account]) => (account.breakGlass ?? []).flatMap((arn, i) => {
    const principalAccount = arnAccount(arn);
    if (principalAccount === account.id) return [];
    return [error(accounts.source.locate(['accounts', alias, 'breakGlass', i]),
      `breakGlass entry is in account ${principalAccount}, but "${alias}" is account ${account.id}; ` +
      `the bucket policies only deny, so a principal of another account gets no access to these buckets anyway: use a role or user of ${account.id}`)];
  }));
};
