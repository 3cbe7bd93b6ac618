import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { Registry } from '../../registry/model';
import { ENTRY_EXT } from '../package';
import { evaluateGroups } from './evaluate';
import { ScenarioGroup, ScenarioOptions } from './scenarios';
import { SynthesizedOutput } from './synthesized';
import { ScenarioResult } from './types';

/**
 * What each worker thread gets: the registry and where the output is, and which of scenarioGroups(registry,
 * scenarioOptions) to evaluate. The worker derives those scenarios itself: the registry is a fraction of their size.
 */
export interface WorkerInput {
  readonly registry: Registry;
  readonly scenarioOptions: ScenarioOptions;
  readonly outDir: string;
  readonly accountIds: ReadonlyMap<string, string>;
  /** Groups [from, to) of scenarioGroups(). */
  readonly from: number;
  readonly to: number;
}

/**
 * Workers start as plain JavaScript. Compiled, that is the worker's own file. From sources, tsx's `--import` hooks
 * are not ready when a worker loads its entry (Node 20) and jest's transform does not reach workers, so the worker
 * registers tsx itself before loading the TypeScript.
 */
const BOOTSTRAP = [
  ...(ENTRY_EXT === '.ts' ? ["require('tsx/cjs/api').register();"] : []),
  `require(${JSON.stringify(join(__dirname, `evaluate-worker${ENTRY_EXT}`))});`,
].join(' ');

type Evaluation = { results: ScenarioResult[]; errors: string[] };

/**
 * Evaluates `groups` (scenarioGroups of `input.registry`) on `threads` threads, one contiguous run of groups each (an
 * app's scenarios share requests and caches, so they stay together): the first run in this thread against `output`,
 * which it has read already, the others in worker threads. One thread fewer to start saves its start-up and its copy
 * of the simulator's data. Results are merged in the original order; errors keep their first-seen order.
 */
export async function evaluateInThreads(
  input: Omit<WorkerInput, 'from' | 'to'>,
  groups: readonly ScenarioGroup[],
  threads: number,
  output: SynthesizedOutput,
): Promise<Evaluation> {
  const size = Math.ceil(groups.length / threads);
  const chunks = Array.from({ length: threads }, (_, i) => ({ from: i * size, to: Math.min(groups.length, (i + 1) * size) })).filter((c) => c.to > c.from);
  const [here, ...elsewhere] = chunks;
  const inWorkers = Promise.all(elsewhere.map((chunk) => inWorker({ ...input, ...chunk })));
  // Handled below, after this thread's share: a worker failing meanwhile is not an unhandled rejection.
  inWorkers.catch(() => undefined);
  const local = here ? await evaluateGroups(groups.slice(here.from, here.to), output) : { results: [], errors: [] };
  const evaluations = [local, ...(await inWorkers)];
  return {
    results: evaluations.flatMap((e) => e.results),
    errors: [...new Set(evaluations.flatMap((e) => e.errors))],
  };
}

function inWorker(input: WorkerInput): Promise<Evaluation> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(BOOTSTRAP, { eval: true, workerData: input });
    worker.once('message', (evaluation: Evaluation) => {
      resolve(evaluation);
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`verify worker exited with ${code} before reporting`)));
  });
}
