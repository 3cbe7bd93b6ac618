import { parentPort, workerData } from 'node:worker_threads';
import { evaluateScenarios } from './evaluate';
import { WorkerInput } from './parallel';
import { indexSynthesized } from './synthesized';
import { readWorkspaces } from './terraform-json';

/** One chunk of scenarios, evaluated in a worker thread against its own read of the synthesized output. */
async function run({ outDir, accountIds, scenarios }: WorkerInput): Promise<void> {
  const { stacks, errors } = readWorkspaces(outDir, accountIds);
  parentPort!.postMessage(await evaluateScenarios(scenarios, indexSynthesized(stacks, errors)));
}

void run(workerData as WorkerInput);
