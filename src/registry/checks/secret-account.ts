import { error } from '../diagnostics';
import { arnAccount } from '../../policy/naming';
import { secretOf } from '../build';
import { Check } from './check';

/** Secrets live in registry accounts: app roles exist only there, so any other secret would never be granted. */
export const secretAccount: Check = ({ accounts, apps }) => {
  if (!accounts) return [];
  const ids = new Set(Object.values(accounts.data.accounts).map((a) => a.id));
  return apps.flatMap(({ source, data }) => (data.secrets ?? []).flatMap((item, i) => {
    // Stryker disable next-line StringLiteral: the schema's secret ARN always holds a 12-digit account, so arnAccount never falls back
    const id = arnAccount(secretOf(item)) ?? '';
    return ids.has(id) ? [] : [error(source.locate(['secrets', i]),
      `secret is in account ${id}, which is not in accounts.yaml; app roles are only created in registry accounts, ` +
      'so add that account to accounts.yaml or remove the secret')];
  }));
};
