import { PolicyDocument } from '../../policy/document';
import { Decision } from './types';
import { PrincipalType } from './synthesized';

/**
 * What a request's principal is allowed by: policies of the synthesized output, or a stand-in for what keyless
 * does not manage (see stand-ins.ts).
 */
export type IdentitySource =
  /** Inline and attached policies of a role keyless creates; an error when the output lacks the role. */
  | { readonly kind: 'app-role'; readonly arn: string; readonly accountId: string; readonly name: string }
  /** Policies the output attaches to an existing role or user; none is a valid answer. */
  | { readonly kind: 'attached'; readonly accountId: string; readonly type: PrincipalType; readonly name: string }
  /** Policies the output creates unattached in an account, for its admins to attach (consumer = account root). */
  | { readonly kind: 'unattached'; readonly accountId: string }
  | { readonly kind: 'stand-in'; readonly name: string; readonly policy: PolicyDocument };

/** The resource-based policy that applies to a request, if any. */
export type ResourcePolicySource =
  | { readonly kind: 'trust'; readonly roleArn: string }
  | { readonly kind: 'bucket'; readonly bucket: string }
  /** A stand-in policy; with `roleArn`, in place of that role's trust policy (the request still carries its tags). */
  | { readonly kind: 'stand-in'; readonly name: string; readonly policy: PolicyDocument; readonly roleArn?: string }
  | { readonly kind: 'none' };

export type ContextValue = string | readonly string[];

/** One authorization AWS makes: a principal, an action on a resource, and every context key spelled out. */
export interface SimRequest {
  /** The ARN the request is signed as: a role session, a user or a root. */
  readonly principal: string;
  readonly action: string;
  readonly resource: string;
  readonly resourceAccount: string;
  readonly context: Readonly<Record<string, ContextValue>>;
  readonly identity: readonly IdentitySource[];
  readonly resourcePolicy: ResourcePolicySource;
}

/** An expected decision about a call that needs every one of `requests` allowed (AssumeRole + TagSession …). */
export interface Scenario {
  readonly app?: string;
  readonly bucket?: string;
  /** For account-wide scenarios (organization guardrails on roles): the account alias. */
  readonly account?: string;
  readonly scenario: string;
  readonly expected: Decision;
  /**
   * For a guardrail: the Sid of the Deny statement that must decide. Every request of the call must be explicitly
   * denied by it, so a removed guardrail cannot hide behind another denial. Only with `expected: 'Denied'`.
   */
  readonly expectedSid?: string;
  readonly requests: readonly SimRequest[];
}
