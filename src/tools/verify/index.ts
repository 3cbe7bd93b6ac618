import { Registry } from '../../registry/model';
import { evaluateScenarios } from './evaluate';
import { deriveScenarios } from './scenarios';
import { indexSynthesized, SynthesizedOutput } from './synthesized';
import { OutputDirError } from '../synth-output';
import { readWorkspaces } from './terraform-json';
import { ScenarioResult, VerifyReport } from './types';

export type { Decision, ScenarioResult, VerifyReport } from './types';

export interface VerifyOptions {
  /** Only these apps' scenarios, and the bucket scenarios of the buckets they use. */
  readonly apps?: readonly string[];
}

/**
 * Simulates the expected-access matrix of `registry` against the policies synthesized into `outDir`
 * (a `cdktf.out`-style directory with `stacks/<alias>/cdk.tf.json`).
 */
export async function verifyOutput(registry: Registry, outDir: string, options: VerifyOptions = {}): Promise<VerifyReport> {
  const unknownApps = (options.apps ?? []).filter((id) => !registry.apps.some((a) => a.id === id));
  if (unknownApps.length) {
    return report([], unknownApps.map((id) => `error: no app "${id}" in the registry; pass ids from apps/*.yaml`));
  }
  const output = readOutput(registry, outDir);
  if ('error' in output) return report([], [output.error]);
  const { results, errors } = await evaluateScenarios(deriveScenarios(registry, options), output);
  return report(results, [...output.errors, ...errors]);
}

function readOutput(registry: Registry, outDir: string): SynthesizedOutput | { error: string } {
  try {
    const { stacks, errors } = readWorkspaces(outDir, new Map(registry.accounts.map((a) => [a.alias, a.id])));
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
