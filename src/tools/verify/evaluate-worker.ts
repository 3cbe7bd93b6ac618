import { parentPort, workerData } from 'node:worker_threads';
import { GroupEvaluator } from './evaluate';
import { claimer, WorkerInput, WorkerMessage } from './parallel';
import { scenarioGroups } from './scenarios';
import { indexSynthesized } from './synthesized';
import { readWorkspaces } from './terraform-json';

/**
 * A worker thread: reads the synthesized output, derives the scenario groups, then claims batches of groups and
 * evaluates them one at a time, keeping its policy caches between batches, until none is left.
 */
async function run({ registry, scenarioOptions, outDir, accountIds, batches, claims }: WorkerInput): Promise<void> {
  const { stacks, errors } = readWorkspaces(outDir, accountIds);
  const groups = scenarioGroups(registry, scenarioOptions);
  const evaluator = new GroupEvaluator(indexSynthesized(stacks, errors));
  const post = (message: WorkerMessage) => parentPort!.postMessage(message);
  const claim = claimer(batches, claims);
  for (let batch = claim(); batch; batch = claim()) {
    post({ index: batch.index, evaluation: await evaluator.evaluate(groups.slice(batch.from, batch.to)) });
  }
  post('done');
}

void run(workerData as WorkerInput);
