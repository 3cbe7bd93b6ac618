import { BenchRow } from '../../../src/tools/bench/measure';
import { QuotaFigure, QuotaFigures } from '../../../src/tools/bench/quota-figures';
import { performanceMissed, quotasExceeded } from '../../../src/tools/bench/targets';

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
const row = (floorMultiple: number, peakRssMb: number): BenchRow => ({
  apps: 1000,
  runs: 3,
  synth: { seconds: floorMultiple * 0.5, cpuSeconds: floorMultiple * 0.6, peakRssMb },
  emptyApp: { seconds: 0.5, cpuSeconds: 0.6, peakRssMb: 100 },
  floorMultiple,
  quotas,
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

  it('GIVEN a synth at 4× the empty app and 400 MB WHEN checked THEN the targets are met', () => {
    expect(performanceMissed(row(4, 400))).toEqual([]);
  });

  it('GIVEN a synth over 4× the empty app and over 400 MB WHEN checked THEN both misses are reported', () => {
    expect(performanceMissed(row(5, 401))).toEqual(['synth 5.0× empty app > 4×', 'peak 401 MB > 400 MB']);
  });
});
