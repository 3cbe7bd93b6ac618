/** AWS quotas that bound generated IAM and S3 policies (IAM and S3 quotas pages, 2026). */

/** Role trust policy length; the default quota, raisable to 4096 via Service Quotas. */
export const TRUST_POLICY_MAX_CHARS = 2048;
/** Sum of all inline policies of one role. */
export const ROLE_INLINE_POLICIES_MAX_CHARS = 10240;
/** One customer managed policy. */
export const MANAGED_POLICY_MAX_CHARS = 6144;
/** Managed policies attached to one role or user (default quota; raisable to 20). */
export const MANAGED_POLICIES_PER_PRINCIPAL = 10;
/** One S3 bucket policy. */
export const BUCKET_POLICY_MAX_CHARS = 20480;
/** IAM role name. */
export const ROLE_NAME_MAX_CHARS = 64;
/** IAM path, including its leading and trailing slash. */
export const IAM_PATH_MAX_CHARS = 512;
/** Roles per account (default quota; raisable to 5000 via Service Quotas). */
export const ROLES_PER_ACCOUNT = 1000;
/** Roles per account after a Service Quotas increase: the highest IAM grants. */
export const ROLES_PER_ACCOUNT_MAX = 5000;
/** A role's MaxSessionDuration, in seconds: 1 to 12 hours. */
export const MIN_SESSION_DURATION = 3600;
export const MAX_SESSION_DURATION = 43200;
/** sts:ExternalId length AssumeRole accepts. */
export const EXTERNAL_ID_MIN_CHARS = 2;
export const EXTERNAL_ID_MAX_CHARS = 1224;
/** sts:SourceIdentity length AssumeRole accepts. */
export const SOURCE_IDENTITY_MIN_CHARS = 2;
export const SOURCE_IDENTITY_MAX_CHARS = 64;
/** IAM tag value. */
export const TAG_VALUE_MAX_CHARS = 256;

/**
 * Longest session STS grants when a role session assumes another role (role chaining), whatever the role's
 * MaxSessionDuration: more fails with "DurationSeconds exceeds the 1 hour session limit for roles assumed by role
 * chaining" (AssumeRole API reference).
 */
export const ROLE_CHAINING_MAX_SESSION_DURATION = 3600;

/** The PEM certificate of a Roles Anywhere trust anchor (SourceData.x509CertificateData, IAM Roles Anywhere API). */
export const TRUST_ANCHOR_CERTIFICATE_MAX_CHARS = 8000;
/** Longest subject CN X.509 allows (RFC 5280 ub-common-name): the app id must fit in a certificate's CN. */
export const CERTIFICATE_CN_MAX_CHARS = 64;
/** One service or resource control policy (Organizations quotas, "Maximum size of a policy document"). */
export const ORGANIZATION_POLICY_MAX_CHARS = 5120;
/**
 * Service or resource control policies attached to one root, OU or account (Organizations quotas). One of them is
 * AWS's FullAWSAccess / RCPFullAWSAccess, which the organization keeps attached, so keyless may use the rest.
 */
export const ORGANIZATION_POLICIES_PER_TARGET = 5;
