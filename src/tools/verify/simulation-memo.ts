import type { ValidatedPolicy } from '@cloud-copilot/iam-policy';
import { PreparedRequest, SimulationOutcome } from './simulate';

type NamedPolicies = PreparedRequest['identityPolicies'] | undefined;

/**
 * Outcomes of simulated requests, by everything the simulation reads: the request's principal, action, resource,
 * resource account and context, and the name and text of every policy it is evaluated against (after slicing). One
 * memo can serve several verify runs in one process over variants of one output (the tests verify the bundled
 * output with one policy edited at a time): a request whose inputs are unchanged is not simulated again. The
 * simulation is a pure function of these inputs, so an outcome taken from the memo is the one a new simulation would
 * give; two requests share an outcome only when their keys, JSON texts of all inputs, are equal.
 */
export class SimulationMemo {
  private readonly outcomes = new Map<string, SimulationOutcome>();
  /** Each distinct policy text gets a number, so keys hold numbers instead of whole documents. */
  private readonly textIds = new Map<string, number>();
  private readonly policyIds = new WeakMap<ValidatedPolicy, number>();

  /** The memo's outcome for `prepared`, simulated by `simulate` the first time its inputs are seen. */
  async outcome(prepared: PreparedRequest, simulate: (prepared: PreparedRequest) => Promise<SimulationOutcome>): Promise<SimulationOutcome> {
    const key = this.key(prepared);
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

  private key({ request, identityPolicies, resourcePolicy, serviceControlPolicies, resourceControlPolicies }: PreparedRequest): string {
    const { principal, action, resource, resourceAccount, context } = request;
    return JSON.stringify([
      principal, action, resource, resourceAccount, context,
      this.named(identityPolicies), resourcePolicy && this.policyId(resourcePolicy),
      this.named(serviceControlPolicies), this.named(resourceControlPolicies),
    ]);
  }

  private named(policies: NamedPolicies): (string | number)[][] | null {
    return policies ? policies.map(({ name, policy }) => [name, this.policyId(policy)]) : null;
  }

  private policyId(policy: ValidatedPolicy): number {
    let id = this.policyIds.get(policy);
    if (id === undefined) {
      const text = JSON.stringify(policy.policyDocument);
      id = this.textIds.get(text);
      if (id === undefined) this.textIds.set(text, (id = this.textIds.size));
      this.policyIds.set(policy, id);
    }
    return id;
  }
}
