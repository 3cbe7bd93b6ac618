import { Account, Bucket } from '../registry/model';
import { ConditionBlock } from './document';
import { accountRootArn, appRolePattern } from './naming';

/**
 * Who the exclusive guardrail (`DenyPrincipalsOutsideRegistry`) lets through, in one place for every policy that
 * repeats it (the bucket policy, an organization's resource control policy).
 */
export interface ExclusiveExemptions {
  /** ArnLike patterns of `aws:PrincipalArn`: app roles, the root, the CI roles, breakGlass. */
  readonly principalArns: readonly string[];
  /** `aws:PrincipalServiceName` values: the AWS services the bucket declares. */
  readonly serviceNames: readonly string[];
}

/** Who may use an exclusive bucket: app roles, breakGlass, the root, the CI roles (for this policy only), its declared services. */
export function exclusiveExemptions(bucket: Bucket, owner: Account): ExclusiveExemptions {
  return { principalArns: trustedPrincipals(owner), serviceNames: [...new Set(bucket.services.map((s) => s.service))].sort() };
}

/** The IAM principals an exclusive bucket of `owner` admits. */
export function trustedPrincipals(owner: Account): string[] {
  return [
    appRolePattern(owner.id),
    accountRootArn(owner.id),
    ...(owner.deployRole ? [owner.deployRole] : []),
    ...(owner.planRole ? [owner.planRole] : []),
    ...owner.breakGlass,
  ];
}

/**
 * The Deny's condition: true for every request that is not from an exempt principal. A request from a service
 * principal carries no aws:PrincipalArn, and a negated operator on a missing key is true (IAM User Guide, "IAM JSON
 * policy elements: Condition operators"), so ArnNotLike alone denies every service. aws:PrincipalServiceName is
 * present only in a service principal's requests (IAM User Guide, "AWS global condition context keys"):
 * StringNotEqualsIfExists is true for IAM principals, which ArnNotLike then decides, and for undeclared services, and
 * false only for a declared one. Both operators in one statement must hold for the Deny to apply.
 */
export function outsideRegistryCondition(exemptions: ExclusiveExemptions): ConditionBlock {
  return {
    ArnNotLike: { 'aws:PrincipalArn': [...exemptions.principalArns] },
    ...(exemptions.serviceNames.length && { StringNotEqualsIfExists: { 'aws:PrincipalServiceName': [...exemptions.serviceNames] } }),
  };
}
