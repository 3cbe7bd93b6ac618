import { warning } from '../diagnostics';
import { Check } from './check';

/** `accountId` of a registry account: its workspace would not grant the principal anything, so AssumeRole fails. */
export const consumerAccountIdManaged: Check = ({ accounts, apps }) =>
  apps.flatMap(({ source, data }) => {
    const alias = accounts && Object.entries(accounts.data.accounts).find(([, a]) => a.id === data.consumer.accountId)?.[0];
    if (!alias) return [];
    return [warning(source.locate(['consumer', 'accountId']),
      `accountId "${data.consumer.accountId}" is the registry account "${alias}"; write account: ${alias} instead, ` +
      'so that its workspace lets the principal assume the role (with accountId nothing is written there)')];
  });
