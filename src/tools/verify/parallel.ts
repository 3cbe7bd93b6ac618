import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { ENTRY_EXT } from '../package';
import { Scenario } from './scenario';
import { ScenarioResult } from './types';

/** What each worker thread gets: where the output is, how its workspaces map to accounts, and its scenarios. */
export interface WorkerInput {
  readonly outDir: string;
  readonly accountIds: ReadonlyMap<string, string>;
  readonly scenarios: readonly Scenario[];
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
 * Evaluates `scenarios` in `threads` worker threads, one contiguous chunk each (an app's scenarios share requests,
 * so they stay together), and merges the results in the original order; errors keep their first-seen order.
 */
export async function evaluateInThreads(
  scenarios: readonly Scenario[],
  outDir: string,
  accountIds: ReadonlyMap<string, string>,
  threads: number,
): Promise<Evaluation> {
  const size = Math.ceil(scenarios.length / threads);
  const chunks = Array.from({ length: threads }, (_, i) => scenarios.slice(i * size, (i + 1) * size)).filter((c) => c.length);
  const evaluations = await Promise.all(chunks.map((chunk) => inWorker({ outDir, accountIds, scenarios: chunk })));
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
