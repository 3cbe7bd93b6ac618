import { Diagnostic, error } from '../diagnostics';
import { Check } from './check';

/**
 * A consumer is one of two kinds: a principal that passes the app's ExternalId, or a certificate (IAM Roles
 * Anywhere), which needs neither. Mixing them would leave a trust policy that honours only half of what was written.
 */
export const consumerKind: Check = ({ apps }) =>
  apps.flatMap(({ source, data }): Diagnostic[] => {
    const { certificate, principal, account, accountId } = data.consumer;
    if (certificate) {
      const principalFields = (['account', 'accountId', 'principal'] as const).filter((f) => data.consumer[f] !== undefined);
      return [
        ...principalFields.map((f) => error(source.locate(['consumer', f], true),
          `consumer sets both "certificate" and "${f}"; a certificate consumer is identified by its certificate alone: remove "${f}", or remove "certificate" to keep a principal consumer`)),
        ...(data.externalId !== undefined ? [error(source.locate(['externalId'], true),
          'a certificate consumer must not declare externalId: its certificate (CN = app id) identifies it and nothing secret belongs in IAM; remove externalId')] : []),
        ...(data.sourceIdentity !== undefined ? [error(source.locate(['sourceIdentity'], true),
          'a certificate consumer must not declare sourceIdentity: IAM Roles Anywhere sets the SourceIdentity to the certificate\'s subject CN itself; remove sourceIdentity')] : []),
      ];
    }
    const problems: Diagnostic[] = [];
    if (principal === undefined && (account !== undefined || accountId !== undefined)) {
      problems.push(error(source.locate(['consumer']),
        'missing field "principal" (role/NAME, user/NAME, root, or a full IAM ARN); add it, or use certificate: { ca: NAME } instead of account and principal'));
    }
    if (principal === undefined && account === undefined && accountId === undefined) {
      problems.push(error(source.locate(['consumer']),
        'consumer names no principal and no certificate; write account (or accountId) and principal, or certificate: { ca: NAME } for IAM Roles Anywhere'));
    }
    if (data.externalId === undefined && principal !== undefined) {
      problems.push(error(source.locate(['consumer']),
        'missing field "externalId": a principal consumer must pass the app\'s ExternalId (e.g. from openssl rand -hex 16, or { env: VAR }); add it, or use certificate: { ca: NAME }'));
    }
    return problems;
  });
