import { fixture, statement, UNSEEN_ENV, BUNDLED_ROOT } from '../helpers';
import { loadRegistry } from '../../src/registry/load';
import { appRoles } from '../../src/policy/app-roles';
import { permissionsPolicy } from '../../src/policy/permissions-policy';

const bundled = appRoles(loadRegistry(BUNDLED_ROOT));
const unseen = appRoles(loadRegistry(fixture('unseen'), UNSEEN_ENV));
const role = (roles: typeof bundled, app: string, account: string) => roles.find((r) => r.app.id === app && r.account.alias === account)!;

describe('permissionsPolicy', () => {
  test('GIVEN read, write and list on a prefix WHEN built THEN objects are allowed under the prefix only and listing only with s3:prefix under it', () => {
    const doc = permissionsPolicy(role(bundled, 'swarm-uploader', 'data'));
    expect(statement(doc, 'ObjectsUnderPrefix1')).toEqual({
      Sid: 'ObjectsUnderPrefix1', Effect: 'Allow',
      Action: ['s3:GetObject', 's3:PutObject', 's3:AbortMultipartUpload', 's3:ListMultipartUploadParts'],
      Resource: 'arn:aws:s3:::assumed-with-external-id/uploads/*',
    });
    expect(statement(doc, 'ListUnderPrefix1')).toEqual({
      Sid: 'ListUnderPrefix1', Effect: 'Allow', Action: 's3:ListBucket', Resource: 'arn:aws:s3:::assumed-with-external-id',
      Condition: { StringLike: { 's3:prefix': 'uploads/*' } },
    });
    expect(doc.Statement).toHaveLength(2);
  });

  test('GIVEN a prefix shared with the app (read, list) WHEN built THEN its role gets exactly those actions on the shared prefix, list held to s3:prefix', () => {
    const doc = permissionsPolicy(role(bundled, 'analytics-etl', 'data'));
    expect(statement(doc, 'ObjectsUnderPrefix1')).toEqual({
      Sid: 'ObjectsUnderPrefix1', Effect: 'Allow', Action: ['s3:GetObject'], Resource: 'arn:aws:s3:::acme-data-lake/events/*',
    });
    expect(statement(doc, 'ListUnderPrefix1')).toEqual({
      Sid: 'ListUnderPrefix1', Effect: 'Allow', Action: 's3:ListBucket', Resource: 'arn:aws:s3:::acme-data-lake',
      Condition: { StringLike: { 's3:prefix': 'events/*' } },
    });
    // Nothing of the owner's other prefix (rejected/) nor of its write permission reaches the reader.
    expect(JSON.stringify(doc)).not.toContain('rejected/');
    expect(doc.Statement.filter((s) => JSON.stringify(s).includes('events/')).flatMap((s) => [s.Action].flat())).toEqual(['s3:GetObject', 's3:ListBucket']);
  });

  test('GIVEN list only on a prefix WHEN built THEN the role may list under the prefix and gets no object statement', () => {
    const uploader = role(bundled, 'swarm-uploader', 'data');
    const doc = permissionsPolicy({ ...uploader, access: [{ ...uploader.access[0], permissions: ['list'] }] });
    expect(doc.Statement).toEqual([{
      Sid: 'ListUnderPrefix1', Effect: 'Allow', Action: 's3:ListBucket', Resource: 'arn:aws:s3:::assumed-with-external-id',
      Condition: { StringLike: { 's3:prefix': 'uploads/*' } },
    }]);
  });

  test('GIVEN write only WHEN built THEN the role may put objects and clean up its multipart uploads, and nothing else', () => {
    const doc = permissionsPolicy(role(bundled, 'partner-ingest', 'data'));
    expect(doc.Statement.flatMap((s) => [s.Action].flat())).toEqual(['s3:PutObject', 's3:AbortMultipartUpload', 's3:ListMultipartUploadParts']);
    expect(doc.Statement[0].Resource).toBe('arn:aws:s3:::acme-partner-drop/partner-ingest/*');
  });

  test('GIVEN read and write on an SSE-KMS bucket WHEN built THEN the key may decrypt and generate data keys, only through S3 in the key region', () => {
    const kms = statement(permissionsPolicy(role(bundled, 'finance-export', 'data')), 'BucketKeyViaS3Only1');
    expect(kms.Action).toEqual(['kms:Decrypt', 'kms:GenerateDataKey']);
    expect(kms.Resource).toBe('arn:aws:kms:eu-central-1:111111111111:key/0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b');
    expect(kms.Condition).toEqual({ StringEquals: { 'kms:ViaService': 's3.eu-central-1.amazonaws.com' } });
  });

  test('GIVEN read only on an SSE-KMS bucket WHEN built THEN the key may only decrypt', () => {
    const kms = statement(permissionsPolicy(role(unseen, 'ingester', 'archive')), 'BucketKeyViaS3Only1');
    expect(kms.Action).toEqual(['kms:Decrypt']);
    expect(kms.Condition).toEqual({ StringEquals: { 'kms:ViaService': 's3.eu-west-1.amazonaws.com' } });
  });

  test('GIVEN secrets WHEN built THEN they are readable and nothing else of Secrets Manager is granted', () => {
    const secrets = statement(permissionsPolicy(role(bundled, 'vendor-sync', 'data')), 'ReadDeclaredSecrets');
    expect(secrets.Action).toEqual(['secretsmanager:GetSecretValue', 'secretsmanager:DescribeSecret']);
    expect(secrets.Resource).toEqual([
      'arn:aws:secretsmanager:eu-central-1:111111111111:secret:vendor/api-key-AbCdEf',
      'arn:aws:secretsmanager:eu-central-1:111111111111:secret:vendor/webhook-token-GhIjKl',
    ]);
  });

  test('GIVEN a secret with a customer managed key WHEN built THEN the key decrypts only via Secrets Manager of its region, for that secret', () => {
    const doc = permissionsPolicy(role(bundled, 'vendor-sync', 'data'));

    expect(statement(doc, 'SecretKeyViaSecretsManagerOnly1')).toEqual({
      Sid: 'SecretKeyViaSecretsManagerOnly1',
      Effect: 'Allow',
      Action: 'kms:Decrypt',
      Resource: 'arn:aws:kms:eu-central-1:111111111111:key/6a7b8c9d-0e1f-4a2b-8c3d-4e5f6a7b8c9d',
      Condition: { StringEquals: {
        'kms:ViaService': 'secretsmanager.eu-central-1.amazonaws.com',
        'kms:EncryptionContext:SecretARN': ['arn:aws:secretsmanager:eu-central-1:111111111111:secret:vendor/webhook-token-GhIjKl'],
      } },
    });
    expect(doc.Statement.filter((s) => JSON.stringify(s.Action).includes('kms:'))).toHaveLength(1);
  });

  test('GIVEN an app with buckets in two accounts WHEN placed THEN it gets one role per account, each granting only that account\'s bucket', () => {
    const lake = permissionsPolicy(role(unseen, 'ingester', 'lake'));
    const archive = permissionsPolicy(role(unseen, 'ingester', 'archive'));
    expect(JSON.stringify(lake)).toContain('lake-raw');
    expect(JSON.stringify(lake)).not.toContain('archive-cold');
    expect(archive.Statement[0]).toEqual(
      { Sid: 'ObjectsUnderPrefix1', Effect: 'Allow', Action: ['s3:GetObject'], Resource: 'arn:aws:s3:::archive-cold/ingest/*' },
    );
    expect(JSON.stringify(archive)).not.toContain('lake-raw');
  });

  test('GIVEN any role WHEN built THEN no statement grants a wildcard action or resource', () => {
    for (const r of [...bundled, ...unseen]) {
      for (const s of permissionsPolicy(r).Statement) {
        expect([s.Action ?? []].flat().some((a) => a.includes('*'))).toBe(false);
        expect(s.NotAction).toBeUndefined();
        expect([s.Resource].flat().some((res) => res === '*' || res!.endsWith(':::*'))).toBe(false);
      }
    }
  });

  test('GIVEN any role WHEN built THEN every wildcard resource is an object ARN under one of its own non-empty prefixes, never bucket/*', () => {
    for (const r of [...bundled, ...unseen]) {
      const own = r.access.map((a) => `arn:aws:s3:::${a.bucket}/${a.prefix}*`);
      for (const res of permissionsPolicy(r).Statement.flatMap((s) => [s.Resource ?? []].flat())) {
        if (!res.includes('*')) continue;
        expect(res).not.toMatch(/^arn:aws:s3:::[^/]+\/\*$/);
        expect(own).toContain(res);
      }
      for (const a of r.access) expect(a.prefix).toMatch(/^[^*?$]+\/$/);
    }
  });

  test('GIVEN any role that lists WHEN built THEN the listing is bound to its own prefix, never the whole bucket', () => {
    for (const r of [...bundled, ...unseen]) {
      const lists = permissionsPolicy(r).Statement.filter((s) => s.Action === 's3:ListBucket');
      expect(lists.map((s) => s.Condition)).toEqual(
        r.access.filter((a) => a.permissions.includes('list')).map((a) => ({ StringLike: { 's3:prefix': `${a.prefix}*` } })));
    }
  });
});
