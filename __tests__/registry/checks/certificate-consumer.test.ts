import { ACCOUNTS, CERT_ACCOUNTS, certificateApp, problemsOnDisk, TEST_CA } from '../fixtures';

const BUNDLE = { 'ca/node-ca.pem': TEST_CA };
/** A second bucket, in account swarm. */
const TWO_ACCOUNTS = CERT_ACCOUNTS.replace('buckets:\n', 'buckets:\n  elsewhere:\n    account: swarm\n    exclusive: false\n');

describe('certificateConsumer', () => {
  test('GIVEN a certificate consumer of a declared CA with buckets in the CA\'s account WHEN validated THEN no problem (compliance)', () => {
    expect(problemsOnDisk(CERT_ACCOUNTS, { a: certificateApp('cert-app') }, BUNDLE)).toEqual([]);
  });

  test('GIVEN a misspelt CA WHEN validated THEN the declared ones are suggested', () => {
    expect(problemsOnDisk(CERT_ACCOUNTS, { a: certificateApp('cert-app', 'node-cb') }, BUNDLE)).toEqual([
      'apps/a.yaml:4:22: error: unknown certificate authority "node-cb" (did you mean "node-ca"?); use one of: node-ca',
    ]);
  });

  test('GIVEN no certificateAuthorities at all WHEN validated THEN how to declare one is said', () => {
    expect(problemsOnDisk(ACCOUNTS, { a: certificateApp('cert-app') }, {})).toEqual([
      'apps/a.yaml:4:22: error: unknown certificate authority "node-ca"; use none is declared yet: add certificateAuthorities: { NAME: { account, bundle } } to accounts.yaml',
    ]);
  });

  test('GIVEN a bucket in another account than the CA WHEN validated THEN it is refused: a profile vends roles of its own account', () => {
    const cross = certificateApp('cert-app').replace('  - bucket: shared', '  - bucket: elsewhere');
    expect(problemsOnDisk(TWO_ACCOUNTS, { a: cross }, BUNDLE)).toEqual([
      'apps/a.yaml:6:13: error: bucket "elsewhere" is in account "swarm", but certificate authority "node-ca" vends roles of account "data" only (its trust anchor and profile live there, and a profile vends roles of its own account); use a bucket of "data", or declare a certificate authority in "swarm" for this app',
    ]);
  });

  test('GIVEN a secret in another account than the CA WHEN validated THEN it is refused', () => {
    const secret = `${certificateApp('cert-app')}secrets: [arn:aws:secretsmanager:eu-central-1:222222222222:secret:x-AbCdEf]\n`;
    const found = problemsOnDisk(CERT_ACCOUNTS, { a: secret }, BUNDLE);
    expect(found).toContain('apps/a.yaml:9:11: error: secret is in account 222222222222, but certificate authority "node-ca" vends roles of account "data" (111111111111) only; use a secret of 111111111111, or move the app to a principal consumer');
  });

  test('GIVEN a secret in the CA\'s account WHEN validated THEN no problem (compliance)', () => {
    const secret = `${certificateApp('cert-app')}secrets: [arn:aws:secretsmanager:eu-central-1:111111111111:secret:x-AbCdEf]\n`;
    expect(problemsOnDisk(CERT_ACCOUNTS, { a: secret }, BUNDLE)).toEqual([]);
  });

  test('GIVEN an id of 65 characters WHEN validated THEN it is refused: the certificate\'s CN holds at most 64', () => {
    expect(problemsOnDisk(CERT_ACCOUNTS, { a: certificateApp('a'.repeat(65)) }, BUNDLE)).toEqual([
      'apps/a.yaml:1:5: error: id has 65 characters, but a certificate\'s subject CN holds at most 64, and a certificate consumer\'s CN is its id; shorten the id',
    ]);
  });

  test('GIVEN an id of 64 characters WHEN validated THEN it fits the CN, and only the role name built from it is too long', () => {
    expect(problemsOnDisk(CERT_ACCOUNTS, { a: certificateApp('a'.repeat(64)) }, BUNDLE)).toEqual([
      `apps/a.yaml:1:5: error: role name keyless-${'a'.repeat(64)} has 72 characters, over the IAM limit of 64; shorten the app id to at most 56 characters`,
    ]);
  });

  test('GIVEN two CAs and a consumer naming neither WHEN validated THEN both are listed', () => {
    const twoCas = `${CERT_ACCOUNTS}  other-ca:\n    account: data\n    bundle: ca/other-ca.pem\n`;
    expect(problemsOnDisk(twoCas, { a: certificateApp('cert-app', 'swarm-ca') }, { ...BUNDLE, 'ca/other-ca.pem': TEST_CA })).toEqual([
      'apps/a.yaml:4:22: error: unknown certificate authority "swarm-ca"; use one of: node-ca, other-ca',
    ]);
  });

  test('GIVEN a CA of an unknown account WHEN a certificate consumer with a secret is validated THEN the CA\'s account is what is reported', () => {
    const unknownAccount = CERT_ACCOUNTS.replace('    account: data\n    bundle', '    account: dta\n    bundle');
    const secret = `${certificateApp('cert-app')}secrets: [arn:aws:secretsmanager:eu-central-1:222222222222:secret:x-AbCdEf]\n`;
    expect(problemsOnDisk(unknownAccount, { a: secret }, BUNDLE)).toEqual([
      'accounts.yaml:14:14: error: unknown account "dta" (did you mean "data"?); use the alias (data, swarm) of the account whose roles the certificates open',
      'apps/a.yaml:6:13: error: bucket "shared" is in account "data", but certificate authority "node-ca" vends roles of account "dta" only (its trust anchor and profile live there, and a profile vends roles of its own account); use a bucket of "dta", or declare a certificate authority in "data" for this app',
    ]);
  });

  test('GIVEN a certificate consumer on an undeclared bucket WHEN validated THEN only the unknown bucket is reported', () => {
    expect(problemsOnDisk(CERT_ACCOUNTS, { a: certificateApp('cert-app').replace('bucket: shared', 'bucket: nowhere') }, BUNDLE)).toEqual([
      'apps/a.yaml:6:13: error: unknown bucket "nowhere"; declare it under "buckets:" in accounts.yaml or use one of: shared',
    ]);
  });
});
