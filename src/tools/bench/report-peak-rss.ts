import { writeFileSync } from 'node:fs';

/**
 * Preloaded into a synth child by bench (`node --import`): on exit, writes the process's peak resident set
 * size in kilobytes to $KEYLESS_BENCH_PEAK_RSS_FILE. Portable, unlike /usr/bin/time.
 */
export const PEAK_RSS_FILE_ENV = 'KEYLESS_BENCH_PEAK_RSS_FILE';

const file = process.env[PEAK_RSS_FILE_ENV];
if (file) process.on('exit', () => writeFileSync(file, String(process.resourceUsage().maxRSS)));
