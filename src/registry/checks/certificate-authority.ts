import { X509Certificate } from 'node:crypto';
import { TRUST_ANCHOR_CERTIFICATE_MAX_CHARS } from '../../policy/limits';
import { parseCertificate, pemBlocks } from '../ca-bundle';
import { Diagnostic, error, SourceLocation, warning } from '../diagnostics';
import { didYouMean } from '../suggest';
import { Check, where } from './check';

/** A CA certificate this close to its end gets a warning: every certificate consumer of it stops working then. */
export const CA_EXPIRY_WARNING_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Each certificateAuthorities entry: its account exists, and its bundle is one public CA certificate (PEM,
 * basicConstraints CA:TRUE, within its validity) that a Roles Anywhere trust anchor accepts. Problems inside the
 * bundle point at the bundle's own lines.
 */
export const certificateAuthority: Check = ({ accounts, bundles, now }) => {
  if (!accounts) return [];
  const aliases = Object.keys(accounts.data.accounts);
  return Object.entries(accounts.data.certificateAuthorities ?? {}).flatMap(([name, ca]): Diagnostic[] => {
    const declared = where(accounts.source, ['certificateAuthorities', name, 'bundle']);
    const account = aliases.includes(ca.account) ? [] : [error(accounts.source.locate(['certificateAuthorities', name, 'account']),
      `unknown account "${ca.account}"${didYouMean(ca.account, aliases)}; use the alias (${aliases.join(', ')}) of the account whose roles the certificates open`)];
    const bundle = bundles.get(name);
    if (!bundle) return account;
    if ('readError' in bundle) {
      return [...account, error(accounts.source.locate(['certificateAuthorities', name, 'bundle']),
        `cannot read CA bundle ${bundle.file} (${bundle.readError}); commit the CA's public certificate there (PEM), or fix the path`)];
    }
    return [...account, ...bundleProblems(bundle.file, bundle.text, `certificateAuthorities.${name} at ${declared}`, now)];
  });
};

function bundleProblems(file: string, text: string, declared: string, now: Date): Diagnostic[] {
  const at = (line: number): SourceLocation => ({ file, line, column: 1 });
  const blocks = pemBlocks(text);
  const keys = blocks.filter((b) => b.label.includes('PRIVATE KEY'));
  if (keys.length) {
    return keys.map((k) => error(at(k.line),
      `holds a ${k.label} (${declared}): a private key must never be in the registry; remove it from the file and from git history, ` +
      'and treat the key as compromised: issue a new CA'));
  }
  const certificates = blocks.filter((b) => b.label === 'CERTIFICATE');
  if (!certificates.length) {
    return [error(at(1), `is not a PEM certificate (no -----BEGIN CERTIFICATE----- block) (${declared}); put the CA's public certificate there, e.g. from openssl x509 -in ca.crt -outform PEM`)];
  }
  if (blocks.length > 1) {
    return [error(at(blocks[1].line),
      `holds ${blocks.length} PEM blocks (${declared}); a Roles Anywhere trust anchor takes exactly one CA certificate: keep one, and declare another certificateAuthorities entry for each further CA`)];
  }
  const [block] = certificates;
  if (block.text.length + 1 > TRUST_ANCHOR_CERTIFICATE_MAX_CHARS) {
    return [error(at(block.line), `certificate has ${block.text.length + 1} characters, over the ${TRUST_ANCHOR_CERTIFICATE_MAX_CHARS} a Roles Anywhere trust anchor accepts (${declared}); use a CA certificate with fewer extensions or a smaller key`)];
  }
  const certificate = parseCertificate(block);
  if (!(certificate instanceof X509Certificate)) {
    return [error(at(block.line), `cannot parse the certificate (${certificate.error}) (${declared}); export the CA certificate again, e.g. openssl x509 -in ca.crt -outform PEM`)];
  }
  if (!certificate.ca) {
    return [error(at(block.line),
      `certificate ${certificate.subject.replace(/\n/g, ', ')} is not a CA certificate (basicConstraints CA:TRUE is missing) (${declared}); ` +
      'a trust anchor needs the certificate of the CA that issues the app certificates, not an app certificate')];
  }
  return validity(certificate, at(block.line), declared, now);
}

function validity(certificate: X509Certificate, location: SourceLocation, declared: string, now: Date): Diagnostic[] {
  const notBefore = new Date(certificate.validFrom);
  const notAfter = new Date(certificate.validTo);
  if (notAfter.getTime() <= now.getTime()) {
    return [error(location, `CA certificate expired on ${notAfter.toISOString()} (${declared}); Roles Anywhere refuses every certificate it issued: renew the CA and issue new app certificates`)];
  }
  const days = Math.floor((notAfter.getTime() - now.getTime()) / DAY_MS);
  const problems: Diagnostic[] = [];
  if (days < CA_EXPIRY_WARNING_DAYS) {
    problems.push(warning(location, `CA certificate expires on ${notAfter.toISOString()}, in ${days} days (${declared}); renew it and re-issue the app certificates before then, or every certificate consumer of it is locked out`));
  }
  if (notBefore.getTime() > now.getTime()) {
    problems.push(warning(location, `CA certificate is not valid before ${notBefore.toISOString()} (${declared}); sessions are refused until then: check the issuing machine's clock`));
  }
  return problems;
}
