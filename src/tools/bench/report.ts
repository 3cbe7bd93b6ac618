import { cpus, platform } from 'node:os';
import { BenchRow, SynthFigures } from './measure';
import { performanceMissed, quotasExceeded } from './targets';

/** A benchmark row with its verdicts against the targets. */
export interface ReportRow extends BenchRow {
  /** Synth time divided by the empty app's. */
  readonly floorMultiple: number;
  readonly quotasExceeded: readonly string[];
  readonly performanceMissed: readonly string[];
}

/** What `npm run bench -- --json` prints, for CI to keep as history. */
export interface BenchReport {
  readonly date: string;
  readonly machine: { readonly node: string; readonly platform: string; readonly cpu: string; readonly cpus: number };
  readonly floor: SynthFigures;
  readonly rows: readonly ReportRow[];
}

export function benchReport(floor: SynthFigures, rows: readonly BenchRow[], now = new Date()): BenchReport {
  return {
    date: now.toISOString(),
    machine: { node: process.version, platform: platform(), cpu: cpus()[0]?.model ?? 'unknown', cpus: cpus().length },
    floor,
    rows: rows.map((row) => ({
      ...row,
      floorMultiple: row.synth.seconds / floor.seconds,
      quotasExceeded: quotasExceeded(row.quotas),
      performanceMissed: performanceMissed(row, floor),
    })),
  };
}
