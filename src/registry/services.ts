/**
 * The AWS services keyless knows as grantees of a bucket, and the confused-deputy keys each one puts in its requests
 * to the bucket. A grant must hold every key its service sends: a condition on one key only would still let the
 * service act for a resource of someone else that matches on the other. Sources:
 * - IAM User Guide, "AWS global condition context keys" (aws:SourceArn, aws:SourceAccount: present only when a
 *   service principal calls the resource directly; aws:PrincipalServiceName: the service principal's name),
 *   https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html
 * - per service, the page named in `source`.
 */

export type SourceKey = 'aws:SourceArn' | 'aws:SourceAccount';

export interface KnownService {
  /** The confused-deputy keys the service sends; each must be held by a grant. */
  readonly sends: readonly SourceKey[];
  /** What its aws:SourceArn names, to check a declared one. */
  readonly sourceArn: RegExp;
  readonly sourceArnExample: string;
  /** The AWS page that documents its bucket policy. */
  readonly source: string;
}

export const KNOWN_SERVICES: Readonly<Record<string, KnownService>> = {
  // CloudFront origin access control: the bucket policy allows cloudfront.amazonaws.com with AWS:SourceArn of the
  // distribution (CloudFront Developer Guide, "Restrict access to an Amazon S3 origin").
  'cloudfront.amazonaws.com': {
    sends: ['aws:SourceArn'],
    sourceArn: /^arn:aws:cloudfront::\d{12}:distribution\/[A-Za-z0-9*?]+$/,
    sourceArnExample: 'arn:aws:cloudfront::111111111111:distribution/E2QWRUHEXAMPLE',
    source: 'https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/private-content-restricting-access-to-s3.html',
  },
  // S3 server access logging: logging.s3.amazonaws.com writes with aws:SourceArn of the source bucket and
  // aws:SourceAccount of its owner (Amazon S3 User Guide, "Enabling Amazon S3 server access logging").
  'logging.s3.amazonaws.com': {
    sends: ['aws:SourceArn', 'aws:SourceAccount'],
    sourceArn: /^arn:aws:s3:::[a-z0-9.*?-]+$/,
    sourceArnExample: 'arn:aws:s3:::my-source-bucket',
    source: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/enable-server-access-logging.html',
  },
  // Vended logs (VPC flow logs, ALB/NLB logs in most regions …): delivery.logs.amazonaws.com writes with
  // aws:SourceAccount and aws:SourceArn arn:aws:logs:<region>:<account>:* (CloudWatch Logs User Guide,
  // "Logs sent to Amazon S3").
  'delivery.logs.amazonaws.com': {
    sends: ['aws:SourceArn', 'aws:SourceAccount'],
    sourceArn: /^arn:aws:logs:[a-z0-9-]+:\d{12}:.+$/,
    sourceArnExample: 'arn:aws:logs:eu-central-1:111111111111:*',
    source: 'https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/AWS-logs-infrastructure-V2-S3.html',
  },
};

export function knownService(principal: string): KnownService | undefined {
  return Object.prototype.hasOwnProperty.call(KNOWN_SERVICES, principal) ? KNOWN_SERVICES[principal] : undefined;
}

/** Whether aws:SourceAccount defaults to the bucket's account for this service: only when it is known to send it. */
export function defaultsSourceAccount(principal: string): boolean {
  return knownService(principal)?.sends.includes('aws:SourceAccount') ?? false;
}
