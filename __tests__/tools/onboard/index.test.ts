import { join } from 'node:path';
import { onboard } from '../../../src/tools/onboard/index';
import { UserError } from '../../../src/tools/user-error';
import { runTsxSync } from '../../e2e';
import { writeRegistry } from '../../helpers';
import { ACCOUNTS_YAML, ARCHIVER_SECRET, archiverYaml, UPLOADER_SECRET, uploaderYaml } from '../fixtures';
import {
  cliOptions, codeBlocks, fromTemporaryCredentialsParams, mountSecret, pythonAssumeRoleArgs, pythonExternalId, runShellSnippet, typescriptExternalId,
  typescriptSyntaxErrors,
} from './snippets';

const PROJECT = join(__dirname, '../../..');
const UPLOADER_ROLE = 'arn:aws:iam::111111111111:role/keyless/keyless-uploader';
const UPLOADER_SECRET_FILE = '/run/secrets/keyless-uploader-external-id';
const ENV_VAR = 'KEYLESS_TEST_ARCHIVER_EXTERNAL_ID';
const archiverFromEnv = archiverYaml().replace(`externalId: ${ARCHIVER_SECRET}`, `externalId: { env: ${ENV_VAR} }`);
const ROOT = writeRegistry(ACCOUNTS_YAML, { uploader: uploaderYaml(), archiver: archiverFromEnv });

describe('onboard snippets for an app with a literal ExternalId and a SourceIdentity', () => {
  const md = onboard(ROOT, ['uploader']);

  it('GIVEN the app WHEN onboarded THEN the role ARN and its bucket, prefix and permissions are listed', () => {
    expect(md).toContain(`Role ARN: \`${UPLOADER_ROLE}\``);
    expect(md).toContain('| `reports` | `uploads/` | read, write |');
    expect(md).toContain('the session tag `AppId=uploader`');
    expect(md).toContain('a SourceIdentity matching `uploader-*`');
  });

  it('GIVEN a literal ExternalId WHEN onboarded THEN the text names it once, to put in the secret, with a warning, and no snippet holds it', () => {
    expect(md).toContain(`Put this value in the secret mounted at \`${UPLOADER_SECRET_FILE}\`: \`${UPLOADER_SECRET}\``);
    expect(md).toMatch(/> \[!WARNING\]\n> The ExternalId is what tells your app apart[^\n]*\n> value is public\. Keep it out of images, logs and git/);
    expect(md.split(UPLOADER_SECRET)).toHaveLength(2);
    for (const snippet of [...codeBlocks(md, 'python'), ...codeBlocks(md, 'typescript'), ...codeBlocks(md, 'sh')]) {
      expect(snippet).not.toContain(UPLOADER_SECRET);
      expect(snippet.split(UPLOADER_SECRET_FILE)).toHaveLength(2);
    }
  });

  it('GIVEN the Python snippet WHEN parsed by Python THEN assume_role gets the ARN, AppId tag, SourceIdentity and duration, and the ExternalId from the secret file', () => {
    const [python] = codeBlocks(md, 'python');

    expect(python).toContain('Tags=[{"Key": "AppId", "Value": "uploader"}]');
    expect(pythonAssumeRoleArgs(python)).toEqual({
      RoleArn: UPLOADER_ROLE,
      RoleSessionName: '<expr>f\'uploader-{socket.gethostname()}\'[:64]',
      ExternalId: '<expr>Path(EXTERNAL_ID_FILE).read_text(encoding=\'utf-8\').strip()',
      Tags: [{ Key: 'AppId', Value: 'uploader' }],
      SourceIdentity: 'uploader-prod',
      DurationSeconds: 3600,
    });
    expect(pythonExternalId(mountSecret(python, UPLOADER_SECRET_FILE, UPLOADER_SECRET))).toBe(UPLOADER_SECRET);
    expect(python).toContain('RefreshableCredentials.create_from_metadata(');
    expect(python).toContain('refresh_using=assume_app_role');
  });

  it('GIVEN the TypeScript snippet WHEN parsed by TypeScript THEN fromTemporaryCredentials gets the same parameters', () => {
    const [typescript] = codeBlocks(md, 'typescript');

    expect(typescriptSyntaxErrors(typescript)).toEqual([]);
    expect(fromTemporaryCredentialsParams(typescript)).toEqual({
      RoleArn: UPLOADER_ROLE,
      RoleSessionName: '<expr>`uploader-${hostname()}`.slice(0, 64)',
      ExternalId: '<expr>readFileSync(EXTERNAL_ID_FILE, "utf8").trim()',
      Tags: [{ Key: 'AppId', Value: 'uploader' }],
      SourceIdentity: 'uploader-prod',
      DurationSeconds: 3600,
    });
    expect(typescriptExternalId(mountSecret(typescript, UPLOADER_SECRET_FILE, UPLOADER_SECRET))).toBe(UPLOADER_SECRET);
    expect(typescript).toContain('import { readFileSync } from "node:fs";');
    expect(typescript).toContain('import { GetObjectCommand, PutObjectCommand, S3Client } from "@aws-sdk/client-s3";');
  });

  it('GIVEN the CLI snippet WHEN run by bash with a recording aws THEN assume-role gets the secret file\'s ExternalId, the tag and SourceIdentity and the credentials are exported', () => {
    const [sh] = codeBlocks(md, 'sh');

    const { calls, exported } = runShellSnippet(mountSecret(sh, UPLOADER_SECRET_FILE, UPLOADER_SECRET));

    expect(calls[0].slice(0, 2)).toEqual(['sts', 'assume-role']);
    expect(cliOptions(calls[0])).toEqual({
      '--region': 'eu-central-1',
      '--role-arn': UPLOADER_ROLE,
      '--role-session-name': 'uploader-node-1',
      '--external-id': UPLOADER_SECRET,
      '--tags': 'Key=AppId,Value=uploader',
      '--source-identity': 'uploader-prod',
      '--duration-seconds': '3600',
      '--query': 'Credentials.[AccessKeyId,SecretAccessKey,SessionToken]',
      '--output': 'text',
    });
    expect(exported).toBe('AKIAEXAMPLE secret-key session-token');
    expect(calls.slice(1)).toEqual([
      ['s3', 'cp', './example.txt', 's3://reports/uploads/example.txt'],
      ['s3', 'cp', 's3://reports/uploads/example.txt', './example.txt'],
    ]);
    expect(md).toContain('cannot pass session tags');
  });
});

