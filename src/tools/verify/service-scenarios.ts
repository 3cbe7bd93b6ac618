import { LIST_ACTION, OBJECT_ACTIONS } from '../../policy/actions';
import { GUARDRAIL_SIDS } from '../../policy/bucket-policy';
import { arnAccount, bucketArn } from '../../policy/naming';
import { Account, Bucket, Permission, ServiceGrant } from '../../registry/model';
import { KNOWN_SERVICES } from '../../registry/services';
import { ContextValue, Scenario, SimRequest } from './scenario';
import { concreteInstance, matchesPattern, OBJECT_NAME } from './stand-ins';

/** An account no registry declares: the source of a request made for someone else's resource. */
const FOREIGN_ACCOUNT = '999999999999';
/** Appended to a prefix's last segment, as for app sessions: outside the prefix yet sharing its first letters. */
const OUTSIDE_SUFFIX = '-outside/';
/** Services to stand for "a service the bucket does not declare", the first one it does not declare. */
const UNDECLARED_CANDIDATES = [...Object.keys(KNOWN_SERVICES), 'keyless-verify.amazonaws.com'];

/** Where a service request comes from: the confused-deputy keys it carries. */
interface Source {
  readonly arn?: string;
  readonly account?: string;
}

/**
 * What AWS services may do with a bucket: each declared one its permissions under its prefix for its own source, and
 * nothing for another source or outside the prefix; on an exclusive bucket, an undeclared service is denied by the
 * exclusive guardrail itself, whatever its source.
 */
export function serviceScenarios(bucket: Bucket, owner: Account): Scenario[] {
  const grants = bucket.services.flatMap((grant) => grantScenarios(bucket, owner, grant));
  return [...grants, ...undeclaredServiceScenarios(bucket, owner)];
}

function grantScenarios(bucket: Bucket, owner: Account, grant: ServiceGrant): Scenario[] {
  const own = ownSource(grant, owner);
  const scenario = (name: string, expected: Scenario['expected'], requests: readonly SimRequest[]): Scenario =>
    ({ bucket: bucket.name, scenario: `${grant.service} ${name}`, expected, requests });
  const use = (permission: Permission, prefix: string, source: Source) =>
    requests(bucket, owner, grant.service, permission, prefix, source);
  const url = (prefix: string) => `s3://${bucket.name}/${prefix}`;
  const outside = `${grant.prefix.slice(0, -1)}${OUTSIDE_SUFFIX}`;
  const first = grant.permissions[0];
  const otherArn = foreignArn(grant, own);
  return [
    ...grant.permissions.map((p) => scenario(`${p} under its prefix ${url(grant.prefix)} for its own source`, 'Allowed', use(p, grant.prefix, own))),
    ...(otherArn ? [scenario(`${first} ${url(grant.prefix)} for another aws:SourceArn ${otherArn}`, 'Denied', use(first, grant.prefix, { ...own, arn: otherArn }))] : []),
    ...(grant.sourceAccount !== undefined
      ? [scenario(`${first} ${url(grant.prefix)} for another aws:SourceAccount ${otherAccount(grant.sourceAccount)}`, 'Denied',
        use(first, grant.prefix, { ...own, account: otherAccount(grant.sourceAccount) }))]
      : []),
    ...grant.permissions.map((p) => scenario(`${p} outside its prefix ${url(outside)}`, 'Denied', use(p, outside, own))),
  ];
}

/**
 * A service the bucket does not declare, asking for what a declared one may do (or a read, without services): on an
 * exclusive bucket DenyPrincipalsOutsideRegistry must deny it, so an exemption widened to all services fails here.
 */
function undeclaredServiceScenarios(bucket: Bucket, owner: Account): Scenario[] {
  const declared = new Set(bucket.services.map((s) => s.service));
  const service = UNDECLARED_CANDIDATES.find((s) => !declared.has(s))!;
  const grant = bucket.services[0];
  const permission = grant?.permissions[0] ?? 'read';
  const prefix = grant?.prefix ?? 'keyless-verify/';
  const source = grant ? ownSource(grant, owner) : { account: owner.id };
  const name = `an AWS service the bucket does not declare (${service}): ${permission} s3://${bucket.name}/${prefix}`;
  const expectation = bucket.exclusive ? { expected: 'Denied' as const, expectedSid: GUARDRAIL_SIDS.principalsOutsideRegistry } : { expected: 'Denied' as const };
  return [{ bucket: bucket.name, scenario: name, ...expectation, requests: requests(bucket, owner, service, permission, prefix, source) }];
}

/** The keys the service sends when it acts for the declared resource: a concrete ARN matching the first pattern. */
function ownSource(grant: ServiceGrant, owner: Account): Source {
  const arn = grant.sourceArn.length ? concreteInstance(grant.sourceArn[0]) : undefined;
  return { arn, account: grant.sourceAccount ?? (arn ? arnAccount(arn) : undefined) ?? owner.id };
}

/** Another resource of the same kind in another account; none when the declared patterns match it too. */
function foreignArn(grant: ServiceGrant, own: Source): string | undefined {
  if (!own.arn) return undefined;
  const parts = own.arn.split(':');
  if (parts[4]) parts[4] = FOREIGN_ACCOUNT;
  const other = parts.join(':').replace(/[^:/]*$/, 'keylessverifyother');
  return grant.sourceArn.some((pattern) => matchesPattern(pattern, other)) ? undefined : other;
}

function otherAccount(account: string): string {
  return account === FOREIGN_ACCOUNT ? '999999999998' : FOREIGN_ACCOUNT;
}

/** The S3 requests a service makes for a permission at a prefix, with the context keys AWS sets for a service principal. */
function requests(bucket: Bucket, owner: Account, service: string, permission: Permission, prefix: string, source: Source): SimRequest[] {
  const context: Record<string, ContextValue> = {
    'aws:PrincipalServiceName': service,
    'aws:PrincipalIsAWSService': 'true',
    'aws:SecureTransport': 'true',
    ...(source.arn !== undefined && { 'aws:SourceArn': source.arn }),
    ...(source.account !== undefined && { 'aws:SourceAccount': source.account }),
  };
  const request = (action: string, resource: string, extra: Record<string, ContextValue> = {}): SimRequest => ({
    principal: service, action, resource, resourceAccount: owner.id, context: { ...context, ...extra },
    identity: [], resourcePolicy: { kind: 'bucket', bucket: bucket.name },
  });
  if (permission === 'list') return [request(LIST_ACTION, bucketArn(bucket.name), { 's3:prefix': prefix })];
  return OBJECT_ACTIONS[permission].map((action) => request(action, `${bucketArn(bucket.name)}/${prefix}${OBJECT_NAME}`));
}
