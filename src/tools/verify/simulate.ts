import {
  createValidatedPolicy,
  validateIdentityPolicy,
  validateResourceControlPolicy,
  validateResourcePolicy,
  validateServiceControlPolicy,
  validateTrustPolicy,
  type ValidatedPolicy,
  type ValidationError,
} from '@cloud-copilot/iam-policy';
import {
  getDenialReasons,
  getGrantReasons,
  runSimulation,
  type EvaluationResult,
  type RequestAnalysis,
  type RunSimulationResults,
} from '@cloud-copilot/iam-simulate';
import { SimRequest } from './scenario';
import { installSimulatorMemos } from './simulator-memos';

installSimulatorMemos();

export type PolicyKind = 'identity' | 'resource' | 'trust' | 'service control' | 'resource control';

const VALIDATORS: Record<PolicyKind, (policy: unknown) => ValidationError[]> = {
  identity: validateIdentityPolicy,
  resource: validateResourcePolicy,
  trust: validateTrustPolicy,
  'service control': validateServiceControlPolicy,
  'resource control': validateResourceControlPolicy,
};

/**
 * The organization's own FullAWSAccess SCP: SCPs only ever filter, so without an Allow in them nothing would pass.
 * (The simulator adds RCPFullAWSAccess by itself.)
 */
const FULL_AWS_ACCESS_DOCUMENT = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] };
/** One level of the organization: keyless's policies are attached to the OU of the registry's accounts. */
const ORG_LEVEL = 'keyless-verify-ou';

/** A policy checked once, so the many simulations that use it skip re-validation. */
export function validatePolicy(document: unknown, kind: PolicyKind): ValidatedPolicy {
  return createValidatedPolicy(document, VALIDATORS[kind]);
}

const FULL_AWS_ACCESS = { name: 'FullAWSAccess', policy: validatePolicy(FULL_AWS_ACCESS_DOCUMENT, 'service control') };

/** A request with its policies looked up and validated. */
export interface PreparedRequest {
  readonly request: SimRequest;
  readonly identityPolicies: readonly { readonly name: string; readonly policy: ValidatedPolicy }[];
  readonly resourcePolicy?: ValidatedPolicy;
  /** Service control policies governing the principal's account, when it is an organization member. */
  readonly serviceControlPolicies?: readonly { readonly name: string; readonly policy: ValidatedPolicy }[];
  /** Resource control policies governing the resource's account, when it is an organization member. */
  readonly resourceControlPolicies?: readonly { readonly name: string; readonly policy: ValidatedPolicy }[];
}

export interface Outcome {
  readonly result: EvaluationResult;
  /** Sid of the explicit Deny that decided, when there is one: the first of `denyingSids`. */
  readonly decidingSid?: string;
  /**
   * Sids of every explicit Deny that matched, in policy order. AWS does not rank matching Denies, and the simulator
   * reports each of them, so any one of these decided the request.
   */
  readonly denyingSids?: readonly string[];
  /** Which policies and statements allowed or denied it, for the report. */
  readonly reason: string;
}

export type SimulationOutcome = { readonly outcome: Outcome } | { readonly error: string };

/**
 * Evaluates one request as AWS would. Every context key must be one the action supports: a key the simulator
 * ignores means the scenario does not test what it claims, so it is reported as an error, not a decision.
 */
export async function simulate(prepared: PreparedRequest): Promise<SimulationOutcome> {
  const { request } = prepared;
  const response = await runSimulation({
    request: {
      principal: request.principal,
      action: request.action,
      resource: { resource: request.resource, accountId: request.resourceAccount },
      contextVariables: request.context as Record<string, string | string[]>,
    },
    identityPolicies: prepared.identityPolicies.map(({ name, policy }) => ({ name, policy })),
    serviceControlPolicies: prepared.serviceControlPolicies
      ? [{ orgIdentifier: ORG_LEVEL, policies: [FULL_AWS_ACCESS, ...prepared.serviceControlPolicies] }]
      : [],
    resourceControlPolicies: prepared.resourceControlPolicies ? [{ orgIdentifier: ORG_LEVEL, policies: [...prepared.resourceControlPolicies] }] : [],
    resourcePolicy: prepared.resourcePolicy,
  }, { simulationMode: 'Strict' });
  if (response.resultType === 'error') {
    return { error: `the simulator rejected ${request.action} on ${request.resource}: ${JSON.stringify(response.errors)}` };
  }
  const ignored = ignoredKeys(response);
  if (ignored.length) {
    return { error: `scenario bug: ${request.action} does not take context keys ${ignored.join(', ')}; remove them from the scenario` };
  }
  const analysis = response.resultType === 'single' ? response.result.analysis : response.results[0]?.analysis;
  return { outcome: { result: response.overallResult, ...explain(analysis) } };
}

function ignoredKeys(response: Exclude<RunSimulationResults, { resultType: 'error' }>): string[] {
  const results = response.resultType === 'single' ? [response.result] : response.results;
  return [...new Set(results.flatMap((r) => r.ignoredContextKeys ?? []))];
}

function explain(analysis: RequestAnalysis | undefined): Omit<Outcome, 'result'> {
  if (!analysis) return { reason: 'no resource matched' };
  if (analysis.result === 'Allowed') {
    const grants = getGrantReasons(analysis).map((g) => `${g.policyType} ${g.statementId ?? `#${g.statementIndex}`}`);
    return { reason: `allowed by ${grants.join(', ') || 'implicit trust'}` };
  }
  const denials = getDenialReasons(analysis);
  const explicit = denials.flatMap((d) => (d.denialType === 'Explicit' ? [d] : []));
  if (explicit.length) {
    const denyingSids = explicit.flatMap((d) => (d.statementId === undefined ? [] : [d.statementId]));
    const which = explicit.map((d) => `${d.statementId ?? `#${d.statementIndex}`} in the ${d.policyType} policy`);
    return {
      ...(denyingSids.length > 0 && { decidingSid: denyingSids[0], denyingSids }),
      reason: `explicit Deny ${which.join(', ')}`,
    };
  }
  return { reason: `no Allow in the ${[...new Set(denials.map((d) => d.policyType))].join(' or ')} policy` };
}
