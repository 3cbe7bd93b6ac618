import { error } from '../diagnostics';
import { Check } from './check';

/** The organization guardrails live in a registry account's workspace: its alias must be declared. */
export const organizationAccount: Check = ({ accounts }) => {
  const organization = accounts?.data.organization;
  if (!accounts || !organization || organization.account in accounts.data.accounts) return [];
  return [error(accounts.source.locate(['organization', 'account']),
    `organization account "${organization.account}" is not declared under accounts; declare the management account (or the ` +
    `delegated administrator for Organizations policies) there, with its deployRole: ${Object.keys(accounts.data.accounts).join(', ')}`)];
};
