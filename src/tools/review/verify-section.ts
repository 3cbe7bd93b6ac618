import { ScenarioResult, VerifyReport } from '../verify/types';

export interface AppVerify {
  readonly id: string;
  readonly passed: number;
  readonly failed: number;
  readonly results: readonly ScenarioResult[];
}

/** The part of a verify report a reviewer of this change needs. */
export interface VerifySection {
  readonly ran: boolean;
  /** Whole registry. */
  readonly passed: number;
  readonly failed: number;
  readonly errors: readonly string[];
  /** Scenarios of the changed apps, each app's in the report's order. */
  readonly apps: readonly AppVerify[];
  /** Failed scenarios of the changed apps and of the buckets they use. */
  readonly failures: readonly ScenarioResult[];
  /** Failed scenarios elsewhere in the registry. */
  readonly otherFailures: number;
}

export function verifySection(report: VerifyReport | undefined, appIds: readonly string[], buckets: readonly string[]): VerifySection {
  if (!report) return { ran: false, passed: 0, failed: 0, errors: [], apps: [], failures: [], otherFailures: 0 };
  const relevant = (r: ScenarioResult) => (r.app ? appIds.includes(r.app) : r.bucket !== undefined && buckets.includes(r.bucket));
  const failures = report.results.filter((r) => !r.pass && relevant(r));
  const apps = appIds.map((id) => {
    const results = report.results.filter((r) => r.app === id);
    const passed = results.filter((r) => r.pass).length;
    return { id, passed, failed: results.length - passed, results };
  });
  return {
    ran: true,
    passed: report.passed,
    failed: report.failed,
    errors: report.errors,
    apps,
    failures,
    otherFailures: report.results.filter((r) => !r.pass).length - failures.length,
  };
}
