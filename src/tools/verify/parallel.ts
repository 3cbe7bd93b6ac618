import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { Registry } from '../../registry/model';
import { ENTRY_EXT } from '../package';
import { Evaluation, GroupEvaluator } from './evaluate';
import { ScenarioGroup, ScenarioOptions } from './scenarios';
import { SynthesizedOutput } from './synthesized';

/**
 * What each worker thread gets: the registry and where the output is. The worker derives scenarioGroups(registry,
 * scenarioOptions) itself (the registry is a fraction of their size) and evaluates the batches it is sent.
 */
export interface WorkerInput {
  readonly registry: Registry;
  readonly scenarioOptions: ScenarioOptions;
  readonly outDir: string;
  readonly accountIds: ReadonlyMap<string, string>;
}

/** Groups [from, to) of scenarioGroups(), the `index`th batch. */
export interface Batch {
  readonly index: number;
  readonly from: number;
  readonly to: number;
}

/** What a worker posts: `ready` once it has read the output, then one Evaluation per batch it was sent. */
export type WorkerMessage = 'ready' | Evaluation;

/**
 * Batches per thread: small enough that the threads finish close together (a worker starts a second or so after this
 * thread, and other processes take the cores unevenly), large enough that posting results costs little.
 */
const BATCHES_PER_THREAD = 16;
const MIN_BATCH = 4;

/**
 * Workers start as plain JavaScript. Compiled, that is the worker's own file. From sources, tsx's `--import` hooks
 * are not ready when a worker loads its entry (Node 20) and jest's transform does not reach workers, so the worker
 * registers tsx itself before loading the TypeScript.
 */
const BOOTSTRAP = [
  ...(ENTRY_EXT === '.ts' ? ["require('tsx/cjs/api').register();"] : []),
  `require(${JSON.stringify(join(__dirname, `evaluate-worker${ENTRY_EXT}`))});`,
].join(' ');

/**
 * Evaluates `groups` (scenarioGroups of `input.registry`) on `threads` threads: this one, against `output`, which it
 * has read already, and `threads - 1` worker threads, each with its own read of the output and copy of the
 * simulator's data. The groups go out in batches of consecutive groups (an app's scenarios stay together, sharing
 * requests), each to whichever thread is free, so the threads finish together whatever their start-up or share of the
 * cores. Results are merged in the original order; errors keep their first-seen order.
 */
export async function evaluateInThreads(
  input: WorkerInput,
  groups: readonly ScenarioGroup[],
  threads: number,
  output: SynthesizedOutput,
): Promise<Evaluation> {
  const batches = batchesOf(groups.length, threads);
  const evaluations: Evaluation[] = [];
  let taken = 0;
  const next = () => (taken < batches.length ? batches[taken++] : undefined);
  const finished = (batch: Batch, evaluation: Evaluation) => {
    evaluations[batch.index] = evaluation;
  };
  const inWorkers = Promise.all(Array.from({ length: threads - 1 }, () => inWorker(input, next, finished)));
  // Handled below, after this thread's share: a worker failing meanwhile is not an unhandled rejection.
  inWorkers.catch(() => undefined);
  const here = new GroupEvaluator(output);
  for (let batch = next(); batch; batch = next()) {
    finished(batch, await here.evaluate(groups.slice(batch.from, batch.to)));
    // The simulator never waits on I/O once its data is loaded: let the workers' messages in, to hand out batches.
    await new Promise((resolve) => setImmediate(resolve));
  }
  await inWorkers;
  return {
    results: evaluations.flatMap((e) => e.results),
    errors: [...new Set(evaluations.flatMap((e) => e.errors))],
  };
}

function batchesOf(groups: number, threads: number): Batch[] {
  const size = Math.max(MIN_BATCH, Math.ceil(groups / (threads * BATCHES_PER_THREAD)));
  return Array.from({ length: Math.ceil(groups / size) }, (_, index) => ({ index, from: index * size, to: Math.min(groups, (index + 1) * size) }));
}

/** A worker thread that takes batches from `next` until there are none left, reporting each to `finished`. */
function inWorker(input: WorkerInput, next: () => Batch | undefined, finished: (batch: Batch, evaluation: Evaluation) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(BOOTSTRAP, { eval: true, workerData: input });
    let current: Batch | undefined;
    worker.on('message', (message: WorkerMessage) => {
      if (message !== 'ready' && current) finished(current, message);
      current = next();
      if (current) {
        worker.postMessage(current);
      } else {
        resolve();
        void worker.terminate();
      }
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`verify worker exited with ${code} before reporting`)));
  });
}
