import { LIST_ACTION, OBJECT_ACTIONS, SECRET_KEY_ACTION, SECRET_READ_ACTIONS } from './actions';
import { AppRole, RoleAccess } from './app-roles';
import { policy, PolicyDocument, Statement } from './document';
import { arnRegion, bucketArn } from './naming';

/** What an app session may do: its declared S3 actions under its prefix, its bucket keys via S3, its secrets read-only. */
export function permissionsPolicy(role: AppRole): PolicyDocument {
  return policy(
    ...role.access.flatMap(accessStatements),
    ...kmsStatements(role),
    ...secretKeyStatements(role),
    ...(role.secrets.length
      ? [{ Sid: 'ReadDeclaredSecrets', Effect: 'Allow' as const, Action: [...SECRET_READ_ACTIONS], Resource: [...role.secrets] }]
      : []),
  );
}

function accessStatements(access: RoleAccess, index: number): Statement[] {
  const n = index + 1;
  const objectActions = access.permissions.flatMap((p) => (p === 'list' ? [] : OBJECT_ACTIONS[p]));
  const statements: Statement[] = [];
  if (objectActions.length) {
    statements.push({
      Sid: `ObjectsUnderPrefix${n}`,
      Effect: 'Allow',
      Action: objectActions,
      Resource: `${bucketArn(access.bucket)}/${access.prefix}*`,
    });
  }
  if (access.permissions.includes('list')) {
    statements.push({
      Sid: `ListUnderPrefix${n}`,
      Effect: 'Allow',
      Action: LIST_ACTION,
      Resource: bucketArn(access.bucket),
      Condition: { StringLike: { 's3:prefix': `${access.prefix}*` } },
    });
  }
  return statements;
}

/** S3 calls KMS in the key's region, which is the bucket's: the key ARN says which. */
function kmsStatements(role: AppRole): Statement[] {
  return role.kmsGrants.map(({ key, actions }, i) => ({
    Sid: `BucketKeyViaS3Only${i + 1}`,
    Effect: 'Allow',
    Action: [...actions],
    Resource: key,
    Condition: { StringEquals: { 'kms:ViaService': `s3.${arnRegion(key)}.amazonaws.com` } },
  }));
}

/**
 * A secret's customer managed key, only as Secrets Manager uses it to decrypt that secret: Secrets Manager calls
 * kms:Decrypt with the caller's credentials, from its own endpoint, with the secret's ARN as encryption context
 * ("Secret encryption and decryption in AWS Secrets Manager", security-encryption.html). The key is in the
 * secret's region (checks/secret-key-region.ts).
 */
function secretKeyStatements(role: AppRole): Statement[] {
  return role.secretKeyGrants.map(({ key, secrets }, i) => ({
    Sid: `SecretKeyViaSecretsManagerOnly${i + 1}`,
    Effect: 'Allow',
    Action: SECRET_KEY_ACTION,
    Resource: key,
    Condition: {
      StringEquals: {
        'kms:ViaService': `secretsmanager.${arnRegion(key)}.amazonaws.com`,
        'kms:EncryptionContext:SecretARN': [...secrets],
      },
    },
  }));
}
