import { cpus, platform } from 'node:os';
import { BenchRow, ValidateFigures } from './measure';
import { performanceMissed, quotasExceeded, validateMissed, verifyFailed } from './targets';

/** A benchmark row with its verdicts against the targets. */
export interface ReportRow extends BenchRow {
  readonly quotasExceeded: readonly string[];
  readonly verifyFailed: readonly string[];
  readonly performanceMissed: readonly string[];
}

/** What `npm run bench -- --json` prints, for CI to keep as history. */
export interface BenchReport {
  readonly date: string;
  readonly machine: { readonly node: string; readonly platform: string; readonly cpu: string; readonly cpus: number };
  readonly rows: readonly ReportRow[];
  /** `keyless validate` on the bundled registry, and the start-up target it missed, if any. */
  readonly validate?: ValidateFigures & { readonly missed: readonly string[] };
}

export function benchReport(rows: readonly BenchRow[], validate?: ValidateFigures, now = new Date()): BenchReport {
  return {
    ...(validate ? { validate: { ...validate, missed: validateMissed(validate) } } : {}),
    date: now.toISOString(),
    machine: { node: process.version, platform: platform(), cpu: cpus()[0]?.model ?? 'unknown', cpus: cpus().length },
    rows: rows.map((row) => ({
      ...row,
      quotasExceeded: quotasExceeded(row.quotas),
      verifyFailed: verifyFailed(row.verify),
      performanceMissed: performanceMissed(row),
    })),
  };
}

/** 1 when a policy exceeds its AWS quota or the output does not verify; missed speed targets do not fail. */
export function benchExitCode(report: BenchReport): number {
  return report.rows.some((r) => r.quotasExceeded.length || r.verifyFailed.length) ? 1 : 0;
}
