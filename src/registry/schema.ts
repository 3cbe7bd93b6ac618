import { z } from 'zod';

/** Registry file formats. Field checks live here; checks across files live in validate.ts. */

export const ALIAS_PATTERN = /^[a-z][a-z0-9-]*$/;
export const APP_ID_PATTERN = /^[a-z0-9][a-z0-9-]*$/;
export const ACCOUNT_ID_PATTERN = /^\d{12}$/;
export const PERMISSIONS = ['read', 'write', 'delete', 'list'] as const;

const iamArn = z.string().regex(/^arn:aws[a-z-]*:iam::\d{12}:(root|role\/.+|user\/.+)$/, {
  message: 'must be an IAM ARN like arn:aws:iam::111111111111:role/NAME',
});
const nonEmpty = z.string().min(1);

const s3Backend = z.strictObject({
  bucket: nonEmpty,
  key: nonEmpty,
  region: nonEmpty,
  dynamodbTable: nonEmpty.optional(),
  encrypt: z.boolean().optional(),
});
const cloudBackend = z.strictObject({ organization: nonEmpty, workspace: nonEmpty, hostname: nonEmpty.optional() });

export const accountSchema = z.strictObject({
  id: z.string({ message: 'must be a quoted string of 12 digits, e.g. "111111111111"' }).regex(ACCOUNT_ID_PATTERN, {
    message: 'must be 12 digits, quoted, e.g. "111111111111"',
  }),
  region: z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/, { message: 'must be an AWS region such as eu-central-1' }),
  deployRole: iamArn.optional(),
  backend: z.union([z.strictObject({ s3: s3Backend }), z.strictObject({ cloud: cloudBackend })]).optional(),
  breakGlass: z.array(iamArn).optional(),
});

export const networkSchema = z.strictObject({
  sourceVpc: z.array(z.string().regex(/^vpc-[0-9a-f]+$/, { message: 'must be a VPC id such as vpc-0abc' })).optional(),
  sourceVpce: z.array(z.string().regex(/^vpce-[0-9a-f]+$/, { message: 'must be a VPC endpoint id such as vpce-0abc' })).optional(),
  sourceIp: z.array(z.string().regex(/^\d{1,3}(\.\d{1,3}){3}(\/\d{1,2})?$/, { message: 'must be an IPv4 CIDR such as 203.0.113.0/24' })).optional(),
});

export const bucketSchema = z.strictObject({
  account: nonEmpty,
  exclusive: z.boolean().optional(),
  enforceTls: z.boolean().optional(),
  network: networkSchema.optional(),
  kmsKey: z.string().regex(/^arn:aws[a-z-]*:kms:[a-z0-9-]+:\d{12}:key\/[A-Za-z0-9-]+$/, {
    message: 'must be a KMS key ARN such as arn:aws:kms:eu-central-1:111111111111:key/<key-id>',
  }).optional(),
});

export const accountsFileSchema = z.strictObject({
  accounts: z.record(z.string().regex(ALIAS_PATTERN, { message: 'account alias must match [a-z][a-z0-9-]*' }), accountSchema),
  buckets: z.record(z.string().regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, { message: 'must be a valid S3 bucket name' }), bucketSchema).optional(),
});

const envRef = z.strictObject({ env: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, { message: 'must be an environment variable name' }) });

export const appFileSchema = z.strictObject({
  id: z.string().regex(APP_ID_PATTERN, { message: 'must match [a-z0-9][a-z0-9-]*, e.g. myapp-123' }),
  owner: nonEmpty,
  description: z.string().optional(),
  consumer: z.strictObject({
    account: nonEmpty.optional(),
    accountId: z.string().regex(ACCOUNT_ID_PATTERN, { message: 'must be 12 digits, quoted' }).optional(),
    principal: nonEmpty,
  }),
  externalId: z.union([nonEmpty, envRef]),
  sourceIdentity: nonEmpty.optional(),
  access: z.array(z.strictObject({
    bucket: nonEmpty,
    prefix: z.string().optional(),
    permissions: z.array(z.enum(PERMISSIONS)).min(1),
  })).min(1),
  secrets: z.array(z.string().regex(/^arn:aws[a-z-]*:secretsmanager:[a-z0-9-]+:\d{12}:secret:.+$/, {
    message: 'must be a Secrets Manager secret ARN',
  })).optional(),
  maxSessionDuration: z.number().int().optional(),
});

export type AccountsFile = z.infer<typeof accountsFileSchema>;
export type AppFile = z.infer<typeof appFileSchema>;
