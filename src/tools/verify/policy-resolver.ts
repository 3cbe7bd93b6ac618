import type { ValidatedPolicy } from '@cloud-copilot/iam-policy';
import { PolicyDocument } from '../../policy/document';
import { sliceForAction } from './action-slice';
import { sliceForResource } from './resource-slice';
import { IdentitySource, ResourcePolicySource, SimRequest } from './scenario';
import { PolicyKind, PreparedRequest, validatePolicy } from './simulate';
import { PolicySource, principalKey, SynthesizedOutput } from './synthesized';

/**
 * Only the organization's policies are cut by action: they hold statements about many services, while an identity
 * or bucket policy holds few that a request's action does not match, and a copy per action and resource would cost
 * more memory than it saves time (1000-app bench: 254 → 295 MB, no faster).
 */
const CONTROL_POLICIES: ReadonlySet<PolicyKind> = new Set(['service control', 'resource control']);

type Resolved<T> = { readonly value: T } | { readonly error: string };
type NamedPolicy = { readonly name: string; readonly policy: ValidatedPolicy };

export interface ResolverOptions {
  /**
   * Cut policies to the Resource entries and statements that can match each request's resource and action (default
   * on; off is the plain path).
   */
  readonly sliceResources?: boolean;
}

/**
 * Looks up the policies each request needs in the synthesized output and validates each policy once, however
 * many scenarios use it (a thousand apps share one bucket policy).
 */
export class PolicyResolver {
  /** By kind, then document: one document can stand in as an identity and as a resource policy, valid as only one. */
  private readonly validated = new Map<PolicyKind, WeakMap<object, Resolved<ValidatedPolicy>>>();
  /** Policies cut down to one request's resource and action, by policy, then action and resource (see *-slice.ts). */
  private readonly sliced = new WeakMap<ValidatedPolicy, Map<string, ValidatedPolicy>>();
  /** Invalid synthesized policies, each reported once. */
  readonly errors = new Set<string>();

  constructor(private readonly output: SynthesizedOutput, private readonly options: ResolverOptions = {}) {}

  prepare(request: SimRequest): Resolved<PreparedRequest> {
    const identityPolicies: NamedPolicy[] = [];
    for (const source of request.identity) {
      const resolved = this.identity(source);
      if ('error' in resolved) return resolved;
      for (const { name, policy } of resolved.value) identityPolicies.push({ name, policy: this.slice(policy, 'identity', request) });
    }
    const resourcePolicy = this.resourcePolicy(request.resourcePolicy);
    if ('error' in resourcePolicy) return resourcePolicy;
    const control = this.controlPolicies(request);
    if ('error' in control) return control;
    const sliced = resourcePolicy.value && this.slice(resourcePolicy.value, resourceKind(request.resourcePolicy), request);
    return { value: { request: this.withResourceTags(request), identityPolicies, resourcePolicy: sliced, ...control.value } };
  }

  /**
   * SCPs govern the principals of member accounts, RCPs their resources. A service principal belongs to no account
   * (no aws:PrincipalAccount): SCPs never apply to it.
   */
  private controlPolicies(request: SimRequest): Resolved<Pick<PreparedRequest, 'serviceControlPolicies' | 'resourceControlPolicies'>> {
    const organization = this.output.organization;
    if (!organization) return { value: {} };
    const principalAccount = request.context['aws:PrincipalAccount'];
    const value: { serviceControlPolicies?: NamedPolicy[]; resourceControlPolicies?: NamedPolicy[] } = {};
    if (typeof principalAccount === 'string' && organization.members.has(principalAccount)) {
      const scps = this.control(organization.serviceControlPolicies, 'service control', request);
      if ('error' in scps) return scps;
      value.serviceControlPolicies = scps.value;
    }
    if (organization.members.has(request.resourceAccount)) {
      const rcps = this.control(organization.resourceControlPolicies, 'resource control', request);
      if ('error' in rcps) return rcps;
      value.resourceControlPolicies = rcps.value;
    }
    return { value };
  }

  private control(sources: readonly PolicySource[], kind: PolicyKind, request: SimRequest): Resolved<NamedPolicy[]> {
    const policies: NamedPolicy[] = [];
    for (const source of sources) {
      const checked = this.check(source, kind);
      if ('error' in checked) return checked;
      policies.push({ name: source.address, policy: this.slice(checked.value, kind, request) });
    }
    return { value: policies };
  }

  /**
   * A request on a role carries the role's tags as `aws:ResourceTag/<key>`, as AWS sets them (the simulator fills in
   * no keys): a consumer policy by tag decides on them.
   */
  private withResourceTags(request: SimRequest): SimRequest {
    const source = request.resourcePolicy;
    const roleArn = source.kind === 'trust' || source.kind === 'stand-in' ? source.roleArn : undefined;
    if (roleArn === undefined) return request;
    const tags = this.output.roles.get(roleArn)?.tags ?? {};
    const keys = Object.entries(tags).map(([key, value]) => [`aws:ResourceTag/${key}`, value]);
    return keys.length ? { ...request, context: { ...Object.fromEntries(keys), ...request.context } } : request;
  }

