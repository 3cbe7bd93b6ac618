import { BenchRow, RunFigures, VerifyFigures } from './measure';
import { QuotaFigures } from './quota-figures';

/** Issue 13's targets for a synth: time relative to the empty cdktf app on the same machine, and memory. */
export const SYNTH_MAX_FLOOR_MULTIPLE = 2;
export const PEAK_RSS_MAX_MB = 400;
/** Issue 13's target for a synth of LARGE_REGISTRY_APPS apps (roleQuota raised), wall time. */
export const LARGE_REGISTRY_APPS = 5000;
export const LARGE_SYNTH_MAX_SECONDS = 3;
/** Issue 13's target for `keyless validate` on the bundled registry, wall time: a command that starts at once. */
export const VALIDATE_MAX_SECONDS = 0.5;
/**
 * Issue 13's targets for `verify` on VERIFY_TARGET_APPS apps: wall time on two cores and peak memory (PEAK_RSS_MAX_MB).
 * Verify's work grows with the apps, so a larger registry is not held to them.
 */
export const VERIFY_MAX_SECONDS = 10;
export const VERIFY_TARGET_APPS = 1000;

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

/** The validate start-up target, missed or not: reported, not failed on, like the others. */
export function validateMissed(validate: RunFigures): string[] {
  return validate.seconds > VALIDATE_MAX_SECONDS ? [`validate ${validate.seconds.toFixed(2)} s > ${VALIDATE_MAX_SECONDS} s`] : [];
}

/** Speed and memory targets missed: reported, not failed on, since they depend on the machine. */
export function performanceMissed(row: BenchRow): string[] {
  const missed: string[] = [];
  const large = row.apps >= LARGE_REGISTRY_APPS;
  if (!large && row.floorMultiple > SYNTH_MAX_FLOOR_MULTIPLE) missed.push(`synth ${row.floorMultiple.toFixed(1)}× empty app > ${SYNTH_MAX_FLOOR_MULTIPLE}×`);
  if (large && row.synth.seconds > LARGE_SYNTH_MAX_SECONDS) missed.push(`synth ${row.synth.seconds.toFixed(1)} s > ${LARGE_SYNTH_MAX_SECONDS} s`);
  if (row.synth.peakRssMb > PEAK_RSS_MAX_MB) missed.push(`peak ${Math.round(row.synth.peakRssMb)} MB > ${PEAK_RSS_MAX_MB} MB`);
  if (row.apps > VERIFY_TARGET_APPS) return missed;
  if (row.verify.seconds > VERIFY_MAX_SECONDS) missed.push(`verify ${row.verify.seconds.toFixed(1)} s > ${VERIFY_MAX_SECONDS} s`);
  if (row.verify.peakRssMb > PEAK_RSS_MAX_MB) missed.push(`verify peak ${Math.round(row.verify.peakRssMb)} MB > ${PEAK_RSS_MAX_MB} MB`);
  return missed;
}
