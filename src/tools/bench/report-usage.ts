import { writeFileSync } from 'node:fs';

/**
 * Preloaded into a synth child by bench (`node --import`): on exit, writes the process's peak resident set
 * size and CPU time to $KEYLESS_BENCH_USAGE_FILE as JSON. Portable, unlike /usr/bin/time.
 */
export const USAGE_FILE_ENV = 'KEYLESS_BENCH_USAGE_FILE';

/** What the child reports: kilobytes and microseconds, as process.resourceUsage() gives them. */
export interface ChildUsage {
  readonly maxRssKb: number;
  readonly cpuMicros: number;
}

const file = process.env[USAGE_FILE_ENV];
if (file) {
  process.on('exit', () => {
    const usage = process.resourceUsage();
    const report: ChildUsage = { maxRssKb: usage.maxRSS, cpuMicros: usage.userCPUTime + usage.systemCPUTime };
    writeFileSync(file, JSON.stringify(report));
  });
}
