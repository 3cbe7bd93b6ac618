import { error } from '../diagnostics';
import { parsePrincipal } from '../principal';
import { Check } from './check';

/** The consumer principal is role/NAME, user/NAME, root or an IAM ARN in the consumer's own account. */
export const consumerPrincipal: Check = ({ accounts, apps }) =>
  apps.flatMap(({ source, data }) => {
    const { account, accountId, principal } = data.consumer;
    const id = accountId ?? (account ? accounts?.data.accounts[account]?.id : undefined);
    if (!id || principal === undefined || parsePrincipal(principal, id)) return [];
    return [error(source.locate(['consumer', 'principal']),
      `principal "${principal}" is not role/NAME, user/NAME, root or an IAM ARN of the consumer's account ${id}; ` +
      'write e.g. role/ec2-node-base-role')];
  });
