import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { Registry } from '../../registry/model';
import { ScenarioOptions } from './scenarios';
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
 * Workers start as plain JavaScript: tsx's `--import` hooks are not ready when a worker loads its entry (Node 20),
 * and jest's transform does not reach workers, so the worker registers tsx itself before loading the TypeScript.
 */
const BOOTSTRAP = `require('tsx/cjs/api').register(); require(${JSON.stringify(join(__dirname, 'evaluate-worker.ts'))});`;

type Evaluation = { results: ScenarioResult[]; errors: string[] };

/**
 * Evaluates the `groups` scenario groups of `registry` in `threads` worker threads, one contiguous run of groups each
 * (an app's scenarios share requests and caches, so they stay together), and merges the results in the original
 * order; errors keep their first-seen order.
 */
export async function evaluateInThreads(
  input: Omit<WorkerInput, 'from' | 'to'>,
  groups: number,
  threads: number,
): Promise<Evaluation> {
  const size = Math.ceil(groups / threads);
  const chunks = Array.from({ length: threads }, (_, i) => ({ from: i * size, to: Math.min(groups, (i + 1) * size) })).filter((c) => c.to > c.from);
  const evaluations = await Promise.all(chunks.map((chunk) => inWorker({ ...input, ...chunk })));
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
