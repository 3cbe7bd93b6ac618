import { warning } from '../diagnostics';
import { Check, where } from './check';

/**
 * The organization account should hold no keyless bucket: if it is the management account, neither the RCP nor the
 * SCP protects it ("RCPs don't affect resources in the management account", AWS Organizations User Guide, "Resource
 * control policies (RCPs)"; SCPs likewise leave the management account's principals alone), and verify does not
 * count on them there.
 */
export const organizationAccountBuckets: Check = ({ accounts }) => {
  const organization = accounts?.data.organization;
  if (!accounts || !organization) return [];
  return Object.entries(accounts.data.buckets ?? {}).filter(([, b]) => b.account === organization.account).map(([name]) =>
    warning(accounts.source.locate(['buckets', name, 'account']),
      `bucket "${name}" is in the organization account "${organization.account}" (${where(accounts.source, ['organization', 'account'])}): ` +
      'if that is the management account, the RCP and SCP do not apply to it; keep workload buckets in member accounts, ' +
      'or make organization.account a delegated administrator for Organizations policies'));
};
