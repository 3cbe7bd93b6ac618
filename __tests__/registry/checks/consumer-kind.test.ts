import { app, CERT_ACCOUNTS, certificateApp, problemsOnDisk, TEST_CA } from '../fixtures';

const BUNDLE = { 'ca/node-ca.pem': TEST_CA };
const check = (apps: Record<string, string>) => problemsOnDisk(CERT_ACCOUNTS, apps, BUNDLE);

describe('consumerKind', () => {
  test('GIVEN a certificate consumer and a principal consumer on one bucket WHEN validated THEN no problem (compliance)', () => {
    expect(check({ a: certificateApp('cert-app'), b: app('node-app') })).toEqual([]);
  });

  test('GIVEN a certificate consumer that also declares externalId WHEN validated THEN externalId is refused: nothing secret belongs in IAM', () => {
    expect(check({ a: `${certificateApp('cert-app')}externalId: cert-app-0123456789abcdef\n` })).toEqual([
      'apps/a.yaml:9:1: error: a certificate consumer must not declare externalId: its certificate (CN = app id) identifies it and nothing secret belongs in IAM; remove externalId',
    ]);
  });

  test('GIVEN a certificate consumer that also declares sourceIdentity WHEN validated THEN it is refused: Roles Anywhere sets it', () => {
    expect(check({ a: `${certificateApp('cert-app')}sourceIdentity: cert-app-*\n` })).toEqual([
      'apps/a.yaml:9:1: error: a certificate consumer must not declare sourceIdentity: IAM Roles Anywhere sets the SourceIdentity to the certificate\'s subject CN itself; remove sourceIdentity',
    ]);
  });

  test('GIVEN a consumer with both a certificate and a principal WHEN validated THEN each principal field is named', () => {
    const both = certificateApp('cert-app').replace('  certificate: { ca: node-ca }\n', '  certificate: { ca: node-ca }\n  account: swarm\n  principal: role/node\n');
    expect(check({ a: both })).toEqual([
      'apps/a.yaml:5:3: error: consumer sets both "certificate" and "account"; a certificate consumer is identified by its certificate alone: remove "account", or remove "certificate" to keep a principal consumer',
      'apps/a.yaml:6:3: error: consumer sets both "certificate" and "principal"; a certificate consumer is identified by its certificate alone: remove "principal", or remove "certificate" to keep a principal consumer',
    ]);
  });

  test('GIVEN a principal consumer without externalId WHEN validated THEN externalId is asked for, or a certificate', () => {
    expect(check({ a: app('node-app').replace(/^externalId: .*\n/m, '') })).toEqual([
      'apps/a.yaml:4:3: error: missing field "externalId": a principal consumer must pass the app\'s ExternalId (e.g. from openssl rand -hex 16, or { env: VAR }); add it, or use certificate: { ca: NAME }',
    ]);
  });

  test('GIVEN a consumer with neither principal nor certificate WHEN validated THEN both ways are offered', () => {
    expect(check({ a: 'id: empty-consumer\nowner: t\nconsumer: {}\naccess: [{ bucket: shared, permissions: [read] }]\n' })).toEqual([
      'apps/a.yaml:3:11: error: consumer names no principal and no certificate; write account (or accountId) and principal, or certificate: { ca: NAME } for IAM Roles Anywhere',
    ]);
  });

  test('GIVEN an outside accountId without a principal WHEN validated THEN the principal is asked for, once', () => {
    expect(check({ a: app('node-app').replace('  account: swarm\n  principal: role/node\n', '  accountId: "999999999999"\n') })).toEqual([
      'apps/a.yaml:4:3: error: missing field "principal" (role/NAME, user/NAME, root, or a full IAM ARN); add it, or use certificate: { ca: NAME } instead of account and principal',
    ]);
  });
});