  /** Each policy is cut for each action and resource once: an app's scenarios ask about the same few. */
  private slice(policy: ValidatedPolicy, kind: PolicyKind, { action, resource }: SimRequest): ValidatedPolicy {
    if (this.options.sliceResources === false) return policy;
    let byRequest = this.sliced.get(policy);
    if (!byRequest) this.sliced.set(policy, (byRequest = new Map()));
    const byAction = CONTROL_POLICIES.has(kind);
    const key = byAction ? `${action} ${resource}` : resource;
    let sliced = byRequest.get(key);
    if (!sliced) {
      const forResource = sliceForResource(policy.policyDocument, resource);
      const document = byAction ? sliceForAction(forResource, action) : forResource;
      const cut = document === policy.policyDocument ? policy : validatePolicy(document, kind);
      // The simulator reads a policy's validation errors: a cut must not raise one the whole policy does not.
      sliced = cut.errors.length ? policy : cut;
      byRequest.set(key, sliced);
    }
    return sliced;
  }

  private identity(source: IdentitySource): Resolved<NamedPolicy[]> {
    const { output } = this;
    switch (source.kind) {
      case 'stand-in': {
        const policy = this.standIn(source.policy, 'identity');
        return 'error' in policy ? policy : { value: [{ name: source.name, policy: policy.value }] };
      }
      case 'unattached':
        return this.all(output.unattachedPolicies.get(source.accountId) ?? []);
      case 'attached':
        return this.all(output.identityPolicies.get(principalKey(source.accountId, source.type, source.name)) ?? []);
      case 'app-role':
        if (!output.roles.has(source.arn)) return missingRole(source.arn);
        return this.all(output.identityPolicies.get(principalKey(source.accountId, 'role', source.name)) ?? []);
    }
  }

  private resourcePolicy(source: ResourcePolicySource): Resolved<ValidatedPolicy | undefined> {
    switch (source.kind) {
      case 'none':
        return { value: undefined };
      case 'stand-in':
        return this.standIn(source.policy, 'resource');
      case 'trust': {
        const role = this.output.roles.get(source.roleArn);
        return role ? this.check(role.trust, 'trust') : missingRole(source.roleArn);
      }
      case 'bucket': {
        const policy = this.output.bucketPolicies.get(source.bucket);
        if (!policy) return { error: `no bucket policy for ${source.bucket} in the synthesized output; synthesize again` };
        return this.check(policy, 'resource');
      }
    }
  }

  private all(sources: readonly PolicySource[]): Resolved<NamedPolicy[]> {
    const policies: NamedPolicy[] = [];
    for (const source of sources) {
      const checked = this.check(source, 'identity');
      if ('error' in checked) return checked;
      policies.push({ name: source.address, policy: checked.value });
    }
    return { value: policies };
  }

  private standIn(document: PolicyDocument, kind: PolicyKind): Resolved<ValidatedPolicy> {
    return this.check({ location: 'stand-ins.ts', address: 'stand-in policy', document, errors: [] }, kind, document);
  }

  /** A synthesized policy, validated once; an unrenderable or invalid one is an error for every scenario using it. */
  private check(source: PolicySource, kind: PolicyKind, cacheKey: object = source): Resolved<ValidatedPolicy> {
    let ofKind = this.validated.get(kind);
    if (!ofKind) this.validated.set(kind, (ofKind = new WeakMap()));
    const cached = ofKind.get(cacheKey);
    if (cached) return cached;
    let resolved: Resolved<ValidatedPolicy>;
    if (source.document === undefined) {
      resolved = { error: source.errors.join('\n') };
    } else {
      const policy = validatePolicy(source.document, kind);
      const problems = policy.errors.map((e) => `${e.path}: ${e.message}`);
      resolved = problems.length
        ? { error: `${source.location}: error: ${source.address} is not a valid ${kind} policy (${problems.join('; ')}); fix the builder in src/policy` }
        : { value: policy };
      if ('error' in resolved) this.errors.add(resolved.error);
    }
    ofKind.set(cacheKey, resolved);
    return resolved;
  }
}

/** A trust policy is the role's resource policy; anything else in that place is a bucket's or a stand-in's. */
function resourceKind(source: ResourcePolicySource): PolicyKind {
  return source.kind === 'trust' ? 'trust' : 'resource';
}

function missingRole(arn: string): { error: string } {
  return { error: `role ${arn} is not in the synthesized output; synthesize again` };
}
