import { SourceLocation } from './diagnostics';

/** What an app may do under its prefix; see PERMISSION_ACTIONS in src/policy/actions.ts. */
export type Permission = 'read' | 'write' | 'delete' | 'list';

export type Backend =
  | { readonly s3: { readonly bucket: string; readonly key: string; readonly region: string; readonly dynamodbTable?: string; readonly encrypt?: boolean } }
  | { readonly cloud: { readonly organization: string; readonly workspace: string; readonly hostname?: string } };

/** An AWS account of the registry; its alias names its cdktf stack and Terraform workspace. */
export interface Account {
  readonly alias: string;
  readonly id: string;
  readonly region: string;
  /** Role the Terraform AWS provider assumes for this workspace; also exempt from bucket guardrails. */
  readonly deployRole?: string;
  /**
   * Read-only role that pull-request plans run as, without assuming deployRole; on exclusive buckets it may read
   * the bucket policy and nothing else.
   */
  readonly planRole?: string;
  /** @default local state file per workspace */
  readonly backend?: Backend;
  /** Principals never locked out of a managed bucket. */
  readonly breakGlass: readonly string[];
  /** The account's raised IAM "Roles per account" quota. @default ROLES_PER_ACCOUNT */
  readonly roleQuota?: number;
  readonly location: SourceLocation;
}

/** Where app roles may use a bucket from; any one match is enough. */
export interface NetworkRestriction {
  readonly sourceVpc: readonly string[];
  readonly sourceVpce: readonly string[];
  readonly sourceIp: readonly string[];
}

/** An AWS service allowed to use a prefix of a bucket, only for the resources it acts for (confused-deputy keys). */
export interface ServiceGrant {
  /** The service principal, e.g. `cloudfront.amazonaws.com`. */
  readonly service: string;
  /** Object key prefix, ending in `/`. */
  readonly prefix: string;
  readonly permissions: readonly Permission[];
  /** ArnLike patterns `aws:SourceArn` must match; empty when the grant holds aws:SourceAccount only. */
  readonly sourceArn: readonly string[];
  /** `aws:SourceAccount`, defaulted to the bucket's account for services that send it. */
  readonly sourceAccount?: string;
  readonly location: SourceLocation;
}

/** A statement of a keepStatements file, as written there (only its Sid and Effect are checked to exist). */
export interface KeptStatement {
  readonly sid: string;
  /** The statement verbatim: keyless writes it into the bucket policy unchanged. */
  readonly statement: Readonly<Record<string, unknown>>;
  /** Where the statement starts in its file. */
  readonly location: SourceLocation;
}

/** Bucket policy statements written before keyless managed the bucket, kept after keyless's own. */
export interface KeptStatements {
  /** The JSON file, relative to the registry root. */
  readonly file: string;
  readonly statements: readonly KeptStatement[];
}

/** An existing bucket whose bucket policy this project owns. */
export interface Bucket {
  readonly name: string;
  /** Alias of the owning account. */
  readonly account: string;
  /** @default the owning account's region */
  readonly region: string;
  /** @default true */
  readonly exclusive: boolean;
  /** @default true */
  readonly enforceTls: boolean;
  readonly network?: NetworkRestriction;
  readonly kmsKey?: string;
  /** AWS services that may use prefixes of the bucket. */
  readonly services: readonly ServiceGrant[];
  readonly keepStatements?: KeptStatements;
  /**
   * `adopt`: the workspace imports the live bucket policy, so the first plan is an in-place update; `replace`: the
   * owner states that the first apply may overwrite whatever policy the bucket has.
   */
  readonly existingPolicy?: 'adopt' | 'replace';
  readonly location: SourceLocation;
}

/**
 * A CA whose certificates identify certificate consumers: an IAM Roles Anywhere trust anchor in `account`'s
 * workspace, which vends the roles of that account only.
 */
export interface CertificateAuthority {
  readonly name: string;
  /** Alias of the account holding the trust anchor and the roles it vends. */
  readonly account: string;
  /** The bundle file, relative to the registry root. */
  readonly bundle: string;
  /** The CA certificate, PEM, as the trust anchor receives it. */
  readonly pem: string;
  readonly location: SourceLocation;
}

/** The principal that assumes an app's role(s) with the app's ExternalId. */
export interface PrincipalConsumer {
  readonly kind: 'principal';
  /** Registry alias when the consumer account is managed here; absent for external accounts. */
  readonly account?: string;
  readonly accountId: string;
  readonly principalArn: string;
  /** `role` and `user` principals of a managed account get the consumer policy attached. */
  readonly principalType: 'role' | 'user' | 'root';
  /** IAM name (without path) of a role or user principal. */
  readonly principalName?: string;
}

/**
 * An app that proves who it is with its own X.509 certificate (subject CN = app id) through IAM Roles Anywhere:
 * no principal, no ExternalId.
 */
export interface CertificateConsumer {
  readonly kind: 'certificate';
  /** Name of the CertificateAuthority that issues the app's certificate. */
  readonly ca: string;
}

export type Consumer = PrincipalConsumer | CertificateConsumer;

/**
 * An offer of an access entry's prefix to another app. It grants nothing by itself: the other app takes it with an
 * access entry `from: <owner>` on that prefix or one under it, so that both teams have declared the share.
 */
export interface Share {
  /** The app offered the prefix. */
  readonly app: string;
  /** The most that app may ask for. */
  readonly permissions: readonly Permission[];
  /** The owner's explicit consent to offer write or delete; validation refuses them without it. */
  readonly allowWrite: boolean;
  readonly location: SourceLocation;
}

export interface Access {
  readonly bucket: string;
  /** Object key prefix, ending in `/`: the app's own, or with `from` one shared with it by the owner. */
  readonly prefix: string;
  readonly permissions: readonly Permission[];
  /** The app that owns this prefix and shares it with this one; absent for the app's own prefixes. */
  readonly from?: string;
  /** Offers of this (own) prefix to other apps. */
  readonly shareWith: readonly Share[];
  readonly location: SourceLocation;
}

/** A secret encrypted with a customer managed KMS key, which its readers decrypt through Secrets Manager. */
export interface SecretKey {
  readonly secret: string;
  readonly kmsKey: string;
}

export interface App {
  /** The AppId session tag value. */
  readonly id: string;
  readonly owner: string;
  readonly description?: string;
  readonly consumer: Consumer;
  /** The ExternalId a principal consumer passes; undefined for a certificate consumer. */
  readonly externalId?: string;
  /** The environment variable the ExternalId is read from, when the registry does not hold it literally. */
  readonly externalIdEnv?: string;
  /** StringLike pattern the caller's SourceIdentity must match. */
  readonly sourceIdentity?: string;
  readonly access: readonly Access[];
  /** ARNs of the secrets the app reads. */
  readonly secrets: readonly string[];
  /** The customer managed keys of those secrets that declare one. */
  readonly secretKeys: readonly SecretKey[];
  readonly maxSessionDuration: number;
  /** The registry file that declares the app, relative to the registry root. */
  readonly file: string;
  readonly location: SourceLocation;
}

/** Where the organization guardrails (a resource and a service control policy) are managed and attached. */
export interface Organization {
  /** Alias of the registry account whose workspace holds the policies. */
  readonly account: string;
  /** Roots, OUs or account ids the policies are attached to. */
  readonly targets: readonly string[];
  readonly location: SourceLocation;
}

export interface Registry {
  readonly root: string;
  readonly accounts: readonly Account[];
  readonly buckets: readonly Bucket[];
  readonly certificateAuthorities: readonly CertificateAuthority[];
  readonly apps: readonly App[];
  readonly organization?: Organization;
}
