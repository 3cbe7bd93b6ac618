import { error } from '../diagnostics';
import { Check, where } from './check';

/** One alias per AWS account: two workspaces would fight over the same roles and bucket policies. */
export const accountIdUnique: Check = ({ accounts }) => {
  if (!accounts) return [];
  const first = new Map<string, string>();
  return Object.entries(accounts.data.accounts).flatMap(([alias, account]) => {
    const earlier = first.get(account.id);
    if (earlier === undefined) {
      first.set(account.id, alias);
      return [];
    }
    return [error(accounts.source.locate(['accounts', alias, 'id']),
      `account id "${account.id}" is already declared as "${earlier}" (${where(accounts.source, ['accounts', earlier, 'id'])}); ` +
      'two workspaces would manage the same roles and bucket policies, so keep one alias per account')];
  });
};
