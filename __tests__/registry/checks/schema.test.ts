import { z } from 'zod';
import { checkSchema } from '../../../src/registry/checks/schema';
import { formatDiagnostic } from '../../../src/registry/diagnostics';
import { toJsonSchema } from '../../../src/registry/json-schema';
import { YamlSource } from '../../../src/registry/yaml-source';
import { ACCOUNTS, app, problems } from '../fixtures';

const accountsWith = (from: string, to: string) => ACCOUNTS.replace(from, to);
const appWith = (from: string, to: string) => ({ a: app('a').replace(from, to) });

describe('schema check', () => {
  test('GIVEN the fixture registry WHEN validated THEN there is no problem (compliance)', () => {
    expect(problems(ACCOUNTS, { a: app('a'), b: app('b') })).toEqual([]);
  });

  describe('unknown fields', () => {
    test('GIVEN a misspelt field WHEN validated THEN the key is located and the right name suggested, without a second "missing" error', () => {
      expect(problems(ACCOUNTS, { neighbour: app('neighbour').replace('access:', 'acess:') })).toEqual([
        'apps/neighbour.yaml:7:1: error: unknown field "acess" (did you mean "access"?)',
      ]);
    });

    test('GIVEN a misspelt nested field WHEN validated THEN the suggestion comes from that mapping', () => {
      expect(problems(ACCOUNTS, appWith('    prefix: a/', '    prefx: a/'))).toEqual([
        'apps/a.yaml:9:5: error: unknown field "prefx" (did you mean "prefix"?)',
      ]);
    });

    test('GIVEN a field like no known one WHEN validated THEN the message lists the fields allowed there', () => {
      expect(problems(accountsWith('    account: data', '    account: data\n    color: red'), {})).toEqual([
        'accounts.yaml:12:5: error: unknown field "color"; remove it or use one of: account, region, exclusive, enforceTls, network, kmsKey, services, keepStatements, existingPolicy',
      ]);
    });

    test('GIVEN a misspelt key inside { env: … } WHEN validated THEN the union branch of the mapping is the one reported', () => {
      expect(problems(ACCOUNTS, appWith('externalId: a-0123456789abcdef', 'externalId: { evn: A_EXTERNAL_ID }'))).toEqual([
        'apps/a.yaml:6:15: error: unknown field "evn" (did you mean "env"?)',
      ]);
    });

    test('GIVEN a cloud backend without workspace WHEN validated THEN the cloud branch, with fewer problems than the s3 one, is reported', () => {
      expect(problems(accountsWith('    region: eu-central-1\n', '    region: eu-central-1\n    backend: { cloud: { organization: acme } }\n'), {})).toEqual([
        'accounts.yaml:5:23: error: missing field "workspace"; add it',
      ]);
    });
  });

  describe('missing and wrongly typed fields', () => {
    test('GIVEN an app without owner WHEN validated THEN the missing field is named with what it holds', () => {
      expect(problems(ACCOUNTS, appWith('owner: team-a\n', ''))).toEqual([
        'apps/a.yaml:1:1: error: missing field "owner" (the team that owns the app); add it',
      ]);
    });

    test('GIVEN a nested field missing WHEN validated THEN the enclosing mapping is located', () => {
      expect(problems(ACCOUNTS, appWith('  principal: role/node\n', ''))).toEqual([
        'apps/a.yaml:4:3: error: missing field "principal" (role/NAME, user/NAME, root, or a full IAM ARN); add it, or use certificate: { ca: NAME } instead of account and principal',
      ]);
    });

    test('GIVEN a list where a mapping belongs WHEN validated THEN the expected and the found type are named', () => {
      expect(problems(ACCOUNTS, appWith('consumer:\n  account: swarm\n  principal: role/node', 'consumer: [swarm]'))).toEqual([
        'apps/a.yaml:3:11: error: "consumer" must be a mapping (key: value lines), not a list',
      ]);
    });

    test('GIVEN a field without value WHEN validated THEN the message says it is empty', () => {
      expect(problems(ACCOUNTS, appWith('owner: team-a', 'owner:'))).toEqual([
        'apps/a.yaml:2:7: error: "owner" has no value; write a string',
      ]);
    });

    test('GIVEN a number where a string belongs WHEN validated THEN the message says to quote it', () => {
      expect(problems(ACCOUNTS, appWith('owner: team-a', 'owner: 42'))).toEqual([
        'apps/a.yaml:2:8: error: "owner" must be a string, but YAML reads the unquoted 42 as a number; quote it: "42"',
      ]);
    });

    test('GIVEN a string where a number belongs WHEN validated THEN the expected type is named', () => {
      expect(problems(ACCOUNTS, { a: `${app('a')}maxSessionDuration: 1h\n` })).toEqual([
        'apps/a.yaml:11:21: error: "maxSessionDuration" must be a number, not a string ("1h")',
      ]);
    });

    test('GIVEN externalId as a number WHEN validated THEN both accepted forms are named', () => {
      expect(problems(ACCOUNTS, appWith('externalId: a-0123456789abcdef', 'externalId: [x]'))).toEqual([
        'apps/a.yaml:6:13: error: "externalId" must be a string or a mapping (key: value lines), not a list',
      ]);
    });

    test('GIVEN a file that is a list WHEN validated THEN the file itself is reported', () => {
      expect(problems('- data\n', {})).toEqual([
        'accounts.yaml:1:1: error: the file must be a mapping (key: value lines), not a list',
      ]);
    });

    test.each([
      ['a scalar', 'hello\n', 'not a string ("hello")'],
      ['a number', '42\n', 'not a number (42)'],
    ])('GIVEN a file that is %s WHEN validated THEN the file itself is reported with its value', (_label, text, found) => {
      expect(problems(text, {})).toEqual([`accounts.yaml:1:1: error: the file must be a mapping (key: value lines), ${found}`]);
    });

    test('GIVEN a mapping where a string belongs WHEN validated THEN the found type is named', () => {
      expect(problems(ACCOUNTS, appWith('owner: team-a', 'owner: { name: team-a }'))).toEqual([
        'apps/a.yaml:2:8: error: "owner" must be a string, not a mapping',
      ]);
    });

    test('GIVEN an unquoted true where a string belongs WHEN validated THEN YAML\'s boolean reading is explained and quoting asked for', () => {
      expect(problems(ACCOUNTS, appWith('owner: team-a', 'owner: true'))).toEqual([
        'apps/a.yaml:2:8: error: "owner" must be a string, but YAML reads the unquoted true as a boolean; quote it: "true"',
      ]);
    });

    test('GIVEN a number reached through an alias where a string belongs WHEN validated THEN the type is named, there being no written text to quote', () => {
      const userApp = app('a').replace('principal: role/node', 'principal: user/batch');
      expect(problems(ACCOUNTS, { a: `${userApp}maxSessionDuration: &hour 3600\ndescription: *hour\n` })).toEqual([
        'apps/a.yaml:12:14: error: "description" must be a string, not a number (3600)',
      ]);
    });

    test('GIVEN a number where true or false belongs WHEN validated THEN the number is shown with its type', () => {
      expect(problems(accountsWith('    account: data\n', '    account: data\n    exclusive: 1\n'), {})).toEqual([
        'accounts.yaml:12:16: error: "buckets.shared.exclusive" must be true or false, not a number (1)',
      ]);
    });

    test.each([
      ['40', 'x'.repeat(40), 'x'.repeat(40)],
      ['41', 'x'.repeat(41), `${'x'.repeat(37)}...`],
    ])('GIVEN a string of %s characters where a number belongs WHEN validated THEN it is shown cut to 40 characters', (_length, value, shown) => {
      expect(problems(ACCOUNTS, { a: `${app('a')}maxSessionDuration: ${value}\n` })).toEqual([
        `apps/a.yaml:11:21: error: "maxSessionDuration" must be a number, not a string ("${shown}")`,
      ]);
    });

    test('GIVEN a field in a bucket whose name has dots WHEN validated THEN the name is written as ["…"] in the field path', () => {
      expect(problems(accountsWith('  shared:\n    account: data', '  my.bucket:\n    account: 5'), {})).toEqual([
        'accounts.yaml:11:14: error: "buckets[\"my.bucket\"].account" must be a string, but YAML reads the unquoted 5 as a number; quote it: "5"',
      ]);
    });
  });

  describe('choices', () => {
    const withExistingPolicy = (value: string) => accountsWith('    account: data\n', `    account: data\n    existingPolicy:${value}\n`);

    test.each([
      ['a number', ' 5', 'accounts.yaml:12:21: error: "buckets.shared.existingPolicy" has unknown value a number (5); use one of: adopt, replace'],
      ['nothing', '', 'accounts.yaml:12:20: error: "buckets.shared.existingPolicy" has unknown value empty; use one of: adopt, replace'],
      ['a list', ' [adopt]', 'accounts.yaml:12:21: error: "buckets.shared.existingPolicy" has unknown value a list; use one of: adopt, replace'],
    ])('GIVEN existingPolicy set to %s WHEN validated THEN what was found is named, with no suggestion, and the choices listed', (_label, value, message) => {
      expect(problems(withExistingPolicy(value), {})).toEqual([message]);
    });
  });

  describe('account ids', () => {
    test('GIVEN an unquoted account id WHEN validated THEN YAML\'s number reading is explained and quoting asked for', () => {
      expect(problems(accountsWith('"111111111111"', '111111111111'), {})).toEqual([
        'accounts.yaml:3:9: error: "accounts.data.id" must be a string, but YAML reads the unquoted 111111111111 as a number; quote it: "111111111111"',
      ]);
    });

    test('GIVEN an unquoted account id with a leading zero WHEN validated THEN the lost digit is shown', () => {
      expect(problems(accountsWith('"111111111111"', '012345678901'), {})).toEqual([
        'accounts.yaml:3:9: error: "accounts.data.id" must be a string, but YAML reads the unquoted 012345678901 as the number 12345678901; quote it: "012345678901"',
      ]);
    });

    test('GIVEN an account id of 11 digits WHEN validated THEN 12 digits are asked for', () => {
      expect(problems(accountsWith('"111111111111"', '"11111111111"'), {})).toEqual([
        'accounts.yaml:3:9: error: "accounts.data.id" must be 12 digits, quoted, e.g. "111111111111" (found "11111111111")',
      ]);
    });

    test('GIVEN an outside consumer accountId unquoted WHEN validated THEN quoting is asked for', () => {
      expect(problems(ACCOUNTS, appWith('  account: swarm', '  accountId: 999999999999'))).toEqual([
        'apps/a.yaml:4:14: error: "consumer.accountId" must be a string, but YAML reads the unquoted 999999999999 as a number; quote it: "999999999999"',
      ]);
    });
  });

  describe('field formats', () => {
    test('GIVEN an app id with capitals WHEN validated THEN the id format is stated', () => {
      expect(problems(ACCOUNTS, appWith('id: a', 'id: My_App'))).toEqual([
        'apps/a.yaml:1:5: error: "id" must match [a-z0-9][a-z0-9-]*, e.g. myapp-123 (found "My_App")',
      ]);
    });

    test('GIVEN an account alias with capitals WHEN validated THEN the key is located and the rule given', () => {
      expect(problems(accountsWith('  swarm:', '  Swarm:'), {})).toEqual([
        'accounts.yaml:6:3: error: "accounts" key "Swarm" must match [a-z][a-z0-9-]*: it names the Terraform workspace',
      ]);
    });

    test('GIVEN a misspelt permission WHEN validated THEN the closest permission is suggested', () => {
      expect(problems(ACCOUNTS, appWith('[read, write]', '[read, wirte]'))).toEqual([
        'apps/a.yaml:10:25: error: "access[0].permissions[1]" has unknown value "wirte" (did you mean "write"?); use one of: read, write, delete, list',
      ]);
    });

    test('GIVEN an empty permission list WHEN validated THEN at least one permission is asked for', () => {
      expect(problems(ACCOUNTS, appWith('[read, write]', '[]'))).toEqual([
        'apps/a.yaml:10:18: error: "access[0].permissions" must list at least one of read, write, delete, list',
      ]);
    });

    test.each([
      ['3599', 'apps/a.yaml:11:21: error: "maxSessionDuration" must be 3600 to 43200 seconds (1 to 12 hours), the range IAM accepts (found "3599")'],
      ['43201', 'apps/a.yaml:11:21: error: "maxSessionDuration" must be 3600 to 43200 seconds (1 to 12 hours), the range IAM accepts (found "43201")'],
    ])('GIVEN maxSessionDuration %s WHEN validated THEN the IAM range is stated', (value, message) => {
      expect(problems(ACCOUNTS, { a: `${app('a')}maxSessionDuration: ${value}\n` })).toEqual([message]);
    });

    test('GIVEN a fractional maxSessionDuration WHEN validated THEN a whole number is asked for', () => {
      expect(problems(ACCOUNTS, { a: `${app('a')}maxSessionDuration: 3600.5\n` })).toEqual([
        'apps/a.yaml:11:21: error: "maxSessionDuration" must be a whole number, not 3600.5',
      ]);
    });

    test.each([
      ['999', 'accounts.yaml:5:16: error: "accounts.data.roleQuota" must be at least the default quota, 1000 (found "999")'],
      ['6000', 'accounts.yaml:5:16: error: "accounts.data.roleQuota" must be at most 5000, the highest "Roles per account" quota IAM grants (found "6000")'],
    ])('GIVEN roleQuota %s WHEN validated THEN the range IAM grants is stated', (value, message) => {
      expect(problems(accountsWith('    region: eu-central-1\n', `    region: eu-central-1\n    roleQuota: ${value}\n`), {})).toEqual([message]);
    });

    test('GIVEN a backend of unknown kind WHEN validated THEN the closest kind is suggested', () => {
      expect(problems(accountsWith('    region: eu-central-1\n', '    region: eu-central-1\n    backend: { s4: { bucket: b } }\n'), {})).toEqual([
        'accounts.yaml:5:16: error: unknown field "s4" (did you mean "s3"?)',
      ]);
    });

    test('GIVEN a backend of a kind keyless does not write WHEN validated THEN one line names it and the kinds there are, not also a missing "s3"', () => {
      expect(problems(accountsWith('    region: eu-central-1\n', '    region: eu-central-1\n    backend: { gcs: { bucket: b } }\n'), {})).toEqual([
        'accounts.yaml:5:16: error: unknown field "gcs"; remove it or use one of: s3, cloud',
      ]);
    });

    test('GIVEN an s3 backend with a stray field WHEN validated THEN only the stray field is reported', () => {
      expect(problems(accountsWith('    region: eu-central-1\n', '    region: eu-central-1\n    backend: { s3: { bucket: b, key: k, region: eu-central-1 }, gcs: {} }\n'), {})).toEqual([
        'accounts.yaml:5:65: error: unknown field "gcs"; remove it or use one of: s3, cloud',
      ]);
    });

    test.each(['3600', '43200'])('GIVEN maxSessionDuration %s at the edge of the range WHEN validated THEN it is accepted', (value) => {
      // An IAM user consumer: a role consumer is capped at 3600 by role chaining (sessionDurationChaining).
      const userApp = app('a').replace('principal: role/node', 'principal: user/batch');
      expect(problems(ACCOUNTS, { a: `${userApp}maxSessionDuration: ${value}\n` })).toEqual([]);
    });

    test.each([
      ['with spaces', 'a b c d e f g h i j', 'apps/a.yaml:6:13: error: "externalId" must be 2 to 1224 characters of letters, digits and _+=,.@:/- (found "a b c d e f g h i j")'],
      ['of 1 character', '"x"', 'apps/a.yaml:6:13: error: "externalId" must be 2 to 1224 characters of letters, digits and _+=,.@:/- (found "x")'],
      ['of 40 characters with a space', `a ${'x'.repeat(38)}`, `apps/a.yaml:6:13: error: "externalId" must be 2 to 1224 characters of letters, digits and _+=,.@:/- (found "a ${'x'.repeat(38)}")`],
      ['of 41 characters with a space', `a ${'x'.repeat(39)}`, 'apps/a.yaml:6:13: error: "externalId" must be 2 to 1224 characters of letters, digits and _+=,.@:/- (found "a xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx...")'],
      ['of 1225 characters', 'x'.repeat(1225), 'apps/a.yaml:6:13: error: "externalId" must be 2 to 1224 characters of letters, digits and _+=,.@:/- (found "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx...")'],
    ])('GIVEN externalId %s WHEN validated THEN the characters and length IAM accepts are stated', (_label, value, message) => {
      expect(problems(ACCOUNTS, appWith('externalId: a-0123456789abcdef', `externalId: ${value}`))).toEqual([message]);
    });

    test('GIVEN externalId of 1224 allowed characters WHEN validated THEN it is accepted', () => {
      const longest = `${'aZ0_+=,.@:/-'.repeat(102)}`;
      expect(longest).toHaveLength(1224);
      expect(problems(ACCOUNTS, appWith('externalId: a-0123456789abcdef', `externalId: "${longest}"`))).toEqual([]);
    });

    test.each([
      ['of 1 character', 'a', 'apps/a.yaml:11:17: error: "sourceIdentity" must be 2 to 64 characters (found "a")'],
      ['of 65 characters', 'x'.repeat(65), 'apps/a.yaml:11:17: error: "sourceIdentity" must be 2 to 64 characters, the longest SourceIdentity AssumeRole accepts (found "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx...")'],
      ['with a space and a slash', '"team a/*"', 'apps/a.yaml:11:17: error: "sourceIdentity" must use only letters, digits, _+=,.@- and the wildcards * and ? (found "team a/*")'],
    ])('GIVEN sourceIdentity %s WHEN validated THEN the SourceIdentity limits are stated', (_label, value, message) => {
      expect(problems(ACCOUNTS, { a: `${app('a')}sourceIdentity: ${value}\n` })).toEqual([message]);
    });

    test('GIVEN a sourceIdentity pattern with both wildcards WHEN validated THEN it is accepted', () => {
      expect(problems(ACCOUNTS, { a: `${app('a')}sourceIdentity: a-prod-?-*\n` })).toEqual([]);
    });

    test('GIVEN a prefix with a wildcard WHEN validated THEN widening the grant is the stated cause', () => {
      expect(problems(ACCOUNTS, appWith('prefix: a/', 'prefix: a*'))).toEqual([
        'apps/a.yaml:9:13: error: "access[0].prefix" must use only letters, digits and !_.\'()/-: "*", "?" and "$" would act as IAM wildcards or variables and widen the grant (found "a*")',
      ]);
    });

    test('GIVEN a secret ARN with a wildcard WHEN validated THEN wildcards are refused', () => {
      const secret = 'arn:aws:secretsmanager:eu-central-1:111111111111:secret:*';
      expect(problems(ACCOUNTS, { a: `${app('a')}secrets: ["${secret}"]\n` })).toEqual([
        'apps/a.yaml:11:11: error: "secrets[0]" must be a Secrets Manager secret ARN without wildcards (found "arn:aws:secretsmanager:eu-central-1:1...")',
      ]);
    });
  });

  describe('breakGlass', () => {
    const withBreakGlass = (arn: string) => accountsWith(
      '    deployRole: arn:aws:iam::111111111111:role/terraform\n',
      `    deployRole: arn:aws:iam::111111111111:role/terraform\n    breakGlass:\n      - "${arn}"\n`,
    );

    test.each([
      'arn:aws:iam::111111111111:role/platform-admin',
      'arn:aws:iam::111111111111:role/platform-admin-*',
      'arn:aws:iam::111111111111:user/ops/admin-?',
      'arn:aws:iam::111111111111:role/aws-reserved/sso.amazonaws.com/eu-central-1/AWSReservedSSO_Admin_*',
      'arn:aws:iam::111111111111:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_Admin_0123456789abcdef',
    ])('GIVEN breakGlass %s WHEN validated THEN it is accepted (compliance)', (arn) => {
      expect(problems(withBreakGlass(arn), {})).toEqual([]);
    });

    test.each(['*', 'arn:aws:iam::111111111111:*'])('GIVEN breakGlass %s WHEN validated THEN it would admit every principal', (arn) => {
      expect(problems(withBreakGlass(arn), {})).toEqual([
        `accounts.yaml:7:9: error: "accounts.data.breakGlass[0]" would admit every principal and cancel the exclusivity of the account's buckets; list roles or users by ARN, e.g. arn:aws:iam::111111111111:role/platform-admin (found "${arn}")`,
      ]);
    });

    test('GIVEN breakGlass role/* WHEN validated THEN it would admit every role of the account', () => {
      expect(problems(withBreakGlass('arn:aws:iam::111111111111:role/*'), {})).toEqual([
        'accounts.yaml:7:9: error: "accounts.data.breakGlass[0]" would admit every role of account 111111111111 and cancel the exclusivity of the account\'s buckets; name the role, or keep a fixed start before the wildcard, e.g. arn:aws:iam::111111111111:role/platform-admin-* (found "arn:aws:iam::111111111111:role/*")',
      ]);
    });

    test('GIVEN breakGlass user/ops/* WHEN validated THEN it would admit every user under that path', () => {
      expect(problems(withBreakGlass('arn:aws:iam::111111111111:user/ops/*'), {})).toEqual([
        'accounts.yaml:7:9: error: "accounts.data.breakGlass[0]" would admit every user under the path /ops/ and cancel the exclusivity of the account\'s buckets; name the user, or keep a fixed start before the wildcard, e.g. arn:aws:iam::111111111111:user/ops/platform-admin-* (found "arn:aws:iam::111111111111:user/ops/*")',
      ]);
    });

    test('GIVEN a wildcard in the path WHEN validated THEN only the name may hold one', () => {
      expect(problems(withBreakGlass('arn:aws:iam::111111111111:role/*/admin'), {})).toEqual([
        'accounts.yaml:7:9: error: "accounts.data.breakGlass[0]" has a wildcard in the path: in aws:PrincipalArn a "*" also matches "/", so it admits roles under any path; write the path out and use * or ? only in the name, e.g. arn:aws:iam::111111111111:role/ops/admin-* (found "arn:aws:iam::111111111111:role/*/admin")',
      ]);
    });

    test('GIVEN an Identity Center role with a wildcard for the region WHEN validated THEN the region is asked for', () => {
      expect(problems(withBreakGlass('arn:aws:iam::111111111111:role/aws-reserved/sso.amazonaws.com/*/AWSReservedSSO_Admin_*'), {})).toEqual([
        'accounts.yaml:7:9: error: "accounts.data.breakGlass[0]" has a wildcard in the path: in aws:PrincipalArn a "*" also matches "/", so it admits roles under any path; write the path out and use * or ? only in the name, e.g. arn:aws:iam::111111111111:role/aws-reserved/sso.amazonaws.com/<region>/AWSReservedSSO_Admin_* (aws iam list-roles --path-prefix /aws-reserved/sso.amazonaws.com/ shows the path) (found "arn:aws:iam::111111111111:role/aws-re...")',
      ]);
    });

    test.each([
      'arn:aws:iam::111111111111:role/AWSReservedSSO_Admin_0123456789abcdef',
      'arn:aws:iam::111111111111:role/AWSReservedSSO_Admin_*',
    ])('GIVEN the Identity Center role %s without its path WHEN validated THEN the real ARN is spelled out', (arn) => {
      expect(problems(withBreakGlass(arn), {})).toEqual([
        'accounts.yaml:7:9: error: "accounts.data.breakGlass[0]" names an IAM Identity Center role without its path, so it never matches: aws:PrincipalArn holds the role ARN with path, arn:aws:iam::111111111111:role/aws-reserved/sso.amazonaws.com/<region>/AWSReservedSSO_…; write arn:aws:iam::111111111111:role/aws-reserved/sso.amazonaws.com/<region>/AWSReservedSSO_Admin_* with the region of your Identity Center (some us-east-1 instances have no region segment: aws iam list-roles --path-prefix /aws-reserved/sso.amazonaws.com/ shows the path), the * covering the suffix that changes when the permission set is reassigned (found "arn:aws:iam::111111111111:role/AWSRes...")',
      ]);
    });
  });

  describe('partitions', () => {
    const PARTITION = 'but only the aws partition is supported: keyless writes arn:aws: ARNs only; use an arn:aws: ARN';

    test.each([
      ['deployRole', accountsWith('arn:aws:iam::111111111111:role/terraform', 'arn:aws-cn:iam::111111111111:role/terraform'), {},
        `accounts.yaml:5:17: error: "accounts.data.deployRole" is in partition "aws-cn", ${PARTITION} (found "arn:aws-cn:iam::111111111111:role/ter...")`],
      ['breakGlass', accountsWith('    region: eu-central-1\n', '    region: eu-central-1\n    breakGlass: [arn:aws-us-gov:iam::111111111111:role/admin]\n'), {},
        `accounts.yaml:5:18: error: "accounts.data.breakGlass[0]" is in partition "aws-us-gov", ${PARTITION} (found "arn:aws-us-gov:iam::111111111111:role...")`],
      ['kmsKey', accountsWith('    account: data\n', '    account: data\n    kmsKey: arn:aws-us-gov:kms:us-gov-west-1:111111111111:key/abc\n'), {},
        `accounts.yaml:12:13: error: "buckets.shared.kmsKey" is in partition "aws-us-gov", ${PARTITION} (found "arn:aws-us-gov:kms:us-gov-west-1:1111...")`],
      ['secrets', ACCOUNTS, { a: `${app('a')}secrets: [arn:aws-cn:secretsmanager:cn-north-1:111111111111:secret:x-AbCdEf]\n` },
        `apps/a.yaml:11:11: error: "secrets[0]" is in partition "aws-cn", ${PARTITION} (found "arn:aws-cn:secretsmanager:cn-north-1:...")`],
      ['consumer.principal', ACCOUNTS, appWith('role/node', 'arn:aws-cn:iam::222222222222:role/node'),
        `apps/a.yaml:5:14: error: "consumer.principal" is in partition "aws-cn", ${PARTITION} (found "arn:aws-cn:iam::222222222222:role/node")`],
    ])('GIVEN %s of another partition WHEN validated THEN only the aws partition is supported', (_field, accounts, apps, message) => {
      expect(problems(accounts, apps)).toEqual([message]);
    });
  });

  describe('secrets', () => {
    test('GIVEN a full secret ARN WHEN validated THEN it is accepted (compliance)', () => {
      expect(problems(ACCOUNTS, { a: `${app('a')}secrets: [arn:aws:secretsmanager:eu-central-1:111111111111:secret:vendor/api-key-AbCdEf]\n` })).toEqual([]);
    });

    test('GIVEN a secret ARN without the 6-character suffix WHEN validated THEN the full ARN is asked for', () => {
      expect(problems(ACCOUNTS, { a: `${app('a')}secrets: [arn:aws:secretsmanager:eu-central-1:111111111111:secret:vendor/api-key]\n` })).toEqual([
        'apps/a.yaml:11:11: error: "secrets[0]" must end with the 6 characters Secrets Manager appends to the name (e.g. secret:vendor/api-key-AbCdEf): an ARN without them never matches the secret; copy the full ARN from the console or from aws secretsmanager describe-secret --secret-id NAME (found "arn:aws:secretsmanager:eu-central-1:1...")',
      ]);
    });
  });

  describe('network', () => {
    const withNetwork = (network: string) => accountsWith('    account: data\n', `    account: data\n    network: ${network}\n`);

    test('GIVEN a network with one VPC endpoint WHEN validated THEN it is accepted (compliance)', () => {
      expect(problems(withNetwork('{ sourceVpce: [vpce-0abc] }'), {})).toEqual([]);
    });

    test.each(['{}', '{ sourceVpc: [] }', '{ sourceVpc: [], sourceVpce: [], sourceIp: [] }'])(
      'GIVEN network %s WHEN validated THEN it is refused: no network Deny would be written', (network) => {
        expect(problems(withNetwork(network), {})).toEqual([
          'accounts.yaml:12:14: error: "buckets.shared.network" lists no sourceVpc, sourceVpce or sourceIp, so no network Deny would be written and app sessions could use the bucket from anywhere; list at least one VPC, VPC endpoint or public CIDR, or remove network',
        ]);
      },
    );

    test('GIVEN a misspelt list in network WHEN validated THEN only the unknown field is reported', () => {
      expect(problems(withNetwork('{ sourceVPC: [vpc-0abc] }'), {})).toEqual([
        'accounts.yaml:12:16: error: unknown field "sourceVPC" (did you mean "sourceVpc"?)',
      ]);
    });
  });

  describe('prefix', () => {
    test('GIVEN a prefix with a leading slash WHEN validated THEN it is accepted (compliance)', () => {
      expect(problems(ACCOUNTS, appWith('prefix: a/', 'prefix: /a'))).toEqual([]);
    });

    test.each(['""', '"/"'])('GIVEN prefix %s WHEN validated THEN a prefix of the app\'s own is asked for', (prefix) => {
      expect(problems(ACCOUNTS, appWith('prefix: a/', `prefix: ${prefix}`))).toEqual([
        `apps/a.yaml:9:13: error: "access[0].prefix" must not be "" or "/" (the whole bucket): each app owns a prefix under which its objects live, e.g. "myapp-123/"; leave prefix out for the default "<id>/" (found ${prefix})`,
      ]);
    });
  });

  describe('shapes the registry files do not have yet', () => {
    /** checkSchema's diagnostics for `text` (file x.yaml) against `schema`. */
    const check = (schema: z.ZodType, text: string) =>
      checkSchema(YamlSource.parse('x.yaml', text), schema, toJsonSchema(schema)).diagnostics.map(formatDiagnostic);

    test('GIVEN a bad key in a record below the top WHEN checked THEN the record is named by its whole path', () => {
      const schema = z.strictObject({ app: z.strictObject({ tags: z.record(z.string().regex(/^[a-z]+$/, { error: 'must be lower case' }), z.string()) }) });
      expect(check(schema, 'app:\n  tags:\n    Team: a\n')).toEqual(['x.yaml:3:5: error: "app.tags" key "Team" must be lower case']);
    });

    test('GIVEN a key in a mapping that takes no fields WHEN checked THEN removing it is the only fix offered', () => {
      const schema = z.strictObject({ reserved: z.strictObject({}) });
      expect(check(schema, 'reserved:\n  x: 1\n')).toEqual(['x.yaml:2:3: error: unknown field "x"; remove it']);
    });
  });
});
