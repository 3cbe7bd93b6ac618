import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { Registry } from '../../registry/model';
import { ENTRY_EXT } from '../package';
import { Evaluation, GroupEvaluator } from './evaluate';
import { ScenarioGroup, ScenarioOptions } from './scenarios';
import { SynthesizedOutput } from './synthesized';

/**
 * What each worker thread gets: the registry and where the output is, the batches and the counter every thread
 * claims the next batch from. The worker derives scenarioGroups(registry, scenarioOptions) itself (the registry is a
 * fraction of their size).
 */
export interface WorkerInput {
  readonly registry: Registry;
  readonly scenarioOptions: ScenarioOptions;
  readonly outDir: string;
  readonly accountIds: ReadonlyMap<string, string>;
  readonly batches: readonly Batch[];
  /** One Int32: the index of the next batch to claim, shared by every thread (`Atomics.add`). */
  readonly claims: SharedArrayBuffer;
}

/** Groups [from, to) of scenarioGroups(), the `index`th batch. */
export interface Batch {
  readonly index: number;
  readonly from: number;
  readonly to: number;
}

/** What a worker posts: each batch it claimed with its Evaluation, then `done` when no batch is left. */
export type WorkerMessage = { readonly index: number; readonly evaluation: Evaluation } | 'done';

/**
 * Batches per thread: small enough that the threads finish close together (a worker starts a second or so after this
 * thread, and other processes take the cores unevenly), large enough that posting results costs little. The thread
 * that finishes last still has a batch to go when the other runs out: at 1000 apps a batch of 16 per thread was
 * about 32 apps, 0.3 s, so the other thread idled up to that long; at 64 it is about 8 apps.
 */
const BATCHES_PER_THREAD = 64;
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
 * Evaluates `groups` (scenarioGroups of the registry) on `threads` threads: this one, against `output`, which it has
 * read already, and `threads - 1` worker threads, each with its own read of the output and copy of the simulator's
 * data. The groups are cut into batches of consecutive groups (an app's scenarios stay together, sharing requests),
 * and each thread claims the next batch from a shared counter whenever it is free, so the threads finish together
 * whatever their start-up or share of the cores. A worker never waits for this thread to hand it work: a batch
 * handed out by message waited while this thread simulated its own (a worker was idle 20 % of a 1000-app run).
 * Results are merged in the original order; errors keep their first-seen order.
 */
export async function evaluateInThreads(
  input: Pick<WorkerInput, 'registry' | 'scenarioOptions' | 'outDir' | 'accountIds'>,
  groups: readonly ScenarioGroup[],
  threads: number,
  output: SynthesizedOutput,
): Promise<Evaluation> {
  const batches = batchesOf(groups.length, threads);
  const claims = new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT);
  const claim = claimer(batches, claims);
  const evaluations: Evaluation[] = [];
  const finished = (index: number, evaluation: Evaluation) => {
    evaluations[index] = evaluation;
  };
  const inWorkers = Promise.all(Array.from({ length: threads - 1 }, () => inWorker({ ...input, batches, claims }, finished)));
  // Handled below, after this thread's share: a worker failing meanwhile is not an unhandled rejection.
  inWorkers.catch(() => undefined);
  const here = new GroupEvaluator(output);
  for (let batch = claim(); batch; batch = claim()) {
    finished(batch.index, await here.evaluate(groups.slice(batch.from, batch.to)));
  }
  await inWorkers;
  return {
    results: evaluations.flatMap((e) => e.results),
    errors: [...new Set(evaluations.flatMap((e) => e.errors))],
  };
}

/** The next unclaimed batch of `batches`, across every thread sharing `claims`; undefined when none is left. */
export function claimer(batches: readonly Batch[], claims: SharedArrayBuffer): () => Batch | undefined {
  const next = new Int32Array(claims);
  return () => batches[Atomics.add(next, 0, 1)];
}

function batchesOf(groups: number, threads: number): Batch[] {
  const size = Math.max(MIN_BATCH, Math.ceil(groups / (threads * BATCHES_PER_THREAD)));
  return Array.from({ length: Math.ceil(groups / size) }, (_, index) => ({ index, from: index * size, to: Math.min(groups, (index + 1) * size) }));
}

/** A worker thread that claims batches until none is left, reporting each to `finished`. */
function inWorker(input: WorkerInput, finished: (index: number, evaluation: Evaluation) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(BOOTSTRAP, { eval: true, workerData: input });
    worker.on('message', (message: WorkerMessage) => {
      if (message !== 'done') {
        finished(message.index, message.evaluation);
        return;
      }
      resolve();
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`verify worker exited with ${code} before reporting`)));
  });
}
