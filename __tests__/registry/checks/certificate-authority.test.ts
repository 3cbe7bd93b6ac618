import { app, CERT_ACCOUNTS, problemsOnDisk, TEST_CA, TEST_LARGE_CA, TEST_LEAF_WITH_ORG } from '../fixtures';

/** One principal app, so that the registry is otherwise complete. */
const APP = { a: app('node-app') };

const BUNDLE = 'ca/node-ca.pem';
const AT = 'certificateAuthorities.node-ca at accounts.yaml:15:13';
/** TEST_CA's validity, as the validation time of the boundary tests. */
const NOT_BEFORE = new Date('2026-12-05T00:55:03Z');
const NOT_AFTER = new Date('2126-11-11T00:55:03Z');
const DAY_MS = 24 * 60 * 60 * 1000;

/** TEST_LARGE_CA, still a valid certificate, grown to `chars` characters with its final newline by indenting a base64 line. */
function caOfLength(chars: number): string {
  const grown = TEST_LARGE_CA.replace('-----\n', `-----\n${' '.repeat(chars - TEST_LARGE_CA.length)}`);
  expect(grown).toHaveLength(chars);
  return grown;
}

describe('certificateAuthority', () => {
  test('GIVEN a CA certificate within its validity WHEN validated THEN no problem (compliance)', () => {
    expect(problemsOnDisk(CERT_ACCOUNTS, APP, { [BUNDLE]: TEST_CA })).toEqual([]);
  });

  test('GIVEN a missing bundle file WHEN validated THEN the bundle line says to commit the certificate', () => {
    expect(problemsOnDisk(CERT_ACCOUNTS, APP, {})).toEqual([
      'accounts.yaml:15:13: error: cannot read CA bundle ca/node-ca.pem (ENOENT); commit the CA\'s public certificate there (PEM), or fix the path',
    ]);
  });

  test('GIVEN a file that is not PEM WHEN validated THEN the bundle file itself is named, at line 1', () => {
    expect(problemsOnDisk(CERT_ACCOUNTS, APP, { [BUNDLE]: 'not a certificate\n' })).toEqual([
      `ca/node-ca.pem:1:1: error: is not a PEM certificate (no -----BEGIN CERTIFICATE----- block) (${AT}); put the CA's public certificate there, e.g. from openssl x509 -in ca.crt -outform PEM`,
    ]);
  });

  test('GIVEN a PEM block with broken base64 WHEN validated THEN its BEGIN line is named with the parser\'s complaint', () => {
    const broken = TEST_CA.replace(/\n[A-Za-z0-9+/]{20}/, '\n!!!!!!!!!!!!!!!!!!!!');
    const [line] = problemsOnDisk(CERT_ACCOUNTS, APP, { [BUNDLE]: `# the swarm CA\n${broken}` });
    expect(line).toMatch(new RegExp(`^ca/node-ca\\.pem:2:1: error: cannot parse the certificate \\(.+\\) \\(${AT.replace(/\./g, '\\.')}\\); export the CA certificate again, e.g. openssl x509 -in ca.crt -outform PEM$`));
  });

  test('GIVEN a private key in the bundle WHEN validated THEN it is an error at the key, saying to rotate the CA', () => {
    const key = '-----BEGIN PRIVATE KEY-----\nMIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQg\n-----END PRIVATE KEY-----\n';
    expect(problemsOnDisk(CERT_ACCOUNTS, APP, { [BUNDLE]: `${TEST_CA}${key}` })).toEqual([
      `ca/node-ca.pem:${TEST_CA.split('\n').length}:1: error: holds a PRIVATE KEY (${AT}): a private key must never be in the registry; remove it from the file and from git history, and treat the key as compromised: issue a new CA`,
    ]);
  });

  test('GIVEN two certificates WHEN validated THEN the second one is named: a trust anchor takes one', () => {
    expect(problemsOnDisk(CERT_ACCOUNTS, APP, { [BUNDLE]: `${TEST_CA}${TEST_CA}` })).toEqual([
      `ca/node-ca.pem:${TEST_CA.split('\n').length}:1: error: holds 2 PEM blocks (${AT}); a Roles Anywhere trust anchor takes exactly one CA certificate: keep one, and declare another certificateAuthorities entry for each further CA`,
    ]);
  });

  test('GIVEN a certificate request (CSR) instead of a certificate WHEN validated THEN it is no PEM certificate', () => {
    const csr = '-----BEGIN CERTIFICATE REQUEST-----\nMIIBijCCATGgAwIBAgIU\n-----END CERTIFICATE REQUEST-----\n';
    expect(problemsOnDisk(CERT_ACCOUNTS, APP, { [BUNDLE]: csr })).toEqual([
      `ca/node-ca.pem:1:1: error: is not a PEM certificate (no -----BEGIN CERTIFICATE----- block) (${AT}); put the CA's public certificate there, e.g. from openssl x509 -in ca.crt -outform PEM`,
    ]);
  });

  test('GIVEN a CA certificate followed by a public key WHEN validated THEN the second block is named: a trust anchor takes the certificate alone', () => {
    const key = '-----BEGIN PUBLIC KEY-----\nMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE\n-----END PUBLIC KEY-----\n';
    expect(problemsOnDisk(CERT_ACCOUNTS, APP, { [BUNDLE]: `${TEST_CA}${key}` })).toEqual([
      `ca/node-ca.pem:${TEST_CA.split('\n').length}:1: error: holds 2 PEM blocks (${AT}); a Roles Anywhere trust anchor takes exactly one CA certificate: keep one, and declare another certificateAuthorities entry for each further CA`,
    ]);
  });

  test('GIVEN a CA certificate of 8000 characters with its newline WHEN validated THEN no problem: the trust anchor accepts up to 8000 (compliance)', () => {
    expect(problemsOnDisk(CERT_ACCOUNTS, APP, { [BUNDLE]: caOfLength(8000) })).toEqual([]);
  });

  test('GIVEN a CA certificate of 8001 characters with its newline WHEN validated THEN its length and the limit are named', () => {
    expect(problemsOnDisk(CERT_ACCOUNTS, APP, { [BUNDLE]: caOfLength(8001) })).toEqual([
      `ca/node-ca.pem:1:1: error: certificate has 8001 characters, over the 8000 a Roles Anywhere trust anchor accepts (${AT}); use a CA certificate with fewer extensions or a smaller key`,
    ]);
  });

  test('GIVEN an app certificate instead of a CA WHEN validated THEN basicConstraints CA:TRUE is asked for, naming its subject on one line', () => {
    expect(problemsOnDisk(CERT_ACCOUNTS, APP, { [BUNDLE]: TEST_LEAF_WITH_ORG })).toEqual([
      `ca/node-ca.pem:1:1: error: certificate O=team-some-app, CN=some-app is not a CA certificate (basicConstraints CA:TRUE is missing) (${AT}); a trust anchor needs the certificate of the CA that issues the app certificates, not an app certificate`,
    ]);
  });

  test('GIVEN a CA past its end WHEN validated THEN it is an error: every certificate it issued is refused', () => {
    const [line] = problemsOnDisk(CERT_ACCOUNTS, APP, { [BUNDLE]: TEST_CA }, new Date('2127-01-01T00:00:00Z'));
    expect(line).toMatch(/^ca\/node-ca\.pem:1:1: error: CA certificate expired on 2126-11-11T00:55:03\.000Z \(certificateAuthorities\.node-ca at accounts\.yaml:15:13\); Roles Anywhere refuses every certificate it issued: renew the CA and issue new app certificates$/);
  });

  test('GIVEN the very second the CA ends WHEN validated THEN it is already expired', () => {
    expect(problemsOnDisk(CERT_ACCOUNTS, APP, { [BUNDLE]: TEST_CA }, NOT_AFTER)).toEqual([
      `ca/node-ca.pem:1:1: error: CA certificate expired on 2126-11-11T00:55:03.000Z (${AT}); Roles Anywhere refuses every certificate it issued: renew the CA and issue new app certificates`,
    ]);
  });

  test('GIVEN exactly 30 days left WHEN validated THEN no warning yet (compliance)', () => {
    expect(problemsOnDisk(CERT_ACCOUNTS, APP, { [BUNDLE]: TEST_CA }, new Date(NOT_AFTER.getTime() - 30 * DAY_MS))).toEqual([]);
  });

  test('GIVEN a CA not valid yet WHEN validated THEN a warning gives its start: sessions are refused until then', () => {
    expect(problemsOnDisk(CERT_ACCOUNTS, APP, { [BUNDLE]: TEST_CA }, new Date('2026-12-05T00:00:00Z'))).toEqual([
      `ca/node-ca.pem:1:1: warning: CA certificate is not valid before 2026-12-05T00:55:03.000Z (${AT}); sessions are refused until then: check the issuing machine's clock`,
    ]);
  });

  test('GIVEN the very second the CA starts WHEN validated THEN no problem (compliance)', () => {
    expect(problemsOnDisk(CERT_ACCOUNTS, APP, { [BUNDLE]: TEST_CA }, NOT_BEFORE)).toEqual([]);
  });

  test('GIVEN a CA that ends within 30 days WHEN validated THEN a warning gives the date and the days left', () => {
    const [line, ...rest] = problemsOnDisk(CERT_ACCOUNTS, APP, { [BUNDLE]: TEST_CA }, new Date('2126-10-22T00:00:00Z'));
    expect(rest).toEqual([]);
    expect(line).toMatch(/^ca\/node-ca\.pem:1:1: warning: CA certificate expires on 2126-11-11T00:55:03\.000Z, in 20 days \(certificateAuthorities\.node-ca at accounts\.yaml:15:13\); renew it and re-issue the app certificates before then, or every certificate consumer of it is locked out$/);
  });

  test('GIVEN an unknown account WHEN validated THEN the aliases are offered', () => {
    expect(problemsOnDisk(CERT_ACCOUNTS.replace('    account: data\n    bundle', '    account: dta\n    bundle'), APP, { [BUNDLE]: TEST_CA })).toEqual([
      'accounts.yaml:14:14: error: unknown account "dta" (did you mean "data"?); use the alias (data, swarm) of the account whose roles the certificates open',
    ]);
  });

  test.each([
    ['../outside.pem', 'a path leaving the registry'],
    ['/etc/ssl/cert.pem', 'an absolute path'],
    ['ca/node-ca.key', 'a key file'],
  ])('GIVEN bundle %s (%s) WHEN validated THEN the schema refuses it before anything is read', (bundle) => {
    expect(problemsOnDisk(CERT_ACCOUNTS.replace('ca/node-ca.pem', bundle), APP, {})).toEqual([
      'accounts.yaml:15:13: error: "certificateAuthorities.node-ca.bundle" must be a .pem or .crt path relative to the registry root, inside it (no leading "/", no ".." segments), e.g. ca/swarm-ca.pem' +
        ` (found "${bundle}")`,
    ]);
  });
});
