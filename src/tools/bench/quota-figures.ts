import {
  BUCKET_POLICY_MAX_CHARS,
  MANAGED_POLICIES_PER_PRINCIPAL,
  MANAGED_POLICY_MAX_CHARS,
  ROLE_INLINE_POLICIES_MAX_CHARS,
  ROLE_NAME_MAX_CHARS,
  ROLES_PER_ACCOUNT,
  TRUST_POLICY_MAX_CHARS,
} from '../../policy/limits';
import { iamPolicySize } from './policy-size';
import { resourcesOf, SynthesizedResource, SynthesizedStack } from '../synth-output';

/** The largest value of one quota-bound figure in a synthesized output, against its AWS quota. */
export interface QuotaFigure {
  readonly value: number;
  readonly quota: number;
  /** How many policies, roles, principals or accounts were measured: 0 means nothing was found. */
  readonly measured: number;
  /** Where the largest value is, `stack/key`. */
  readonly where?: string;
}

interface Measured {
  readonly key: string;
  readonly value: number;
}

export function bucketPolicySize(stacks: readonly SynthesizedStack[]): QuotaFigure {
  return largest(policySizes(resourcesOf(stacks, 'aws_s3_bucket_policy'), 'policy'), BUCKET_POLICY_MAX_CHARS);
}

export function trustPolicySize(stacks: readonly SynthesizedStack[]): QuotaFigure {
  return largest(policySizes(resourcesOf(stacks, 'aws_iam_role'), 'assume_role_policy'), TRUST_POLICY_MAX_CHARS);
}

/** IAM caps the sum of a role's inline policies, not each one. */
export function roleInlinePoliciesSize(stacks: readonly SynthesizedStack[]): QuotaFigure {
  const policies = resourcesOf(stacks, 'aws_iam_role_policy');
  return largest(sumBy(policies, (p) => `${p.stack}/${field(p, 'role')}`, (p) => iamPolicySize(field(p, 'policy'))), ROLE_INLINE_POLICIES_MAX_CHARS);
}

export function managedPolicySize(stacks: readonly SynthesizedStack[]): QuotaFigure {
  return largest(policySizes(resourcesOf(stacks, 'aws_iam_policy'), 'policy'), MANAGED_POLICY_MAX_CHARS);
}

export function managedPoliciesPerPrincipal(stacks: readonly SynthesizedStack[]): QuotaFigure {
  const attachments = [
    ...resourcesOf(stacks, 'aws_iam_role_policy_attachment').map((a) => ({ ...a, principal: `role/${field(a, 'role')}` })),
    ...resourcesOf(stacks, 'aws_iam_user_policy_attachment').map((a) => ({ ...a, principal: `user/${field(a, 'user')}` })),
  ];
  return largest(sumBy(attachments, (a) => `${a.stack}/${a.principal}`, () => 1), MANAGED_POLICIES_PER_PRINCIPAL);
}

/**
 * Roles per account, each account against its own quota: the "Roles per account" quota its registry entry declares
 * raised (`roleQuota`, by alias in `roleQuotas`), else the default. The account nearest its quota is reported.
 */
export function rolesPerAccount(stacks: readonly SynthesizedStack[], roleQuotas: ReadonlyMap<string, number> = new Map()): QuotaFigure {
  const quotaOf = (alias: string) => roleQuotas.get(alias) ?? ROLES_PER_ACCOUNT;
  const counts = sumBy(resourcesOf(stacks, 'aws_iam_role'), (r) => r.stack, () => 1);
  const top = counts.reduce<Measured | undefined>((max, m) => (!max || m.value / quotaOf(m.key) > max.value / quotaOf(max.key) ? m : max), undefined);
  return { value: top?.value ?? 0, quota: quotaOf(top?.key ?? ''), measured: counts.length, where: top?.key };
}

export function roleNameLength(stacks: readonly SynthesizedStack[]): QuotaFigure {
  const roles = resourcesOf(stacks, 'aws_iam_role');
  return largest(roles.map((r) => ({ key: `${r.stack}/${field(r, 'name')}`, value: field(r, 'name').length })), ROLE_NAME_MAX_CHARS);
}

/** Every figure bench reports, by the name its column and JSON key carry. */
export const QUOTA_FIGURES = {
  bucketPolicy: bucketPolicySize,
  trustPolicy: trustPolicySize,
  roleInlinePolicies: roleInlinePoliciesSize,
  managedPolicy: managedPolicySize,
  managedPoliciesPerPrincipal,
  rolesPerAccount,
  roleName: roleNameLength,
} as const;

export type QuotaFigures = { readonly [K in keyof typeof QUOTA_FIGURES]: QuotaFigure };

/** Every figure of `stacks`; `roleQuotas`: the raised "Roles per account" quotas the registry declares, by alias. */
export function quotaFigures(stacks: readonly SynthesizedStack[], roleQuotas: ReadonlyMap<string, number> = new Map()): QuotaFigures {
  const entries = Object.entries(QUOTA_FIGURES).map(([name, figure]) => [name, figure(stacks, roleQuotas)]);
  return Object.fromEntries(entries) as QuotaFigures;
}

function policySizes(resources: readonly SynthesizedResource[], attribute: string): Measured[] {
  return resources.map((r) => ({ key: `${r.stack}/${r.id}`, value: iamPolicySize(field(r, attribute)) }));
}

function sumBy<T>(items: readonly T[], key: (item: T) => string, value: (item: T) => number): Measured[] {
  const sums = new Map<string, number>();
  for (const item of items) sums.set(key(item), (sums.get(key(item)) ?? 0) + value(item));
  return [...sums].map(([k, v]) => ({ key: k, value: v }));
}

function largest(measured: readonly Measured[], quota: number): QuotaFigure {
  const top = measured.reduce<Measured | undefined>((max, m) => (!max || m.value > max.value ? m : max), undefined);
  return { value: top?.value ?? 0, quota, measured: measured.length, where: top?.key };
}

/** A string attribute the synthesized resource must have; its absence is a bug in the synth, not a size of 0. */
function field(resource: SynthesizedResource, attribute: string): string {
  const value = resource.config[attribute];
  if (typeof value !== 'string') throw new Error(`${resource.stack}/${resource.id} has no string "${attribute}"`);
  return value;
}
