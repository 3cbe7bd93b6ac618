import { Diagnostic, error } from '../diagnostics';
import { didYouMean } from '../suggest';
import { Check } from './check';

/** A consumer names its account once: a registry alias that exists, or an outside account id. */
export const consumerAccount: Check = ({ accounts, apps }) =>
  apps.flatMap(({ source, data }): Diagnostic[] => {
    const { account, accountId, certificate, principal } = data.consumer;
    // A certificate consumer names no account, and an empty consumer has two ways out: consumer-kind.ts reports both.
    if (certificate || (!account && !accountId && principal === undefined)) return [];
    if (account && accountId) {
      return [error(source.locate(['consumer', 'accountId'], true), 'consumer sets both "account" and "accountId"; keep "account" for a registry alias or "accountId" for an account outside the registry')];
    }
    if (!account && !accountId) {
      return [error(source.locate(['consumer']), 'consumer needs "account" (an alias from accounts.yaml) or "accountId" (12 digits, quoted, for an account outside the registry)')];
    }
    if (!account || !accounts) return [];
    const aliases = Object.keys(accounts.data.accounts);
    if (aliases.includes(account)) return [];
    return [error(source.locate(['consumer', 'account']),
      `unknown account "${account}"${didYouMean(account, aliases)}; use an alias from accounts.yaml (${aliases.join(', ')}) or "accountId" for an account outside the registry`)];
  });
