import { Permission } from '../registry/model';

/** The S3 object actions each registry permission grants; `list` is ListBucket, scoped by s3:prefix. */
export const OBJECT_ACTIONS: Readonly<Record<Exclude<Permission, 'list'>, string>> = {
  read: 's3:GetObject',
  write: 's3:PutObject',
  delete: 's3:DeleteObject',
};

export const LIST_ACTION = 's3:ListBucket';

/** What a consumer principal needs to open an app session. */
export const CONSUMER_ACTIONS = ['sts:AssumeRole', 'sts:TagSession', 'sts:SetSourceIdentity'] as const;

export const SECRET_READ_ACTIONS = ['secretsmanager:GetSecretValue', 'secretsmanager:DescribeSecret'] as const;

/** S3 calls KMS on the caller's behalf: Decrypt to read (and for multipart uploads), GenerateDataKey to write. */
export const KMS_ACTIONS = ['kms:Decrypt', 'kms:GenerateDataKey'] as const;
