import { parentPort, workerData } from 'node:worker_threads';
import { GroupEvaluator } from './evaluate';
import { Batch, WorkerInput, WorkerMessage } from './parallel';
import { scenarioGroups } from './scenarios';
import { indexSynthesized } from './synthesized';
import { readWorkspaces } from './terraform-json';

/**
 * A worker thread: reads the synthesized output, derives the scenario groups, says it is ready, then evaluates each
 * batch of groups it is sent, one at a time, keeping its policy caches between batches.
 */
function run({ registry, scenarioOptions, outDir, accountIds }: WorkerInput): void {
  const { stacks, errors } = readWorkspaces(outDir, accountIds);
  const groups = scenarioGroups(registry, scenarioOptions);
  const evaluator = new GroupEvaluator(indexSynthesized(stacks, errors));
  const post = (message: WorkerMessage) => parentPort!.postMessage(message);
  parentPort!.on('message', ({ from, to }: Batch) => {
    void evaluator.evaluate(groups.slice(from, to)).then(post);
  });
  post('ready');
}

run(workerData as WorkerInput);
