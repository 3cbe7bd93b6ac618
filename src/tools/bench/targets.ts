import { BenchRow, VerifyFigures } from './measure';
import { QuotaFigures } from './quota-figures';

/** Issue 6's targets for a synth: time relative to the empty cdktf app on the same machine, and memory. */
export const SYNTH_MAX_FLOOR_MULTIPLE = 4;
export const PEAK_RSS_MAX_MB = 400;
/** Issue 6's target for `verify` on 1000 apps, wall time. */
export const VERIFY_MAX_SECONDS = 60;

/** Figures above their AWS quota: AWS would reject the apply, so bench fails on them. */
export function quotasExceeded(quotas: QuotaFigures): string[] {
  return Object.entries(quotas)
    .filter(([, f]) => f.value > f.quota)
    .map(([name, f]) => `${name} ${f.value} > ${f.quota} (${f.where})`);
}

/** A generated registry whose output does not verify is a bug in the generator or in verify: bench fails on it. */
export function verifyFailed(verify: VerifyFigures): string[] {
  const failed: string[] = [];
  if (verify.failed) failed.push(`verify: ${verify.failed} of ${verify.scenarios} scenarios failed`);
  if (verify.errors.length) failed.push(`verify: ${verify.errors.length} error${verify.errors.length === 1 ? '' : 's'}`);
  return failed;
}

/** Speed and memory targets missed: reported, not failed on, since they depend on the machine. */
export function performanceMissed(row: BenchRow): string[] {
  const missed: string[] = [];
  if (row.floorMultiple > SYNTH_MAX_FLOOR_MULTIPLE) missed.push(`synth ${row.floorMultiple.toFixed(1)}× empty app > ${SYNTH_MAX_FLOOR_MULTIPLE}×`);
  if (row.synth.peakRssMb > PEAK_RSS_MAX_MB) missed.push(`peak ${Math.round(row.synth.peakRssMb)} MB > ${PEAK_RSS_MAX_MB} MB`);
  if (row.verify.seconds > VERIFY_MAX_SECONDS) missed.push(`verify ${row.verify.seconds.toFixed(1)} s > ${VERIFY_MAX_SECONDS} s`);
  return missed;
}
