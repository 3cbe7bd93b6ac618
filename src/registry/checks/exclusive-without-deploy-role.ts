import { warning } from '../diagnostics';
import { Check } from './check';

/** An account with exclusive buckets and no deployRole: whoever applies it must be in breakGlass to manage them later. */
export const exclusiveWithoutDeployRole: Check = ({ accounts }) => {
  if (!accounts) return [];
  const buckets = Object.entries(accounts.data.buckets ?? {});
  return Object.entries(accounts.data.accounts).flatMap(([alias, account]) => {
    const exclusive = buckets.filter(([, b]) => b.account === alias && (b.exclusive ?? true)).map(([name]) => name);
    if (account.deployRole || !exclusive.length) return [];
    return [warning(accounts.source.locate(['accounts', alias], true),
      `account "${alias}" has no deployRole, and the exclusive bucket policies of ${exclusive.join(', ')} deny everyone but app roles, ` +
      'the account root and breakGlass; list whoever applies this workspace in breakGlass, or set deployRole, so that they can keep managing these buckets')];
  });
};
