import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { onboard } from '../../../src/tools/onboard/index';
import { UserError } from '../../../src/tools/user-error';
import { writeRegistry } from '../../helpers';
import { ACCOUNTS_YAML, ARCHIVER_SECRET, archiverYaml, UPLOADER_SECRET, uploaderYaml } from '../fixtures';
import { cliOptions, codeBlocks, fromTemporaryCredentialsParams, pythonAssumeRoleArgs, runShellSnippet, typescriptSyntaxErrors } from './snippets';

const PROJECT = join(__dirname, '../../..');
const UPLOADER_ROLE = 'arn:aws:iam::111111111111:role/keyless/keyless-uploader';
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

  it('GIVEN the Python snippet WHEN parsed by Python THEN assume_role gets the ARN, ExternalId, AppId tag, SourceIdentity and duration', () => {
    const [python] = codeBlocks(md, 'python');

    expect(python).toContain('Tags=[{"Key": "AppId", "Value": "uploader"}]');
    expect(pythonAssumeRoleArgs(python)).toEqual({
      RoleArn: UPLOADER_ROLE,
      RoleSessionName: '<expr>f\'uploader-{socket.gethostname()}\'[:64]',
      ExternalId: UPLOADER_SECRET,
      Tags: [{ Key: 'AppId', Value: 'uploader' }],
      SourceIdentity: 'uploader-prod',
      DurationSeconds: 3600,
    });
    expect(python).toContain('RefreshableCredentials.create_from_metadata(');
    expect(python).toContain('refresh_using=assume_app_role');
  });

  it('GIVEN the TypeScript snippet WHEN parsed by TypeScript THEN fromTemporaryCredentials gets the same parameters', () => {
    const [typescript] = codeBlocks(md, 'typescript');

    expect(typescriptSyntaxErrors(typescript)).toEqual([]);
    expect(fromTemporaryCredentialsParams(typescript)).toEqual({
      RoleArn: UPLOADER_ROLE,
      RoleSessionName: '<expr>`uploader-${hostname()}`.slice(0, 64)',
      ExternalId: UPLOADER_SECRET,
      Tags: [{ Key: 'AppId', Value: 'uploader' }],
      SourceIdentity: 'uploader-prod',
      DurationSeconds: 3600,
    });
    expect(typescript).toContain('import { GetObjectCommand, PutObjectCommand, S3Client } from "@aws-sdk/client-s3";');
  });

  it('GIVEN the CLI snippet WHEN run by bash with a recording aws THEN assume-role gets the tag and SourceIdentity and the credentials are exported', () => {
    const [sh] = codeBlocks(md, 'sh');

    const { calls, exported } = runShellSnippet(sh);

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
    expect(md).toContain(`a secret held in the environment variable \`${ENV_VAR}\``);
    expect(pythonAssumeRoleArgs(codeBlocks(md, 'python')[0]).ExternalId).toBe(`<expr>os.environ['${ENV_VAR}']`);
    expect(fromTemporaryCredentialsParams(codeBlocks(md, 'typescript')[0]).ExternalId).toBe(`<expr>process.env["${ENV_VAR}"]`);
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
    const run = spawnSync(join(PROJECT, 'node_modules/.bin/tsx'), [join(PROJECT, 'src/tools/onboard/index.ts'), 'nope'], {
      cwd: ROOT,
      encoding: 'utf8',
    });

    expect(run.status).toBe(1);
    expect(run.stderr.trim()).toBe('error: unknown app "nope"; known apps: archiver, uploader');
    expect(run.stdout).toBe('');
  });
});
