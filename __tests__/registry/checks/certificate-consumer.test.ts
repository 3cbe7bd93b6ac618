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
});
