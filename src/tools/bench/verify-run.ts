import { ScenarioResult, VerifyReport } from '../verify/types';
import { KEYLESS_ENTRY } from '../launch';
import { EntryRun, runEntry } from './run-entry';

/** Failing scenarios kept in the bench report: enough to say why, not 30 000 when a bucket policy breaks. */
export const FAILURES_KEPT = 20;

/** What verify found on a synthesized output. */
export interface VerifyOutcome {
  readonly scenarios: number;
  readonly passed: number;
  readonly failed: number;
  /** Problems that stopped verification of a policy, such as an unresolvable reference. */
  readonly errors: readonly string[];
  /** The first FAILURES_KEPT failing scenarios, with what the simulator saw. */
  readonly failures: readonly ScenarioResult[];
}

export interface VerifyRun extends EntryRun {
  readonly outcome: VerifyOutcome;
}

/**
 * Runs the verify CLI on the synthesized `outDir` of the registry at `registryDir`, as a user does, and
 * measures it like a synth. Exit 1 with a JSON report on stdout is a result (scenarios failed), not a crash.
 */
export async function runVerify(registryDir: string, outDir: string): Promise<VerifyRun> {
  const run = await runEntry(KEYLESS_ENTRY, { REGISTRY_DIR: registryDir }, { args: ['verify', '--out', outDir, '--json'], exitCodes: [0, 1] });
  let report: VerifyReport;
  try {
    report = JSON.parse(run.stdout) as VerifyReport;
  } catch {
    throw new Error(`verify exited with ${run.exitCode} without a JSON report:\n${run.stderr}`);
  }
  return { seconds: run.seconds, cpuSeconds: run.cpuSeconds, peakRssMb: run.peakRssMb, outcome: verifyOutcome(report) };
}

export function verifyOutcome(report: VerifyReport): VerifyOutcome {
  return {
    scenarios: report.results.length,
    passed: report.passed,
    failed: report.failed,
    errors: report.errors,
    failures: report.results.filter((r) => !r.pass).slice(0, FAILURES_KEPT),
  };
}

/** Verify is deterministic: runs on the same output that disagree are a bug in verify, not noise to average. */
export function sameOutcome(outcomes: readonly VerifyOutcome[]): VerifyOutcome {
  const [first, ...rest] = outcomes;
  if (!first) throw new Error('no verify run to report');
  const differing = rest.find((o) => JSON.stringify(o) !== JSON.stringify(first));
  if (differing) throw new Error(`verify gave different results on the same output: ${summary(first)} vs ${summary(differing)}`);
  return first;
}

function summary(o: VerifyOutcome): string {
  return `${o.passed} passed, ${o.failed} failed, ${o.errors.length} errors`;
}
