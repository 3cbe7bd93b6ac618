import { parentPort, workerData } from 'node:worker_threads';
import { evaluateGroups } from './evaluate';
import { WorkerInput } from './parallel';
import { scenarioGroups } from './scenarios';
import { indexSynthesized } from './synthesized';
import { readWorkspaces } from './terraform-json';

/** A run of scenario groups, derived and evaluated in a worker thread against its own read of the synthesized output. */
async function run({ registry, scenarioOptions, outDir, accountIds, from, to }: WorkerInput): Promise<void> {
  const { stacks, errors } = readWorkspaces(outDir, accountIds);
  const groups = scenarioGroups(registry, scenarioOptions).slice(from, to);
  parentPort!.postMessage(await evaluateGroups(groups, indexSynthesized(stacks, errors)));
}

void run(workerData as WorkerInput);
