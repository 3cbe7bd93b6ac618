import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatDiagnostic } from '../../src/registry/diagnostics';
import { checkRegistry } from '../../src/registry/load';
import { writeRegistry } from '../helpers';
import { app } from './fixtures';

interface Options {
  /** Whether bucket "shared" is exclusive (it is unless told). */
  readonly exclusive?: boolean;
  /** The account that owns bucket "shared" (data unless told). */
  readonly account?: 'data' | 'swarm';
  /** YAML lines added to bucket "shared" (e.g. its services), indented as its fields. */
  readonly bucketFields?: string;
}

/** Bucket "shared" (exclusive unless told) keeps policies/shared.json; line 12 is its keepStatements field. Bucket "other" is app-b's, in account data. */
function accounts(options: Options = {}): string {
  return `accounts:
  data:
    id: "111111111111"
    region: eu-central-1
    deployRole: arn:aws:iam::111111111111:role/terraform
    breakGlass: [arn:aws:iam::111111111111:role/admin]
  swarm:
    id: "222222222222"
    region: eu-central-1
buckets:
  shared:
    keepStatements: policies/shared.json
    account: ${options.account ?? 'data'}
${options.exclusive === false ? '    exclusive: false\n' : ''}${options.bucketFields ?? ''}  other:
    account: data
`;
}

/** Every diagnostic of the registry with `keep` as policies/shared.json (none written when undefined): app-a on bucket shared, app-b on bucket other. */
function problems(keep: string | undefined, options: Options = {}): string[] {
  const root = writeRegistry(accounts(options), { a: app('app-a'), b: app('app-b').replace('bucket: shared', 'bucket: other') });
  if (keep !== undefined) {
    mkdirSync(join(root, 'policies'));
    writeFileSync(join(root, 'policies', 'shared.json'), keep);
  }
  return checkRegistry(root, {}).diagnostics.map(formatDiagnostic);
}

/** A policy document holding `statements`, one per line from line 3 on, as aws s3api get-bucket-policy prints it once formatted. */
const doc = (...statements: object[]) => `{\n  "Version": "2012-10-17",\n  "Statement": [\n${statements.map((s) => `    ${JSON.stringify(s)}`).join(',\n')}\n  ]\n}\n`;

