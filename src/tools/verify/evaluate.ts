import { PolicyResolver, ResolverOptions } from './policy-resolver';
import { Scenario, SimRequest } from './scenario';
import { ScenarioGroup } from './scenarios';
import { PreparedRequest, simulate, SimulationOutcome } from './simulate';
import { SimulationMemo } from './simulation-memo';
import { SynthesizedOutput } from './synthesized';
import { Decision, ScenarioResult } from './types';

type RequestOutcome = { readonly request: SimRequest } & SimulationOutcome;

/**
 * Simulates every scenario against the synthesized policies; also returns invalid policies found on the way.
 * Scenarios share requests (every rejected AssumeRole call repeats the valid TagSession): each is simulated once.
 */
export async function evaluateScenarios(
  scenarios: readonly Scenario[],
  output: SynthesizedOutput,
  options: EvaluatorOptions = {},
): Promise<Evaluation> {
  return evaluateGroups([() => [...scenarios]], output, options);
}

/**
 * Evaluates group after group, each derived only now: requests repeat within a group (an app's scenarios), so the
 * memo of simulated requests is kept for one group and then dropped, with the group's scenarios. A request that
 * recurs in another group is simulated again, with the same outcome. The policy caches last for the whole run.
 */
export async function evaluateGroups(
  groups: readonly ScenarioGroup[],
  output: SynthesizedOutput,
  options: EvaluatorOptions = {},
): Promise<Evaluation> {
  return new GroupEvaluator(output, options).evaluate(groups);
}

export interface EvaluatorOptions extends ResolverOptions {
  /** Outcomes to reuse, and to add to, across runs in this thread (see simulation-memo.ts); none by default. */
  readonly memo?: SimulationMemo;
}

export interface Evaluation {
  readonly results: ScenarioResult[];
  /** Invalid policies, in the order they were first met. */
  readonly errors: string[];
}

/** Evaluates runs of scenario groups against one output, one after another, keeping its policy caches between them. */
export class GroupEvaluator {
  private readonly resolver: PolicyResolver;
  private readonly simulate: (prepared: PreparedRequest) => Promise<SimulationOutcome>;

  constructor(output: SynthesizedOutput, { memo, ...options }: EvaluatorOptions = {}) {
    this.resolver = new PolicyResolver(output, options);
    this.simulate = memo ? (prepared) => memo.outcome(prepared, simulate) : simulate;
  }

  /** The run's results, and the invalid policies this evaluator met for the first time in it. */
  async evaluate(groups: readonly ScenarioGroup[]): Promise<Evaluation> {
    const known = this.resolver.errors.size;
    const results: ScenarioResult[] = [];
    for (const group of groups) results.push(...(await evaluateGroup(group(), this.resolver, this.simulate)));
    return { results, errors: [...this.resolver.errors].slice(known) };
  }
}

async function evaluateGroup(
  scenarios: readonly Scenario[],
  resolver: PolicyResolver,
  simulatePrepared: (prepared: PreparedRequest) => Promise<SimulationOutcome>,
): Promise<ScenarioResult[]> {
  const evaluated = new Map<string, SimulationOutcome>();
  const evaluate = async (request: SimRequest): Promise<SimulationOutcome> => {
    const key = JSON.stringify(request);
    let result = evaluated.get(key);
    if (!result) {
      const prepared = resolver.prepare(request);
      result = 'error' in prepared ? prepared : await simulatePrepared(prepared.value);
      evaluated.set(key, result);
    }
    return result;
  };
  const results: ScenarioResult[] = [];
  for (const scenario of scenarios) {
    const outcomes: RequestOutcome[] = [];
    for (const request of scenario.requests) outcomes.push({ request, ...(await evaluate(request)) });
    results.push(scenarioResult(scenario, outcomes));
  }
  return results;
}

/**
 * A call is allowed when each authorization it needs is; the first denial names the deciding statement. A guardrail
 * scenario (`expectedSid`) passes only when that Deny statement is among those that denied each authorization.
 */
function scenarioResult(scenario: Scenario, outcomes: readonly RequestOutcome[]): ScenarioResult {
  const { app, bucket, account, expected, expectedSid } = scenario;
  const failed = outcomes.find((o) => 'error' in o);
  const denied = outcomes.find((o) => 'outcome' in o && o.outcome.result !== 'Allowed');
  const actual: Decision | 'Error' = failed ? 'Error' : denied ? 'Denied' : 'Allowed';
  const notByExpected = actual === 'Denied' && expectedSid !== undefined
    ? outcomes.filter((o) => 'outcome' in o && !(o.outcome.denyingSids ?? []).includes(expectedSid))
    : [];
  // When several Deny statements match, each decides alike: name the expected one when it is among them.
  const decidingSid = actual === 'Denied' && expectedSid !== undefined && !notByExpected.length
    ? expectedSid
    : denied && 'outcome' in denied ? denied.outcome.decidingSid : undefined;
  const mismatch = notByExpected.length
    ? [`expected the Deny statement ${expectedSid} to decide, but it did not deny ${notByExpected.map((o) => o.request.action).join(', ')}`]
    : [];
  const detail = [...mismatch, ...outcomes.map(describe)].join('\n');
  return {
    ...(app !== undefined && { app }),
    ...(bucket !== undefined && { bucket }),
    ...(account !== undefined && { account }),
    scenario: scenario.scenario,
    expected,
    ...(expectedSid !== undefined && { expectedSid }),
    actual,
    pass: actual === expected && !notByExpected.length,
    ...(decidingSid !== undefined && { decidingSid }),
    detail,
  };
}

function describe(o: RequestOutcome): string {
  const what = `${o.request.action} on ${o.request.resource} as ${o.request.principal}`;
  return 'error' in o ? `${what}: ${o.error}` : `${what}: ${o.outcome.result}, ${o.outcome.reason}`;
}
