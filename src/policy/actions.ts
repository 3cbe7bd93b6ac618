import { Permission } from '../registry/model';

/**
 * The S3 object actions each registry permission grants; `list` is ListBucket, scoped by s3:prefix.
 * `write` includes what SDK multipart uploads need to clean up and resume: without AbortMultipartUpload,
 * a failed upload leaves billed parts behind.
 */
export const OBJECT_ACTIONS: Readonly<Record<Exclude<Permission, 'list'>, readonly string[]>> = {
  read: ['s3:GetObject'],
  write: ['s3:PutObject', 's3:AbortMultipartUpload', 's3:ListMultipartUploadParts'],
  delete: ['s3:DeleteObject'],
};

export const LIST_ACTION = 's3:ListBucket';

/** What a consumer principal needs to open an app session. */
export const CONSUMER_ACTIONS = ['sts:AssumeRole', 'sts:TagSession', 'sts:SetSourceIdentity'] as const;

export const SECRET_READ_ACTIONS = ['secretsmanager:GetSecretValue', 'secretsmanager:DescribeSecret'] as const;

/** What Secrets Manager asks KMS for, with the reader's credentials, to return a secret encrypted with a customer managed key. */
export const SECRET_KEY_ACTION = 'kms:Decrypt';

/**
 * What S3 asks KMS for on the caller's behalf: Decrypt to read; GenerateDataKey to write, plus Decrypt, which
 * multipart uploads of SSE-KMS objects need.
 */
export const KMS_ACTIONS: Readonly<Partial<Record<Permission, readonly string[]>>> = {
  read: ['kms:Decrypt'],
  write: ['kms:GenerateDataKey', 'kms:Decrypt'],
};

/**
 * What a deploy role needs to apply a bucket policy, and all it gets on an exclusive bucket. Not
 * s3:DeleteBucketPolicy: a deleted policy lifts every guardrail, so a bucket leaving the registry keeps its last
 * policy until a breakGlass principal or the root removes it.
 */
export const BUCKET_POLICY_ACTIONS = ['s3:GetBucketPolicy', 's3:PutBucketPolicy'] as const;

/** Deleting a bucket policy: left to breakGlass principals and the root. */
export const BUCKET_POLICY_DELETE_ACTION = 's3:DeleteBucketPolicy';

/** What a plan reads of a bucket when it refreshes the bucket policy. */
export const BUCKET_POLICY_READ_ACTION = 's3:GetBucketPolicy';
