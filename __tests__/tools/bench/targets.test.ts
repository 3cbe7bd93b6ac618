import { BenchRow, VerifyFigures } from '../../../src/tools/bench/measure';
import { QuotaFigure, QuotaFigures } from '../../../src/tools/bench/quota-figures';
import { benchExitCode, benchReport } from '../../../src/tools/bench/report';
import { performanceMissed, quotasExceeded, verifyFailed } from '../../../src/tools/bench/targets';

const within = (quota: number): QuotaFigure => ({ value: quota, quota, measured: 1, where: 's/x' });
const quotas: QuotaFigures = {
  bucketPolicy: within(20480),
  trustPolicy: within(2048),
  roleInlinePolicies: within(10240),
  managedPolicy: within(6144),
  managedPoliciesPerPrincipal: within(10),
  rolesPerAccount: within(1000),
  roleName: within(64),
};
const verified: VerifyFigures = { seconds: 10, cpuSeconds: 18, peakRssMb: 380, scenarios: 100, passed: 100, failed: 0, errors: [], failures: [] };
const row = (floorMultiple: number, peakRssMb: number, verify = verified): BenchRow => ({
  apps: 1000,
  runs: 3,
  synth: { seconds: floorMultiple * 0.5, cpuSeconds: floorMultiple * 0.6, peakRssMb },
  emptyApp: { seconds: 0.5, cpuSeconds: 0.6, peakRssMb: 100 },
  floorMultiple,
  plainScript: { seconds: 0.5, cpuSeconds: 0.6, peakRssMb: 110 },
  plainMultiple: floorMultiple,
  quotas,
  verify,
});

describe('bench targets', () => {
  it('GIVEN every figure exactly at its quota WHEN checked THEN none is exceeded', () => {
    expect(quotasExceeded(quotas)).toEqual([]);
  });

  it('GIVEN a trust policy one character over WHEN checked THEN it is named with its size, quota and place', () => {
    expect(quotasExceeded({ ...quotas, trustPolicy: { value: 2049, quota: 2048, measured: 5, where: 'data/r' } })).toEqual([
      'trustPolicy 2049 > 2048 (data/r)',
    ]);
  });

  it('GIVEN a synth at 2× the empty app and 400 MB and verify at 10 s and 400 MB WHEN checked THEN the targets are met', () => {
    expect(performanceMissed(row(2, 400, { ...verified, peakRssMb: 400 }))).toEqual([]);
  });

  it('GIVEN a synth over 2× the empty app and over 400 MB and verify over 10 s and 400 MB WHEN checked THEN all four misses are reported', () => {
    expect(performanceMissed(row(2.5, 401, { ...verified, seconds: 10.04, peakRssMb: 401 }))).toEqual([
      'synth 2.5× empty app > 2×',
      'peak 401 MB > 400 MB',
      'verify 10.0 s > 10 s',
      'verify peak 401 MB > 400 MB',
    ]);
  });

  it('GIVEN 5000 apps WHEN checked THEN the synth is held to 3 s wall instead of a multiple of the empty app', () => {
    const large = (seconds: number): BenchRow => ({ ...row(6, 300), apps: 5000, synth: { seconds, cpuSeconds: seconds, peakRssMb: 300 } });

    expect(performanceMissed(large(3))).toEqual([]);
    expect(performanceMissed(large(3.2))).toEqual(['synth 3.2 s > 3 s']);
  });

  it('GIVEN more than 1000 apps WHEN checked THEN verify is not held to the 1000-app targets, which grow with the apps', () => {
    const slowVerify = { ...verified, seconds: 50, peakRssMb: 800 };

    expect(performanceMissed({ ...row(2, 300, slowVerify), apps: 1000 })).toEqual(['verify 50.0 s > 10 s', 'verify peak 800 MB > 400 MB']);
    expect(performanceMissed({ ...row(2, 300, slowVerify), apps: 1001 })).toEqual([]);
  });

  it('GIVEN every scenario passed and no error WHEN checked THEN verify did not fail', () => {
    expect(verifyFailed(verified)).toEqual([]);
  });

  it('GIVEN failed scenarios and an error WHEN checked THEN both are named with their counts', () => {
    expect(verifyFailed({ ...verified, passed: 97, failed: 3, errors: ['data: cannot resolve ${aws_iam_role.x.arn}'] })).toEqual([
      'verify: 3 of 100 scenarios failed',
      'verify: 1 error',
    ]);
  });
});

describe('benchExitCode', () => {
  it('GIVEN a verified row within its quotas but missing its speed targets WHEN reported THEN bench exits 0', () => {
    expect(benchExitCode(benchReport([row(9, 900, { ...verified, seconds: 600 })]))).toBe(0);
  });

  it('GIVEN one row of several whose output does not verify WHEN reported THEN bench exits 1', () => {
    expect(benchExitCode(benchReport([row(3, 200), row(3, 200, { ...verified, errors: ['x'] })]))).toBe(1);
  });

  it('GIVEN a row over a quota WHEN reported THEN bench exits 1', () => {
    const over = { ...row(3, 200), quotas: { ...quotas, roleName: { value: 65, quota: 64, measured: 1 } } };
    expect(benchExitCode(benchReport([over]))).toBe(1);
  });
});
