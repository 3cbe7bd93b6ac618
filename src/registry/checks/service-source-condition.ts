import { Diagnostic, error, SourceLocation, warning } from '../diagnostics';
import { normalizePrefix } from '../prefix';
import { ServiceGrantEntry } from '../schema';
import { KNOWN_SERVICES, KnownService, knownService } from '../services';
import { Check } from './check';

/**
 * Every service grant is held to the resource the service acts for: a known service to every confused-deputy key
 * it sends (see services.ts), any other service to at least one, so that no other account's resource can make the
 * service read or write the bucket.
 */
export const serviceSourceCondition: Check = ({ accounts }) => {
  if (!accounts) return [];
  return Object.entries(accounts.data.buckets ?? {}).flatMap(([name, bucket]) =>
    (bucket.services ?? []).flatMap((grant, i) => {
      const at = accounts.source.locate(['buckets', name, 'services', i]);
      const where = `s3://${name}/${normalizePrefix(grant.prefix)}`;
      const known = knownService(grant.service);
      return known ? knownServiceProblems(grant, known, where, at) : unknownServiceProblems(grant, where, at);
    }));
};

function knownServiceProblems(grant: ServiceGrantEntry, known: KnownService, where: string, at: SourceLocation): Diagnostic[] {
  const arns = grant.sourceArn === undefined ? [] : [grant.sourceArn].flat();
  if (known.sends.includes('aws:SourceArn') && !arns.length) {
    return [error(at,
      `service grant of ${grant.service} on ${where} has no sourceArn, but the service sends aws:SourceArn (${known.source}): without it ` +
      `the service would act on this bucket for any resource of any account that names it (confused deputy); add sourceArn: ${known.sourceArnExample}, ` +
      'the ARN of your resource')];
  }
  const problems = arns.filter((arn) => !known.sourceArn.test(arn)).map((arn) => error(at,
    `sourceArn ${arn} is not what ${grant.service} sends as aws:SourceArn, so the grant would never match; write it like ${known.sourceArnExample}`));
  if (grant.sourceAccount !== undefined && !known.sends.includes('aws:SourceAccount')) {
    problems.push(warning(at,
      `${grant.service} is not documented to send aws:SourceAccount (${known.source}): if it does not, the condition denies all its requests; ` +
      'remove sourceAccount unless you have seen the service send it'));
  }
  return problems;
}

function unknownServiceProblems(grant: ServiceGrantEntry, where: string, at: SourceLocation): Diagnostic[] {
  const known = Object.keys(KNOWN_SERVICES).join(', ');
  if (grant.sourceArn === undefined && grant.sourceAccount === undefined) {
    return [error(at,
      `service grant of ${grant.service} on ${where} has neither sourceArn nor sourceAccount: without a confused-deputy condition the service ` +
      'would act on this bucket for any resource of any account that names it; add sourceArn (the ARN of your resource) and/or sourceAccount ' +
      `(your account id), whichever the service sends as aws:SourceArn/aws:SourceAccount per its documentation`)];
  }
  return [warning(at,
    `keyless does not know which of aws:SourceArn and aws:SourceAccount ${grant.service} sends (it knows ${known}); check the service's ` +
    'documentation: a condition on a key it does not send denies all its requests, a key it sends but you leave out widens the grant')];
}
