import type { ValidatedPolicy } from '@cloud-copilot/iam-policy';
import { PreparedRequest, SimulationOutcome } from './simulate';

/**
 * Outcomes of simulated requests, by everything the simulation reads: the request's principal, action, resource,
 * resource account and context, and the name and text of every policy it is evaluated against (after slicing). One
 * memo can serve several verify runs in one process over variants of one output (the tests verify the bundled
 * output with one policy edited at a time): a request whose inputs are unchanged is not simulated again. The
 * simulation is a pure function of these inputs, so an outcome taken from the memo is the one a new simulation would
 * give; two requests share an outcome only when their keys, JSON texts of all inputs, are equal, and a request with an
 * input JSON cannot write exactly is never kept.
 */
export class SimulationMemo {
  private readonly outcomes = new Map<string, SimulationOutcome>();
  /** Each distinct policy text gets a number, so keys hold numbers instead of whole documents. */
  private readonly textIds = new Map<string, number>();
  private readonly policyIds = new WeakMap<ValidatedPolicy, number>();

  /** The memo's outcome for `prepared`, simulated by `simulate` the first time its inputs are seen. */
  async outcome(prepared: PreparedRequest, simulate: (prepared: PreparedRequest) => Promise<SimulationOutcome>): Promise<SimulationOutcome> {
    const key = this.key(prepared);
    if (key === undefined) return simulate(prepared);
    let outcome = this.outcomes.get(key);
    if (!outcome) {
      outcome = await simulate(prepared);
      this.outcomes.set(key, outcome);
    }
    return outcome;
  }

  /** Requests simulated so far: a test of the memo counts on it. */
  get size(): number {
    return this.outcomes.size;
  }

  /** Undefined when some input has no exact JSON text: that request is simulated every time. */
  private key({ request, identityPolicies, resourcePolicy, serviceControlPolicies, resourceControlPolicies }: PreparedRequest): string | undefined {
    const { principal, action, resource, resourceAccount, context } = request;
    const named = [identityPolicies, serviceControlPolicies, resourceControlPolicies]
      .map((policies) => policies?.map(({ name, policy }) => [name, this.policyId(policy)] as const) ?? null);
    const resourceId = resourcePolicy ? this.policyId(resourcePolicy) : null;
    const ids = [resourceId, ...named.flatMap((policies) => policies?.map(([, id]) => id) ?? [])];
    if (ids.includes(NOT_EXACT)) return undefined;
    return exactJson([principal, action, resource, resourceAccount, context, resourceId, ...named]);
  }

  private policyId(policy: ValidatedPolicy): number {
    let id = this.policyIds.get(policy);
    if (id === undefined) {
      id = this.textId(exactJson(policy.policyDocument));
      this.policyIds.set(policy, id);
    }
    return id;
  }

  private textId(text: string | undefined): number {
    if (text === undefined) return NOT_EXACT;
    let id = this.textIds.get(text);
    if (id === undefined) this.textIds.set(text, (id = this.textIds.size));
    return id;
  }
}

/** The id of a policy document without an exact JSON text. */
const NOT_EXACT = -1;

/**
 * The JSON text of `value`, or undefined when JSON would not tell it from another value: ±Infinity and NaN are
 * written as null and undefined is dropped, while the simulator compares `String(value)` and sees a key with an
 * undefined value. Documents parsed from JSON never hold these; a hand-built one might.
 */
function exactJson(value: unknown): string | undefined {
  let exact = true;
  const text = JSON.stringify(value, (_key, v: unknown) => {
    if (v !== undefined && (typeof v !== 'number' || Number.isFinite(v)) && !['bigint', 'function', 'symbol'].includes(typeof v)) return v;
    exact = false;
    // JSON.stringify would throw on a bigint; the text is not used anyway.
    return null;
  });
  return exact ? text : undefined;
}