describe('onboard snippets and session length', () => {
  /** DurationSeconds as each of the three snippets of the first role sends it. */
  function durations(md: string): unknown[] {
    return [
      pythonAssumeRoleArgs(codeBlocks(md, 'python')[0]).DurationSeconds,
      fromTemporaryCredentialsParams(codeBlocks(md, 'typescript')[0]).DurationSeconds,
      Number(cliOptions(runShellSnippet(mountSecret(codeBlocks(md, 'sh')[0], UPLOADER_SECRET_FILE, 'x')).calls[0])['--duration-seconds']),
    ];
  }
  const onboardUploader = (principal: string, maxSessionDuration: number) => onboard(
    writeRegistry(ACCOUNTS_YAML, { uploader: `${uploaderYaml().replace('principal: role/node', `principal: ${principal}`)}maxSessionDuration: ${maxSessionDuration}\n` }),
    ['uploader'],
  );
  const CHAINING = /role chaining, and STS refuses longer chained sessions \("The requested DurationSeconds exceeds the\n.*1 hour session limit for roles assumed by role chaining"\), although the role allows 7200 s\./;

  it('GIVEN a role consumer and a 7200 s role WHEN onboarded THEN every snippet asks for 3600 s and says why: role chaining', () => {
    const md = onboardUploader('role/node', 7200);

    expect(durations(md)).toEqual([3600, 3600, 3600]);
    for (const snippet of [...codeBlocks(md, 'python'), ...codeBlocks(md, 'typescript'), ...codeBlocks(md, 'sh')]) {
      expect(snippet).toMatch(CHAINING);
      expect(snippet).toContain('the caller is a role');
    }
    expect(md).toContain('Sessions last up to 3600 seconds (the role allows 7200, but STS caps a session\nassumed with role credentials, role chaining, at one hour)');
    expect(md).toContain('# The session ends after 3600 seconds');
  });

  it('GIVEN an account root consumer and a 7200 s role WHEN onboarded THEN the snippets ask for 3600 s, since its callers are usually roles', () => {
    const md = onboardUploader('root', 7200);

    expect(durations(md)).toEqual([3600, 3600, 3600]);
    expect(codeBlocks(md, 'python')[0]).toContain("# At most 3600 s: the account's identities that call this are usually roles, so this is usually\n");
  });

  it('GIVEN an IAM user consumer and a 7200 s role WHEN onboarded THEN the snippets ask for the full 7200 s, with no chaining note', () => {
    const md = onboardUploader('user/uploader-bot', 7200);

    expect(durations(md)).toEqual([7200, 7200, 7200]);
    expect(md).not.toContain('role chaining');
    expect(md).toContain('Sessions last up to 7200 seconds; the SDK snippets');
  });
});

