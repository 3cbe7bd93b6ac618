import { arnAccount } from '../../policy/naming';
import { CERTIFICATE_CN_MAX_CHARS } from '../../policy/limits';
import { Diagnostic, error } from '../diagnostics';
import { didYouMean } from '../suggest';
import { Check } from './check';
import { secretOf } from '../build';

/**
 * A certificate consumer names a declared CA, and its roles are all in that CA's account: keyless puts the trust
 * anchor and the Roles Anywhere profile in the CA's account workspace, and a profile vends roles of its own account.
 */
export const certificateConsumer: Check = ({ accounts, apps }) => {
  if (!accounts) return [];
  const cas = accounts.data.certificateAuthorities ?? {};
  const names = Object.keys(cas);
  const accountIds = accounts.data.accounts;
  return apps.flatMap(({ source, data }): Diagnostic[] => {
    const ref = data.consumer.certificate;
    if (!ref) return [];
    const idTooLong = data.id.length > CERTIFICATE_CN_MAX_CHARS ? [error(source.locate(['id']),
      `id has ${data.id.length} characters, but a certificate's subject CN holds at most ${CERTIFICATE_CN_MAX_CHARS}, and a certificate consumer's CN is its id; shorten the id`)] : [];
    const ca = cas[ref.ca];
    if (!ca) {
      const known = names.length ? `one of: ${names.join(', ')}` : 'none is declared yet: add certificateAuthorities: { NAME: { account, bundle } } to accounts.yaml';
      return [...idTooLong, error(source.locate(['consumer', 'certificate', 'ca']), `unknown certificate authority "${ref.ca}"${didYouMean(ref.ca, names)}; use ${known}`)];
    }
    const caAccountId = accountIds[ca.account]?.id;
    const elsewhere = data.access.flatMap((access, i) => {
      const owner = accounts.data.buckets?.[access.bucket]?.account;
      if (!owner || owner === ca.account) return [];
      return [error(source.locate(['access', i, 'bucket']),
        `bucket "${access.bucket}" is in account "${owner}", but certificate authority "${ref.ca}" vends roles of account "${ca.account}" only ` +
        `(its trust anchor and profile live there, and a profile vends roles of its own account); use a bucket of "${ca.account}", or declare a certificate authority in "${owner}" for this app`)];
    });
    const secrets = (data.secrets ?? []).flatMap((item, i) => {
      const secret = secretOf(item);
      if (!caAccountId || arnAccount(secret) === caAccountId) return [];
      return [error(source.locate(['secrets', i]),
        `secret is in account ${arnAccount(secret)}, but certificate authority "${ref.ca}" vends roles of account "${ca.account}" (${caAccountId}) only; ` +
        `use a secret of ${caAccountId}, or move the app to a principal consumer`)];
    });
    return [...idTooLong, ...elsewhere, ...secrets];
  });
};
