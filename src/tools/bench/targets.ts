import { BenchRow, SynthFigures } from './measure';
import { QuotaFigures } from './quota-figures';

/** Issue 6's targets for a synth: time relative to the empty cdktf app on the same machine, and memory. */
export const SYNTH_MAX_FLOOR_MULTIPLE = 4;
export const PEAK_RSS_MAX_MB = 400;

/** Figures above their AWS quota: AWS would reject the apply, so bench fails on them. */
export function quotasExceeded(quotas: QuotaFigures): string[] {
  return Object.entries(quotas)
    .filter(([, f]) => f.value > f.quota)
    .map(([name, f]) => `${name} ${f.value} > ${f.quota} (${f.where})`);
}

/** Speed and memory targets missed: reported, not failed on, since they depend on the machine. */
export function performanceMissed(row: BenchRow, floor: SynthFigures): string[] {
  const missed: string[] = [];
  const multiple = row.synth.seconds / floor.seconds;
  if (multiple > SYNTH_MAX_FLOOR_MULTIPLE) missed.push(`synth ${multiple.toFixed(1)}× floor > ${SYNTH_MAX_FLOOR_MULTIPLE}×`);
  if (row.synth.peakRssMb > PEAK_RSS_MAX_MB) missed.push(`peak ${Math.round(row.synth.peakRssMb)} MB > ${PEAK_RSS_MAX_MB} MB`);
  return missed;
}