describe('onboard snippets for an app whose ExternalId is read from the environment', () => {
  const previous = process.env[ENV_VAR];
  afterEach(() => {
    if (previous === undefined) delete process.env[ENV_VAR];
    else process.env[ENV_VAR] = previous;
  });

  it('GIVEN the variable is set here WHEN onboarded THEN every snippet reads the variable and its value is printed nowhere', () => {
    process.env[ENV_VAR] = 'value-that-must-not-leak';

    const md = onboard(ROOT, ['archiver']);

    expect(md).not.toContain('value-that-must-not-leak');
    expect(md).not.toContain(ARCHIVER_SECRET);
    expect(md).not.toContain('Put this value');
    expect(md).not.toContain('/run/secrets/');
    expect(md).toContain(`a secret held in the environment variable \`${ENV_VAR}\``);
    expect(pythonAssumeRoleArgs(codeBlocks(md, 'python')[0]).ExternalId).toBe(`<expr>os.environ['${ENV_VAR}']`);
    expect(pythonExternalId(codeBlocks(md, 'python')[0], { [ENV_VAR]: 'from-the-caller-env' })).toBe('from-the-caller-env');
    expect(fromTemporaryCredentialsParams(codeBlocks(md, 'typescript')[0]).ExternalId).toBe(`<expr>process.env["${ENV_VAR}"]`);
    expect(typescriptExternalId(codeBlocks(md, 'typescript')[0], { [ENV_VAR]: 'from-the-caller-env' })).toBe('from-the-caller-env');
    const { calls } = runShellSnippet(codeBlocks(md, 'sh')[0], { [ENV_VAR]: 'from-the-caller-env' });
    expect(cliOptions(calls[0])['--external-id']).toBe('from-the-caller-env');
  });

  it('GIVEN no SourceIdentity is declared WHEN onboarded THEN no snippet sets one', () => {
    const md = onboard(ROOT, ['archiver']);

    expect(pythonAssumeRoleArgs(codeBlocks(md, 'python')[0])).not.toHaveProperty('SourceIdentity');
    expect(fromTemporaryCredentialsParams(codeBlocks(md, 'typescript')[0])).not.toHaveProperty('SourceIdentity');
    expect(cliOptions(runShellSnippet(codeBlocks(md, 'sh')[0], { [ENV_VAR]: 'x' }).calls[0])).not.toHaveProperty('--source-identity');
  });
});

describe('onboard for an app with buckets in two accounts', () => {
  it('GIVEN two roles WHEN onboarded THEN each role gets its own section and snippets', () => {
    const accounts = `${ACCOUNTS_YAML}  local:\n    account: swarm\n`;
    const app = `${uploaderYaml()}  - bucket: local\n    permissions: [list]\n`;

    const md = onboard(writeRegistry(accounts, { uploader: app }), ['uploader']);

    expect(md).toContain('### Role in account `data` (111111111111, eu-central-1)');
    expect(md).toContain('### Role in account `swarm` (222222222222, eu-central-1)');
    expect(codeBlocks(md, 'python').map((p) => pythonAssumeRoleArgs(p).RoleArn)).toEqual([UPLOADER_ROLE, 'arn:aws:iam::222222222222:role/keyless/keyless-uploader']);
    expect(runShellSnippet(codeBlocks(md, 'sh')[1]).calls.slice(1)).toEqual([['s3', 'ls', 's3://local/uploader/']]);
  });
});

describe('onboard with a wrong app id', () => {
  it('GIVEN an unknown id WHEN onboarded THEN a UserError lists the known ids', () => {
    expect(() => onboard(ROOT, ['nope'])).toThrow(new UserError('unknown app "nope"; known apps: archiver, uploader'));
  });

  it('GIVEN no id or an option WHEN onboarded THEN a UserError shows the usage', () => {
    expect(() => onboard(ROOT, [])).toThrow(/usage: npm run onboard -- <app id>/);
    expect(() => onboard(ROOT, ['--help'])).toThrow(UserError);
  });

  it('GIVEN an unknown id WHEN run as a process THEN it prints the known ids without a stack trace and exits 1', () => {
    const run = runTsxSync(join(PROJECT, 'src/tools/onboard/index.ts'), ['nope'], { cwd: ROOT });

    expect(run.status).toBe(1);
    expect(run.stderr.trim()).toBe('error: unknown app "nope"; known apps: archiver, uploader');
    expect(run.stdout).toBe('');
  });
});

describe('onboard for the reader of a share', () => {
  const etl = 'id: etl\nowner: team-etl\nconsumer: { account: swarm, principal: role/etl }\nexternalId: etl-external-id-0123\n' +
    'access:\n  - { bucket: drop, prefix: events/2026/, from: ingest, permissions: [read] }\n';
  const ingest = 'id: ingest\nowner: team-ingest\nconsumer: { account: swarm, principal: role/ingest }\nexternalId: ingest-external-id-0123\n' +
    'access:\n  - { bucket: drop, prefix: events/, permissions: [write], shareWith: [{ app: etl, permissions: [read] }] }\n';
  const root = writeRegistry(ACCOUNTS_YAML, { etl, ingest });

  it('GIVEN a prefix shared with the app WHEN onboarded THEN the table lists it and a line names its owner, team and file', () => {
    const md = onboard(root, ['etl']);

    expect(md).toContain('| `drop` | `events/2026/` | read |');
    expect(md).toContain('- `s3://drop/events/2026/`: owned by `ingest` (team-ingest, `apps/ingest.yaml`); read\n');
  });

  it('GIVEN the owner WHEN onboarded THEN its page lists whom it offers its prefix to, and nothing as shared with it', () => {
    const md = onboard(root, ['ingest']);

    expect(md).toContain('- `s3://drop/events/`: etl (read)\n');
    expect(md).not.toContain('owned by');
  });
});
