import { z } from 'zod';
import {
  EXTERNAL_ID_MAX_CHARS, EXTERNAL_ID_MIN_CHARS, MAX_SESSION_DURATION, MIN_SESSION_DURATION, ROLES_PER_ACCOUNT,
  ROLES_PER_ACCOUNT_MAX, SOURCE_IDENTITY_MAX_CHARS, SOURCE_IDENTITY_MIN_CHARS, TAG_VALUE_MAX_CHARS,
} from '../policy/limits';

/**
 * Registry file formats: the one schema behind `keyless validate`, synth and the editor JSON Schemas
 * (`keyless schema`). Rules on one field live here; rules across fields and files live in checks/.
 * Messages complete `"<field>" …` and say what to write instead.
 */

export const ALIAS_PATTERN = /^[a-z][a-z0-9-]*$/;
export const APP_ID_PATTERN = /^[a-z0-9][a-z0-9-]*$/;
export const ACCOUNT_ID_PATTERN = /^\d{12}$/;
export const PERMISSIONS = ['read', 'write', 'delete', 'list'] as const;
/** Characters AssumeRole accepts in sts:ExternalId. */
export const EXTERNAL_ID_PATTERN = /^[\w+=,.@:/-]*$/;
/** Characters AssumeRole accepts in sts:SourceIdentity, plus the StringLike wildcards. */
export const SOURCE_IDENTITY_PATTERN = /^[\w+=,.@*?-]*$/;
/** IAM tag values (the owner becomes one), ASCII only so that every editor's regex engine reads the pattern. */
const TAG_VALUE_PATTERN = /^[A-Za-z0-9 _.:/=+\-@]*$/;
/** IAM role descriptions. */
const DESCRIPTION_PATTERN = /^[\t\n\r\u0020-\u007E\u00A1-\u00FF]*$/;
/** S3's safe key characters without `*`: a `*`, `?` or `${` in a prefix would widen the policy it lands in. */
const PREFIX_PATTERN = /^[A-Za-z0-9!_.'()/-]*$/;

export const EXTERNAL_ID_RULE =
  `${EXTERNAL_ID_MIN_CHARS} to ${EXTERNAL_ID_MAX_CHARS} characters of letters, digits and _+=,.@:/-`;

const nonEmpty = z.string().min(1, { error: 'must not be empty' });

/**
 * keyless writes `arn:aws:` ARNs only (buckets, app roles, the root): an ARN of another partition would never
 * match them. Placed first and aborting, so that the format rule after it does not repeat the problem.
 */
const awsPartitionRule = {
  error: (issue: { input?: unknown }) => {
    const partition = String(issue.input).split(':')[1];
    return `is in partition "${partition}", but only the aws partition is supported: keyless writes arn:aws: ARNs only; use an arn:aws: ARN`;
  },
  abort: true,
};
const isAwsPartition = (value: string) => !/^arn:(?!aws:)[^:]*:/.test(value);
const arnString = () => z.string().refine(isAwsPartition, awsPartitionRule);

/** The parts of an IAM ARN's resource: `role`, its path segments and its name. */
function iamResource(arn: string): { accountId: string; type: string; path: string[]; name: string } {
  const [, , , , accountId = '', ...rest] = arn.split(':');
  const segments = rest.join(':').split('/');
  return { accountId, type: segments[0], path: segments.slice(1, -1), name: segments[segments.length - 1] ?? '' };
}

const WILDCARD = /[*?]/;
/** The path IAM Identity Center gives the roles of its permission sets, before the region segment. */
export const SSO_ROLE_PATH = 'aws-reserved/sso.amazonaws.com/';

/** `AWSReservedSSO_Admin_0123456789abcdef` → `AWSReservedSSO_Admin_*`: the suffix changes when the permission set is reassigned. */
function ssoRolePattern(name: string): string {
  return name.endsWith('*') ? name : `${name.replace(/_[0-9a-f]{16}$/, '')}_*`;
}

/**
 * A breakGlass entry lands in the exclusive buckets' `ArnNotLike aws:PrincipalArn` list: a wildcard there may
 * widen it only within a name, and an Identity Center role matches only with the path IAM gave it.
 */
const breakGlassArn = arnString()
  .refine((v) => !/^(arn:aws:iam::[^:]*:)?[*?]+$/.test(v), {
    error: 'would admit every principal and cancel the exclusivity of the account\'s buckets; ' +
      'list roles or users by ARN, e.g. arn:aws:iam::111111111111:role/platform-admin',
    abort: true,
  })
  .regex(/^arn:aws:iam::\d{12}:(root|(role|user)\/[\w+=,.@/*?-]+)$/, {
    error: 'must be an IAM ARN such as arn:aws:iam::111111111111:role/NAME',
    abort: true,
  })
  .refine((v) => !iamResource(v).path.some((segment) => WILDCARD.test(segment)), {
    error: (issue) => {
      const { accountId, type, path, name } = iamResource(String(issue.input));
      const sso = `${path.join('/')}/`.startsWith(SSO_ROLE_PATH);
      const example = sso ? `${SSO_ROLE_PATH}<region>/${name}` : 'ops/admin-*';
      return `has a wildcard in the path: in aws:PrincipalArn a "*" also matches "/", so it admits ${type}s under any path; ` +
        `write the path out and use * or ? only in the name, e.g. arn:aws:iam::${accountId}:${type}/${example}` +
        (sso ? ` (aws iam list-roles --path-prefix /${SSO_ROLE_PATH} shows the path)` : '');
    },
    abort: true,
  })
  .refine((v) => !/^[*?]+$/.test(iamResource(v).name), {
    error: (issue) => {
      const { accountId, type, path } = iamResource(String(issue.input));
      const where = path.length ? ` under the path /${path.join('/')}/` : ` of account ${accountId}`;
      return `would admit every ${type}${where} and cancel the exclusivity of the account's buckets; ` +
        `name the ${type}, or keep a fixed start before the wildcard, e.g. arn:aws:iam::${accountId}:${type}/${path.map((p) => `${p}/`).join('')}platform-admin-*`;
    },
    abort: true,
  })
  .refine((v) => {
    const { type, path, name } = iamResource(v);
    return !(type === 'role' && name.startsWith('AWSReservedSSO_') && !`${path.join('/')}/`.startsWith(SSO_ROLE_PATH));
  }, {
    error: (issue) => {
      const { accountId, name } = iamResource(String(issue.input));
      return 'names an IAM Identity Center role without its path, so it never matches: aws:PrincipalArn holds the role ARN with path, ' +
        `arn:aws:iam::${accountId}:role/${SSO_ROLE_PATH}<region>/AWSReservedSSO_…; write ` +
        `arn:aws:iam::${accountId}:role/${SSO_ROLE_PATH}<region>/${ssoRolePattern(name)} with the region of your Identity Center ` +
        `(some us-east-1 instances have no region segment: aws iam list-roles --path-prefix /${SSO_ROLE_PATH} shows the path), ` +
        'the * covering the suffix that changes when the permission set is reassigned';
    },
  });

const quotedAccountId = z.string().regex(ACCOUNT_ID_PATTERN, { error: 'must be 12 digits, quoted, e.g. "111111111111"' });

const s3Backend = z.strictObject({
  bucket: nonEmpty.describe('bucket holding the state file'),
  key: nonEmpty.describe('object key of the state file'),
  region: nonEmpty.describe('region of the state bucket'),
  dynamodbTable: nonEmpty.optional().describe('DynamoDB table for state locking'),
  encrypt: z.boolean().optional(),
});
const cloudBackend = z.strictObject({
  organization: nonEmpty,
  workspace: nonEmpty,
  hostname: nonEmpty.optional(),
});

const awsRegion = z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/, { error: 'must be an AWS region such as eu-central-1' });

const roleArn = arnString().regex(/^arn:aws:iam::\d{12}:role\/[\w+=,.@/-]+$/, {
  error: 'must be a role ARN without wildcards, such as arn:aws:iam::111111111111:role/terraform',
});

export const accountSchema = z.strictObject({
  id: quotedAccountId.describe('the 12-digit AWS account id, quoted'),
  region: awsRegion.describe('region of the workspace provider'),
  deployRole: roleArn.optional().describe('role the Terraform AWS provider assumes for this workspace'),
  planRole: roleArn.optional()
    .describe('read-only role pull-request plans run as (the deploy role is not assumed then); may read bucket policies only'),
  backend: z.union([z.strictObject({ s3: s3Backend }), z.strictObject({ cloud: cloudBackend })]).optional()
    .describe('Terraform state backend: { s3: … } or { cloud: … }; default: a local state file'),
  breakGlass: z.array(breakGlassArn).optional()
    .describe('principals never locked out of this account\'s exclusive buckets'),
  roleQuota: z.number().int().min(ROLES_PER_ACCOUNT, { error: `must be at least the default quota, ${ROLES_PER_ACCOUNT}` })
    .max(ROLES_PER_ACCOUNT_MAX, { error: `must be at most ${ROLES_PER_ACCOUNT_MAX}, the highest "Roles per account" quota IAM grants` })
    .optional()
    .describe(`this account's IAM "Roles per account" quota, when raised above ${ROLES_PER_ACCOUNT} in Service Quotas`),
});

const cidrList = z.array(z.string().regex(/^\d{1,3}(\.\d{1,3}){3}(\/\d{1,2})?$/, { error: 'must be an IPv4 CIDR such as 203.0.113.0/24' }));

export const networkSchema = z.strictObject({
  sourceVpc: z.array(z.string().regex(/^vpc-[0-9a-f]+$/, { error: 'must be a VPC id such as vpc-0abc' })).optional()
    .describe('VPC ids app sessions may use the bucket from (through a gateway or interface endpoint)'),
  sourceVpce: z.array(z.string().regex(/^vpce-[0-9a-f]+$/, { error: 'must be a VPC endpoint id such as vpce-0abc' })).optional()
    .describe('VPC endpoint ids app sessions may use the bucket through'),
  sourceIp: cidrList.optional().describe('public IPv4 CIDRs app sessions may use the bucket from (not for VPC endpoint traffic)'),
}).refine((n) => [n.sourceVpc, n.sourceVpce, n.sourceIp].some((list) => list?.length), {
  // An empty restriction writes no network Deny: the bucket would look restricted and be open to every network.
  error: 'lists no sourceVpc, sourceVpce or sourceIp, so no network Deny would be written and app sessions could use the bucket ' +
    'from anywhere; list at least one VPC, VPC endpoint or public CIDR, or remove network',
  when: (payload) => payload.issues.length === 0,
});

const kmsKeyArn = arnString().regex(/^arn:aws:kms:[a-z0-9-]+:\d{12}:key\/[A-Za-z0-9-]+$/, {
  error: 'must be a KMS key ARN such as arn:aws:kms:eu-central-1:111111111111:key/<key-id>',
});

const secretArn = arnString().regex(/^arn:aws:secretsmanager:[a-z0-9-]+:\d{12}:secret:[\w/+=.@-]+$/, {
  error: 'must be a Secrets Manager secret ARN without wildcards',
  abort: true,
}).regex(/-[A-Za-z0-9]{6}$/, {
  error: 'must end with the 6 characters Secrets Manager appends to the name (e.g. secret:vendor/api-key-AbCdEf): an ARN without ' +
    'them never matches the secret; copy the full ARN from the console or from aws secretsmanager describe-secret --secret-id NAME',
});

/** An object key prefix: never the whole bucket, never an IAM wildcard or variable. `owner` and `hint` complete the whole-bucket message. */
function prefixSchema(owner: string, hint: string) {
  return z.string().regex(PREFIX_PATTERN, {
    error: 'must use only letters, digits and !_.\'()/-: "*", "?" and "$" would act as IAM wildcards or variables and widen the grant',
  }).regex(/[^/]/, {
    // The bucket policy and verify assume every grant is under a prefix: no whole-bucket grants.
    error: `must not be "" or "/" (the whole bucket): ${owner}, e.g. "myapp-123/"; ${hint}`,
  });
}

const permissionsSchema = z.array(z.enum(PERMISSIONS)).min(1, { error: 'must list at least one of read, write, delete, list' })
  .describe('read=GetObject, write=PutObject, delete=DeleteObject, list=ListBucket under the prefix');

/** A keepStatements file: a .json path relative to the registry root that stays inside it (no leading `/`, no `..`). */
export const KEEP_FILE_PATTERN = /^(?!\/)(?!.*(^|\/)\.\.(\/|$)).+\.json$/;

/** `<name>.amazonaws.com`: the form of every AWS service principal a bucket policy names. */
export const SERVICE_PRINCIPAL_PATTERN = /^[a-z0-9][a-z0-9-]*(\.[a-z0-9][a-z0-9-]*)*\.amazonaws\.com$/;

const sourceArn = arnString().regex(/^arn:aws:[a-z0-9-]+:[a-z0-9-]*:(\d{12}|\*)?:[^\s]+$/, {
  error: 'must be the ARN of the resource the service acts for, such as arn:aws:cloudfront::111111111111:distribution/E2QWRUHEXAMPLE',
});

export const serviceGrantSchema = z.strictObject({
  service: z.string().regex(SERVICE_PRINCIPAL_PATTERN, {
    error: 'must be an AWS service principal such as cloudfront.amazonaws.com or logging.s3.amazonaws.com',
  }).describe('the AWS service principal, e.g. cloudfront.amazonaws.com'),
  prefix: prefixSchema('a service gets a prefix, like an app', 'name the prefix the service reads or writes').describe('object key prefix the service may use'),
  permissions: permissionsSchema,
  sourceArn: z.union([sourceArn, z.array(sourceArn).min(1, { error: 'must list at least one ARN' })]).optional()
    .describe('aws:SourceArn: the resource(s) the service acts for (a distribution, a source bucket); ArnLike wildcards allowed'),
  sourceAccount: quotedAccountId.optional()
    .describe('aws:SourceAccount: the account whose resources the service acts for; default: the bucket\'s account, for services that send it'),
});

export const bucketSchema = z.strictObject({
  account: nonEmpty.describe('alias of the account that owns the bucket'),
  region: awsRegion.optional().describe('region of the bucket; default: the owning account\'s region'),
  exclusive: z.boolean().optional().describe('default true: only registry app roles, breakGlass, the deploy role and root may use the bucket'),
  enforceTls: z.boolean().optional().describe('default true: deny requests without TLS'),
  network: networkSchema.optional().describe('app sessions may use the bucket only from these networks'),
  kmsKey: kmsKeyArn.optional().describe('SSE-KMS key of the bucket, used by app roles through S3 only'),
  services: z.array(serviceGrantSchema).optional()
    .describe('AWS services that may use a prefix of the bucket, each held to the resource it acts for (aws:SourceArn/aws:SourceAccount)'),
  keepStatements: z.string().regex(KEEP_FILE_PATTERN, {
    error: 'must be a .json file inside the registry, relative to its root, e.g. policies/my-bucket.json',
  }).optional().describe('JSON file of bucket policy statements kept verbatim after keyless\'s own (a policy document or an array of statements)'),
  existingPolicy: z.enum(['adopt', 'replace']).optional()
    .describe('adopt: import the live bucket policy into Terraform state, so the first plan shows what changes; ' +
      'replace: the bucket has no policy worth keeping, the first apply overwrites it'),
});

/**
 * A CA bundle path: relative to the registry root and inside it. The file lands in the plan as the trust anchor's
 * certificate, so a pull request must not be able to point it at a file elsewhere on the CI runner.
 */
export const BUNDLE_PATH_PATTERN = /^(?!\/)(?!.*(^|\/)\.\.?(\/|$))[\w.\/-]+\.(pem|crt)$/;

export const certificateAuthoritySchema = z.strictObject({
  account: nonEmpty.describe('alias of the account whose workspace holds the Roles Anywhere trust anchor; the roles it vends live there'),
  bundle: z.string().regex(BUNDLE_PATH_PATTERN, {
    error: 'must be a .pem or .crt path relative to the registry root, inside it (no leading "/", no ".." segments), e.g. ca/swarm-ca.pem',
  }).describe('the CA certificate (public, PEM), relative to the registry root'),
});

/** Where Organizations policies attach: the root (r-…), an OU (ou-…) or an account id (Organizations API reference, PolicyTargetSummary). */
const POLICY_TARGET_PATTERN = /^(r-[0-9a-z]{4,32}|ou-[0-9a-z]{4,32}-[a-z0-9]{8,32}|\d{12})$/;

export const organizationSchema = z.strictObject({
  account: nonEmpty.describe('alias of the management account, or of the delegated administrator for Organizations policies'),
  targets: z.array(z.string().regex(POLICY_TARGET_PATTERN, {
    error: 'must be an organization root (r-…), OU (ou-…-…) or account id, quoted, e.g. "ou-ab12-34cd5678"',
  })).min(1, { error: 'must list at least one root, OU or account the policies are attached to' })
    .describe('roots, OUs or account ids the keyless service and resource control policies are attached to'),
});

export const accountsFileSchema = z.strictObject({
  accounts: z.record(
    z.string().regex(ALIAS_PATTERN, { error: 'must match [a-z][a-z0-9-]*: it names the Terraform workspace' }),
    accountSchema,
  ).describe('AWS accounts by alias; each alias is a cdktf stack and a Terraform workspace'),
  buckets: z.record(
    z.string().regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, { error: 'must be a valid S3 bucket name (3-63 of a-z, 0-9, ".", "-")' }),
    bucketSchema,
  ).optional().describe('existing buckets whose bucket policy this registry owns'),
  certificateAuthorities: z.record(
    z.string().regex(ALIAS_PATTERN, { error: 'must match [a-z][a-z0-9-]*: it names the Roles Anywhere trust anchor' }),
    certificateAuthoritySchema,
  ).optional().describe('CAs whose certificates identify certificate consumers, through IAM Roles Anywhere trust anchors'),
  organization: organizationSchema.optional()
    .describe('optional, recommended: a workspace for this account with a resource control policy repeating the bucket guardrails and a service control policy protecting the keyless roles and bucket policies'),
}).meta({ title: 'keyless accounts.yaml' });

const envRef = z.strictObject({
  env: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, { error: 'must be an environment variable name' })
    .describe('environment variable holding the ExternalId at synth time'),
});

/** Permissions that change the owner's objects: a share offers them only with allowWrite: true. */
export const CHANGING_PERMISSIONS: readonly (typeof PERMISSIONS)[number][] = ['write', 'delete'];

/** One offer of an access entry's prefix to another app; it grants nothing until that app takes it with `from`. */
const shareSchema = z.strictObject({
  app: z.string().regex(APP_ID_PATTERN, { error: 'must be the id of an app of the registry, e.g. analytics-etl' })
    .describe('the app offered this prefix (or a prefix under it)'),
  permissions: z.array(z.enum(PERMISSIONS)).min(1, { error: 'must list at least one of read, write, delete, list' })
    .describe('the most that app may ask for; write and delete need allowWrite: true'),
  allowWrite: z.boolean().optional()
    .describe('default false: set true to let that app write or delete your objects (shown in the review)'),
});

export const appFileSchema = z.strictObject({
  id: z.string().regex(APP_ID_PATTERN, { error: 'must match [a-z0-9][a-z0-9-]*, e.g. myapp-123' })
    .describe('the AppId session tag value and role name suffix; unique in the registry'),
  owner: nonEmpty.max(TAG_VALUE_MAX_CHARS, { error: `must be at most ${TAG_VALUE_MAX_CHARS} characters (it becomes a role tag)` })
    .regex(TAG_VALUE_PATTERN, { error: 'must use only ASCII letters, digits, spaces and _.:/=+-@ (it becomes a role tag)' })
    .describe('the team that owns the app'),
  description: z.string().regex(DESCRIPTION_PATTERN, { error: 'must use only Latin-1 characters (it becomes the role description)' })
    .optional().describe('what the app does'),
  consumer: z.strictObject({
    account: nonEmpty.optional().describe('alias of the registry account the principal lives in'),
    accountId: quotedAccountId.optional().describe('or: id of an account outside the registry (nothing is written there)'),
    principal: nonEmpty.refine(isAwsPartition, awsPartitionRule).optional()
      .describe('role/NAME (paths allowed), user/NAME, root, or a full IAM ARN; not with certificate'),
    certificate: z.strictObject({
      ca: nonEmpty.describe('a certificateAuthorities name from accounts.yaml'),
    }).optional().describe('instead of a principal: the app holds an X.509 certificate with CN = its id, issued by this CA (IAM Roles Anywhere)'),
  }).describe('who opens the app\'s sessions: a principal (with externalId), or a certificate'),
  externalId: z.union([
    z.string().min(EXTERNAL_ID_MIN_CHARS, { error: `must be ${EXTERNAL_ID_RULE}` })
      .max(EXTERNAL_ID_MAX_CHARS, { error: `must be ${EXTERNAL_ID_RULE}` })
      .regex(EXTERNAL_ID_PATTERN, { error: `must be ${EXTERNAL_ID_RULE}` }),
    envRef,
  ]).optional().describe('the sts:ExternalId the app must pass, or { env: VAR } to read it at synth time; required for a principal consumer, not allowed with a certificate'),
  sourceIdentity: z.string()
    .min(1, { error: `must be ${SOURCE_IDENTITY_MIN_CHARS} to ${SOURCE_IDENTITY_MAX_CHARS} characters` })
    // A wildcard pattern may be shorter than the identities it matches: "*" requires some SourceIdentity.
    .refine((v) => /[*?]/.test(v) || v.length >= SOURCE_IDENTITY_MIN_CHARS, {
      error: `must be ${SOURCE_IDENTITY_MIN_CHARS} to ${SOURCE_IDENTITY_MAX_CHARS} characters`,
    })
    .max(SOURCE_IDENTITY_MAX_CHARS, { error: `must be ${SOURCE_IDENTITY_MIN_CHARS} to ${SOURCE_IDENTITY_MAX_CHARS} characters, the longest SourceIdentity AssumeRole accepts` })
    .regex(SOURCE_IDENTITY_PATTERN, { error: 'must use only letters, digits, _+=,.@- and the wildcards * and ?' })
    .optional().describe('StringLike pattern the caller\'s sts:SourceIdentity must match'),
  access: z.array(z.strictObject({
    bucket: nonEmpty.describe('a bucket declared in accounts.yaml'),
    from: z.string().regex(APP_ID_PATTERN, { error: 'must be the id of the app that owns the prefix and shares it, e.g. ingest' })
      .optional().describe('the app that owns this prefix and shares it with this app (its shareWith must name this app)'),
    prefix: prefixSchema('each app owns a prefix under which its objects live', 'leave prefix out for the default "<id>/"').optional().describe('object key prefix the app owns; default "<id>/"'),
    permissions: permissionsSchema,
    shareWith: z.array(shareSchema).optional()
      .describe('apps this app offers its prefix to; each must also declare an access entry with from: <this app>'),
  })).min(1, { error: 'must list at least one bucket' }).describe('the buckets and prefixes the app may use'),
  secrets: z.array(z.union([
    secretArn,
    z.strictObject({
      arn: secretArn.describe('the secret\'s full ARN'),
      kmsKey: kmsKeyArn.describe('the customer managed KMS key the secret is encrypted with; the app may decrypt with it only via Secrets Manager, for this secret'),
    }),
  ])).optional().describe('Secrets Manager secrets the app may read: an ARN, or { arn, kmsKey } for one encrypted with a customer managed key'),
  maxSessionDuration: z.number().int()
    .min(MIN_SESSION_DURATION, { error: `must be ${MIN_SESSION_DURATION} to ${MAX_SESSION_DURATION} seconds (1 to 12 hours), the range IAM accepts` })
    .max(MAX_SESSION_DURATION, { error: `must be ${MIN_SESSION_DURATION} to ${MAX_SESSION_DURATION} seconds (1 to 12 hours), the range IAM accepts` })
    .optional().describe('seconds; default 3600'),
}).meta({ title: 'keyless app (apps/*.yaml)' });

export type AccountsFile = z.infer<typeof accountsFileSchema>;
export type AppFile = z.infer<typeof appFileSchema>;
export type ServiceGrantEntry = z.infer<typeof serviceGrantSchema>;