const READ = { Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::shared/reports/*' };

describe('keepStatements', () => {
  test('GIVEN a policy document and a bare array of statements WHEN validated THEN both are kept, in order (compliance)', () => {
    const root = writeRegistry(accounts(), { a: app('app-a') });
    mkdirSync(join(root, 'policies'));
    writeFileSync(join(root, 'policies', 'shared.json'), JSON.stringify([{ Sid: 'DenyOld', Effect: 'Deny', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::shared/old/*' },
      { Sid: 'AdminRead', Principal: { AWS: 'arn:aws:iam::111111111111:role/admin' }, ...READ }]));

    const { registry, diagnostics } = checkRegistry(root, {});

    expect(diagnostics).toEqual([]);
    expect(registry!.buckets[0].keepStatements!.statements.map((s) => s.sid)).toEqual(['DenyOld', 'AdminRead']);
  });

  test('GIVEN the kept file missing WHEN validated THEN the keepStatements field is named with how to create the file', () => {
    expect(problems(undefined)).toEqual([
      'accounts.yaml:12:21: error: keepStatements file policies/shared.json does not exist; create it, e.g. from the live policy: ' +
      'aws s3api get-bucket-policy --bucket shared --query Policy --output text > policies/shared.json, or remove keepStatements',
    ]);
  });

  test('GIVEN invalid JSON WHEN validated THEN the line and column of the problem in the JSON file', () => {
    expect(problems('{\n  "Version": "2012-10-17",\n  "Statement": [\n    { "Sid": "A", }\n  ]\n}\n')).toEqual([
      expect.stringMatching(/^policies\/shared\.json:4:19: error: not valid JSON: .+; fix the syntax \(jq \. policies\/shared\.json points at it\)$/),
    ]);
  });

  test('GIVEN invalid JSON whose error names no position WHEN validated THEN one line, at the first character that cannot continue the JSON', () => {
    expect(problems('[\n  {"Sid": "A", "Effect": two}\n]\n')).toEqual([
      'policies/shared.json:2:27: error: not valid JSON: Unexpected token \'w\'; fix the syntax (jq . policies/shared.json points at it)',
    ]);
  });

  test('GIVEN a Sid that keyless uses WHEN validated THEN the kept statement is named with a rename', () => {
    expect(problems(doc({ Sid: 'DenyInsecureTransport', Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: 'arn:aws:s3:::shared/*' }))).toEqual([
      'policies/shared.json:4:5: error: statement "DenyInsecureTransport": its Sid is one keyless uses for its own statements; rename it, e.g. "KeptDenyInsecureTransport"',
    ]);
  });

  test('GIVEN two kept statements with one Sid WHEN validated THEN the second is named with the first one\'s position', () => {
    expect(problems(doc({ Sid: 'Same', Effect: 'Deny', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::shared/x/*' },
      { Sid: 'Same', Effect: 'Deny', Principal: '*', Action: 's3:PutObject', Resource: 'arn:aws:s3:::shared/x/*' }))).toEqual([
      'policies/shared.json:5:12: error: Sid "Same" is used twice (also at policies/shared.json:4:5); Sids must be unique in a bucket policy, rename one',
    ]);
  });

  test.each([
    ['an app role', 'arn:aws:iam::111111111111:role/keyless/keyless-app-a'],
    ['every app role by pattern', 'arn:aws:iam::111111111111:role/keyless/*'],
    ['everyone', '*'],
    ['the role a future app would get', 'arn:aws:iam::111111111111:role/keyless/keyless-reports'],
    ['a session of an app role', 'arn:aws:sts::111111111111:assumed-role/keyless-app-a/nightly-export'],
    ['one app\'s role by a wildcard before its path', 'arn:aws:iam::111111111111:role/*/keyless-app-a'],
    ['one app\'s sessions by a wildcard', 'arn:aws:sts::111111111111:assumed-role/*app-a/*'],
    ['the role of an app on another bucket of this account, by a wildcard', 'arn:aws:iam::111111111111:role/*/keyless-app-b'],
  ])('GIVEN an Allow to %s WHEN validated THEN it is refused: it would bypass the prefix scoping', (_, principal) => {
    expect(problems(doc({ Sid: 'Read', Principal: principal === '*' ? '*' : { AWS: principal }, ...READ }), { exclusive: false })).toEqual([
      `policies/shared.json:4:5: error: statement "Read" allows ${principal}, which covers keyless app roles (arn:aws:iam::111111111111:role/keyless/keyless-*): ` +
      'in a same-account bucket policy that Allow alone grants access, past each app role\'s prefix scoping; name the principals it is for instead, ' +
      'or drop the statement and declare the access in apps/',
    ]);
  });

  test('GIVEN a NotPrincipal Allow WHEN validated THEN it is refused as an Allow to everyone: it grants every principal but the named ones', () => {
    expect(problems(doc({ Sid: 'AllButAuditor', NotPrincipal: { AWS: 'arn:aws:iam::999999999999:root' }, ...READ }), { exclusive: false })).toEqual([
      'policies/shared.json:4:5: error: statement "AllButAuditor" allows *, which covers keyless app roles (arn:aws:iam::111111111111:role/keyless/keyless-*): ' +
      'in a same-account bucket policy that Allow alone grants access, past each app role\'s prefix scoping; name the principals it is for instead, ' +
      'or drop the statement and declare the access in apps/',
    ]);
  });

  test('GIVEN a bucket of the second account WHEN a kept Allow names an app role of that account THEN it is refused with that account\'s app roles', () => {
    expect(problems(doc({ Sid: 'Read', Principal: { AWS: 'arn:aws:iam::222222222222:role/keyless/keyless-app-a' }, ...READ }), { exclusive: false, account: 'swarm' })).toEqual([
      'policies/shared.json:4:5: error: statement "Read" allows arn:aws:iam::222222222222:role/keyless/keyless-app-a, which covers keyless app roles ' +
      '(arn:aws:iam::222222222222:role/keyless/keyless-*): in a same-account bucket policy that Allow alone grants access, past each app role\'s prefix ' +
      'scoping; name the principals it is for instead, or drop the statement and declare the access in apps/',
    ]);
  });

  test.each([
    ['an account id, as its root', '999999999999', 'arn:aws:iam::999999999999:root'],
    ['an id of 13 digits, as written', '9999999999999', '9999999999999'],
    ['a role whose name ends in 12 digits, as written', 'arn:aws:iam::999999999999:role/ci-123456789012', 'arn:aws:iam::999999999999:role/ci-123456789012'],
  ])('GIVEN an Allow to %s on an exclusive bucket WHEN validated THEN the principal is named so', (_, principal, named) => {
    expect(problems(doc({ Sid: 'AuditorRead', Principal: { AWS: principal }, ...READ }))).toEqual([
      `policies/shared.json:4:5: error: statement "AuditorRead" allows ${named}, which DenyPrincipalsOutsideRegistry denies on the ` +
      'exclusive bucket "shared", so the statement would never take effect; breakGlass takes principals of account 111111111111 only, so set exclusive: false on bucket "shared"',
    ]);
  });

  test('GIVEN an Allow to a Federated principal named like an app role WHEN validated THEN it is not taken for the IAM role: the exclusive guardrail denies it', () => {
    expect(problems(doc({ Sid: 'FederatedRead', Principal: { Federated: 'arn:aws:iam::111111111111:role/keyless/keyless-app-a' }, ...READ }))).toEqual([
      'policies/shared.json:4:5: error: statement "FederatedRead" allows arn:aws:iam::111111111111:role/keyless/keyless-app-a, which DenyPrincipalsOutsideRegistry ' +
      'denies on the exclusive bucket "shared", so the statement would never take effect; breakGlass takes principals of account 111111111111 only, ' +
      'so set exclusive: false on bucket "shared"',
    ]);
  });

  test('GIVEN an exclusive bucket that declares CloudFront WHEN a kept Allow names CloudFront with a source condition THEN no problem; named as an AWS principal THEN the guardrail denies it', () => {
    const services = `    services:
      - service: cloudfront.amazonaws.com
        prefix: public/
        permissions: [read]
        sourceArn: arn:aws:cloudfront::111111111111:distribution/E1
`;
    const condition = { StringEquals: { 'aws:SourceAccount': '111111111111' } };
    expect(problems(doc({ Sid: 'CloudFrontRead', Principal: { Service: 'cloudfront.amazonaws.com' }, ...READ, Condition: condition }), { bucketFields: services })).toEqual([]);
    expect(problems(doc({ Sid: 'CloudFrontRead', Principal: { AWS: 'cloudfront.amazonaws.com' }, ...READ, Condition: condition }), { bucketFields: services })).toEqual([
      'policies/shared.json:4:5: error: statement "CloudFrontRead" allows cloudfront.amazonaws.com, which DenyPrincipalsOutsideRegistry denies on the exclusive ' +
      'bucket "shared", so the statement would never take effect; breakGlass takes principals of account 111111111111 only, so set exclusive: false on bucket "shared"',
    ]);
  });

  test('GIVEN an Allow to another account\'s auditor on an exclusive bucket WHEN validated THEN the statement is named with the fix', () => {
    expect(problems(doc({ Sid: 'AuditorRead', Principal: { AWS: 'arn:aws:iam::999999999999:role/auditor' }, ...READ }))).toEqual([
      'policies/shared.json:4:5: error: statement "AuditorRead" allows arn:aws:iam::999999999999:role/auditor, which DenyPrincipalsOutsideRegistry denies on the ' +
      'exclusive bucket "shared", so the statement would never take effect; breakGlass takes principals of account 111111111111 only, so set exclusive: false on bucket "shared"',
    ]);
  });

  test('GIVEN an Allow to a role of the bucket account or to an undeclared service on an exclusive bucket WHEN validated THEN each fix is named', () => {
    expect(problems(doc({ Sid: 'OpsRead', Principal: { AWS: 'arn:aws:iam::111111111111:role/ops' }, ...READ },
      { Sid: 'CloudFrontRead', Principal: { Service: 'cloudfront.amazonaws.com' }, ...READ, Condition: { StringEquals: { 'aws:SourceAccount': '111111111111' } } }))).toEqual([
      'policies/shared.json:4:5: error: statement "OpsRead" allows arn:aws:iam::111111111111:role/ops, which DenyPrincipalsOutsideRegistry denies on the exclusive ' +
      'bucket "shared", so the statement would never take effect; list it in breakGlass of account "data", or set exclusive: false on bucket "shared"',
      'policies/shared.json:5:5: error: statement "CloudFrontRead" allows cloudfront.amazonaws.com, which DenyPrincipalsOutsideRegistry denies on the exclusive ' +
      'bucket "shared", so the statement would never take effect; declare cloudfront.amazonaws.com under services of bucket "shared" (with its source condition), ' +
      'or set exclusive: false on bucket "shared"',
    ]);
  });

  test('GIVEN a kept Allow to a service without a source condition WHEN validated THEN it is refused as a confused deputy', () => {
    expect(problems(doc({ Sid: 'OldCloudFront', Principal: { Service: 'cloudfront.amazonaws.com' }, ...READ }), { exclusive: false })).toEqual([
      'policies/shared.json:4:5: error: statement "OldCloudFront" allows cloudfront.amazonaws.com without an aws:SourceArn or aws:SourceAccount condition: ' +
      'the service would act on this bucket for any resource of any account that names it (confused deputy); add the condition, or declare the service ' +
      'under services of bucket "shared"',
    ]);
    expect(problems(doc({ Sid: 'OldCloudFront', Principal: { Service: 'cloudfront.amazonaws.com' }, ...READ,
      Condition: { StringEquals: { 'AWS:SourceArn': 'arn:aws:cloudfront::111111111111:distribution/E1' } } }), { exclusive: false })).toEqual([]);
  });

  test.each([
    ['a source key beside another operator', { StringEquals: { 'aws:SourceAccount': '111111111111' }, Bool: { 'aws:SecureTransport': 'true' } }],
    ['a source key beside another key', { StringEquals: { 's3:x-amz-acl': 'bucket-owner-full-control', 'aws:SourceAccount': '111111111111' } }],
  ])('GIVEN a kept service Allow whose condition holds %s WHEN validated THEN no problem (compliance)', (_, condition) => {
    expect(problems(doc({ Sid: 'LogDelivery', Principal: { Service: 'logging.s3.amazonaws.com' }, ...READ, Condition: condition }), { exclusive: false })).toEqual([]);
  });

  test.each([
    ['only other keys', { Bool: { 'aws:SecureTransport': 'true' } }],
    ['an operator without keys (null)', { StringEquals: null }],
  ])('GIVEN a kept service Allow whose condition holds %s WHEN validated THEN it is refused as a confused deputy', (_, condition) => {
    expect(problems(doc({ Sid: 'LogDelivery', Principal: { Service: 'logging.s3.amazonaws.com' }, ...READ, Condition: condition }), { exclusive: false })).toEqual([
      'policies/shared.json:4:5: error: statement "LogDelivery" allows logging.s3.amazonaws.com without an aws:SourceArn or aws:SourceAccount condition: ' +
      'the service would act on this bucket for any resource of any account that names it (confused deputy); add the condition, or declare the service ' +
      'under services of bucket "shared"',
    ]);
  });

  test('GIVEN an Allow to breakGlass on an exclusive bucket, or to an auditor on a shared one WHEN validated THEN no problem (compliance)', () => {
    expect(problems(doc({ Sid: 'AdminRead', Principal: { AWS: 'arn:aws:iam::111111111111:role/admin' }, ...READ }))).toEqual([]);
    expect(problems(doc({ Sid: 'AuditorRead', Principal: { AWS: '999999999999' }, ...READ }), { exclusive: false })).toEqual([]);
  });

  test('GIVEN a file that holds no statements, or a statement without Sid WHEN validated THEN what to write', () => {
    expect(problems('{ "Version": "2012-10-17" }')).toEqual([
      'policies/shared.json:1:1: error: must hold a bucket policy ({ "Version": "2012-10-17", "Statement": [ … ] }) or an array of statements, as aws s3api get-bucket-policy prints it',
    ]);
    expect(problems(doc({ Effect: 'Deny', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::shared/x/*' }))).toEqual([
      'policies/shared.json:4:5: error: statement 1 has no Sid; give each kept statement a unique Sid, by which validation and review name it',
    ]);
  });

  test('GIVEN kept statements that push the bucket policy over 20 KB WHEN validated THEN the quota error counts the whole policy', () => {
    const big = Array.from({ length: 80 }, (_, i) => ({ Sid: `Deny${i}`, Effect: 'Deny', Principal: '*', Action: 's3:GetObject', Resource: `arn:aws:s3:::shared/${'x'.repeat(200)}${i}/*` }));
    expect(problems(doc(...big))).toEqual([expect.stringMatching(/^accounts\.yaml:11:3: error: bucket policy of "shared" \(account "data"\) has \d+ characters, over the S3 limit of 20480 \(20 KB\); shorten the account's breakGlass list, the bucket's network lists or its kept statements \(policies\/shared\.json\)$/)]);
  });
});
