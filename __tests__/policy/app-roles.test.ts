import { appRoles } from '../../src/policy/app-roles';
import { PolicyDocument } from '../../src/policy/document';
import { permissionsPolicy } from '../../src/policy/permissions-policy';
import { formatDiagnostic } from '../../src/registry/diagnostics';
import { validateRegistry } from '../../src/registry/validate';
import { ACCOUNTS, app } from '../registry/fixtures';

/** The permissions policy of each app role of a registry given as texts, by `<app>@<account>`. */
function policiesOf(accounts: string, apps: Record<string, string>): Record<string, PolicyDocument> {
  const files = { accounts: { file: 'accounts.yaml', text: accounts }, apps: Object.entries(apps).map(([n, text]) => ({ file: `apps/${n}.yaml`, text })), diagnostics: [] };
  const { registry, diagnostics } = validateRegistry('/registry', files, {});
  if (!registry) throw new Error(diagnostics.map(formatDiagnostic).join('\n'));
  return Object.fromEntries(appRoles(registry).map((r) => [`${r.app.id}@${r.account.alias}`, permissionsPolicy(r)]));
}

/** The statements of `doc` that grant KMS actions. */
const kmsStatements = (doc: PolicyDocument) => doc.Statement.filter((s) => JSON.stringify(s.Action).includes('kms:'));

const secret = (account: string, name: string) => `arn:aws:secretsmanager:eu-central-1:${account}:secret:${name}`;
const key = (account: string, id: string) => `arn:aws:kms:eu-central-1:${account}:key/${id}`;

describe('appRoles', () => {
  describe('secrets', () => {
    const [one, two, three] = [secret('111111111111', 'one-AbCdEf'), secret('111111111111', 'two-GhIjKl'), secret('222222222222', 'three-MnOpQr')];
    const [dataKey, swarmKey] = [key('111111111111', 'data-key'), key('222222222222', 'swarm-key')];
    // Built in each test, not while the file loads: StrykerJS credits load-time code to no test.
    let policies: ReturnType<typeof policiesOf>;
    beforeEach(() => {
      policies = policiesOf(ACCOUNTS, {
        a: `${app('a')}secrets:\n` +
          `  - { arn: ${one}, kmsKey: ${dataKey} }\n` +
          `  - { arn: ${two}, kmsKey: ${dataKey} }\n` +
          `  - { arn: ${three}, kmsKey: ${swarmKey} }\n`,
      });
    });

    test('GIVEN secrets in two accounts WHEN built THEN the role of each account reads that account\'s secrets and no other', () => {
      expect(Object.keys(policies)).toEqual(['a@data', 'a@swarm']);
      const reads = (doc: PolicyDocument) => doc.Statement.filter((s) => s.Sid === 'ReadDeclaredSecrets').flatMap((s) => [s.Resource].flat());
      expect(reads(policies['a@data'])).toEqual([one, two]);
      expect(reads(policies['a@swarm'])).toEqual([three]);
    });

    test('GIVEN two secrets of one customer managed key and one of another account\'s key WHEN built THEN each role may decrypt with its account\'s key only, for exactly the secrets it encrypts', () => {
      const grant = (k: string, secrets: string[]) => ({
        Sid: 'SecretKeyViaSecretsManagerOnly1',
        Effect: 'Allow',
        Action: 'kms:Decrypt',
        Resource: k,
        Condition: { StringEquals: { 'kms:ViaService': 'secretsmanager.eu-central-1.amazonaws.com', 'kms:EncryptionContext:SecretARN': secrets } },
      });
      expect(kmsStatements(policies['a@data'])).toEqual([grant(dataKey, [one, two])]);
      expect(kmsStatements(policies['a@swarm'])).toEqual([grant(swarmKey, [three])]);
    });
  });

  describe('bucket keys', () => {
    const [lakeKey, listKey] = [key('111111111111', 'lake-key'), key('111111111111', 'list-key')];
    const accounts = `${ACCOUNTS}  drop:\n    account: data\n    kmsKey: ${lakeKey}\n  lake:\n    account: data\n    kmsKey: ${lakeKey}\n  listed:\n    account: data\n    kmsKey: ${listKey}\n`;
    const access = (bucket: string, permissions: string) => `  - bucket: ${bucket}\n    prefix: a/\n    permissions: [${permissions}]\n`;
    let policies: ReturnType<typeof policiesOf>;
    beforeEach(() => {
      policies = policiesOf(accounts, {
        a: app('a').replace(/access:\n[\s\S]*$/, `access:\n${access('drop', 'write')}${access('lake', 'read, delete')}${access('listed', 'list')}`),
      });
    });

    test('GIVEN write on one bucket, read and delete on another of the same key WHEN built THEN one statement grants that key what both need, via S3 only', () => {
      expect(kmsStatements(policies['a@data'])).toEqual([{
        Sid: 'BucketKeyViaS3Only1',
        Effect: 'Allow',
        Action: ['kms:Decrypt', 'kms:GenerateDataKey'],
        Resource: lakeKey,
        Condition: { StringEquals: { 'kms:ViaService': 's3.eu-central-1.amazonaws.com' } },
      }]);
    });

    test('GIVEN list only on a bucket with a key WHEN built THEN the role may list it but gets nothing of its key: listing decrypts nothing', () => {
      const doc = policies['a@data'];
      expect(doc.Statement.filter((s) => s.Resource === 'arn:aws:s3:::listed').map((s) => s.Action)).toEqual(['s3:ListBucket']);
      expect(JSON.stringify(doc)).not.toContain(listKey);
    });
  });
});
