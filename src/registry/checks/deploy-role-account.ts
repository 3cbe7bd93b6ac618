import { error } from '../diagnostics';
import { Check } from './check';

/** A workspace's deployRole lives in its own account: the provider only accepts that account's id. */
export const deployRoleAccount: Check = ({ accounts }) => {
  if (!accounts) return [];
  return Object.entries(accounts.data.accounts).flatMap(([alias, account]) => {
    const roleAccount = account.deployRole?.split(':')[4];
    if (!roleAccount || roleAccount === account.id) return [];
    return [error(accounts.source.locate(['accounts', alias, 'deployRole']),
      `deployRole is in account ${roleAccount}, but "${alias}" is account ${account.id}; ` +
      `the workspace only deploys into ${account.id}, so use a role of that account`)];
  });
};
