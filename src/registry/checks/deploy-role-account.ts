import { error } from '../diagnostics';
import { arnAccount } from '../../policy/naming';
import { Check } from './check';

const CI_ROLES = ['deployRole', 'planRole'] as const;

/** A workspace's deployRole and planRole live in its own account: the provider only accepts that account's id. */
export const deployRoleAccount: Check = ({ accounts }) => {
  if (!accounts) return [];
  return Object.entries(accounts.data.accounts).flatMap(([alias, account]) => CI_ROLES.flatMap((field) => {
    const role = account[field];
    const roleAccount = role && arnAccount(role);
    if (!roleAccount || roleAccount === account.id) return [];
    return [error(accounts.source.locate(['accounts', alias, field]),
      `${field} is in account ${roleAccount}, but "${alias}" is account ${account.id}; ` +
      `the workspace only deploys into ${account.id}, so use a role of that account`)];
  }));
};
