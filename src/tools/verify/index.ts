import { availableParallelism } from 'node:os';
import { Registry } from '../../registry/model';
import { evaluateGroups } from './evaluate';
import { evaluateInThreads } from './parallel';
import { ScenarioGroup, scenarioGroups } from './scenarios';
import { SimulationMemo } from './simulation-memo';
import { indexSynthesized, SynthesizedOutput } from './synthesized';
import { OutputDirError } from '../synth-output';
import { readWorkspaces } from './terraform-json';
import { ScenarioResult, VerifyReport } from './types';

export type { Decision, ScenarioResult, VerifyReport } from './types';

export interface VerifyOptions {
  /** Only these apps' scenarios, and the bucket scenarios of the buckets they use. */
  readonly apps?: readonly string[];
  /**
   * Threads to evaluate in (this one and worker threads); by default one per core up to MAX_THREADS, and only this
   * one below PARALLEL_FROM apps.
   */
  readonly threads?: number;
  /**
   * Outcomes to reuse across runs that verify variants of one output in this process, e.g. tests that edit one
   * policy at a time: only requests whose inputs changed are simulated again. In one thread only (`threads` 1).
   */
  readonly memo?: SimulationMemo;
}

/** More threads than this mostly add start-up time and memory: each loads the simulator's IAM data. */
const MAX_THREADS = 4;
/**
 * Below this many scenario groups (apps, ~34 scenarios each), starting worker threads costs more than it saves
 * (bench: 353 scenarios took 1.07 s threaded, 0.86 s in one thread; 3401 took 3.7 s and 4.0 s).
 */
const PARALLEL_FROM = 30;

/**
 * Simulates the expected-access matrix of `registry` against the policies synthesized into `outDir`
 * (a `cdktf.out`-style directory with `stacks/<alias>/cdk.tf.json`).
 */
export async function verifyOutput(registry: Registry, outDir: string, options: VerifyOptions = {}): Promise<VerifyReport> {
  const unknownApps = (options.apps ?? []).filter((id) => !registry.apps.some((a) => a.id === id));
  if (unknownApps.length) {
    return report([], unknownApps.map((id) => `error: no app "${id}" in the registry; pass ids from apps/*.yaml`));
  }
  const accountIds = new Map(registry.accounts.map((a) => [a.alias, a.id]));
  const output = readOutput(accountIds, outDir);
  if ('error' in output) return report([], [output.error]);
  const scenarioOptions = { apps: options.apps };
  const groups = scenarioGroups(registry, scenarioOptions);
  const threads = options.memo ? 1 : options.threads ?? defaultThreads(groups);
  const { results, errors } = threads > 1
    ? await evaluateInThreads({ registry, scenarioOptions, outDir, accountIds }, groups, threads, output)
    : await evaluateGroups(groups, output, { memo: options.memo });
  return report(results, [...output.errors, ...errors]);
}

function defaultThreads(groups: readonly ScenarioGroup[]): number {
  return groups.length < PARALLEL_FROM ? 1 : Math.min(availableParallelism(), MAX_THREADS);
}

function readOutput(accountIds: ReadonlyMap<string, string>, outDir: string): SynthesizedOutput | { error: string } {
  try {
    const { stacks, errors } = readWorkspaces(outDir, accountIds);
    return indexSynthesized(stacks, errors);
  } catch (e) {
    if (e instanceof OutputDirError) return { error: e.message };
    throw e;
  }
}

function report(results: ScenarioResult[], errors: string[]): VerifyReport {
  const passed = results.filter((r) => r.pass).length;
  return { results, passed, failed: results.length - passed, errors };
}
