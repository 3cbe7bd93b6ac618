import { VerifyFigures } from '../../../src/tools/bench/measure';
import { QuotaFigure, QuotaFigures } from '../../../src/tools/bench/quota-figures';
import { benchReport } from '../../../src/tools/bench/report';
import { formatTable } from '../../../src/tools/bench/table';

const figure = (value: number, quota: number, measured = 1): QuotaFigure => ({ value, quota, measured, where: 's/x' });
const quotas: QuotaFigures = {
  bucketPolicy: figure(1737, 20480),
  trustPolicy: figure(2049, 2048),
  roleInlinePolicies: figure(712, 10240),
  managedPolicy: figure(0, 6144, 0),
  managedPoliciesPerPrincipal: figure(4, 10),
  rolesPerAccount: figure(600, 1000),
  roleName: figure(39, 64),
};

const verify: VerifyFigures = { seconds: 38.456, cpuSeconds: 40.04, peakRssMb: 377.4, scenarios: 30164, passed: 30161, failed: 3, errors: [], failures: [] };

describe('formatTable', () => {
  const report = benchReport([
    {
      apps: 1000,
      runs: 3,
      synth: { seconds: 1.234, cpuSeconds: 1.5, peakRssMb: 173.6 },
      emptyApp: { seconds: 0.333, cpuSeconds: 0.41, peakRssMb: 98.2 },
      floorMultiple: 3.71,
      plainScript: { seconds: 0.411, cpuSeconds: 0.52, peakRssMb: 120.4 },
      plainMultiple: 3.02,
      quotas,
      verify,
    },
  ]);
  const [header, row] = formatTable(report).split('\n');
  const cells = row.split(/\s{2,}/);

  it('GIVEN a measured row WHEN formatted THEN time, the multiple of the empty app and memory are shown rounded', () => {
    expect(header).toMatch(/^apps\s+synth s\s+empty app s\s+× empty\s+cpu s\s+empty cpu s\s+peak MB\s+empty MB/);
    expect(cells.slice(0, 8)).toEqual(['1000', '1.23', '0.33', '3.7', '1.50', '0.41', '174', '98']);
  });

  it('GIVEN the plain-script floor WHEN formatted THEN its time and the multiple of it follow the empty app', () => {
    expect(header).toMatch(/empty MB\s+plain s\s+× plain\s+verify s/);
    expect(cells.slice(8, 10)).toEqual(['0.41', '3.0']);
  });

  it('GIVEN a verify run WHEN formatted THEN its time, CPU, memory and scenario counts follow the synth figures', () => {
    expect(header).toMatch(/× plain\s+verify s\s+verify cpu s\s+verify MB\s+scenarios\s+passed\s+failed\s+bucket policy/);
    expect(cells.slice(10, 16)).toEqual(['38.46', '40.04', '377', '30164', '30161', '3']);
  });

  it('GIVEN quota figures WHEN formatted THEN each shows largest/quota, and "-" when nothing was measured', () => {
    expect(cells.slice(16, 23)).toEqual(['1737/20480', '2049/2048', '712/10240', '-', '4/10', '600/1000', '39/64']);
  });

  it('GIVEN a figure over its quota, failed scenarios and missed targets WHEN formatted THEN the targets column names each', () => {
    expect(cells[23]).toBe('trustPolicy 2049 > 2048 (s/x); verify: 3 of 30164 scenarios failed; synth 3.7× empty app > 2×; verify 38.5 s > 10 s');
  });
});

describe('formatTable with validate', () => {
  const row = { apps: 10, runs: 1, synth: verify, emptyApp: verify, floorMultiple: 1, plainScript: verify, plainMultiple: 1, quotas, verify };
  const table = (seconds: number) => formatTable(benchReport([row], { seconds, cpuSeconds: 0.41, peakRssMb: 70.2, registry: 'bundled' })).split('\n');

  it('GIVEN validate within its target WHEN formatted THEN a line under the rows gives its time, CPU and memory, and "met"', () => {
    expect(table(0.456)).toContain('validate (bundled registry): 0.46 s, cpu 0.41 s, peak 70 MB; target ≤ 0.5 s: met');
  });

  it('GIVEN validate over its target WHEN formatted THEN the line says by how much', () => {
    expect(table(0.71)).toContain('validate (bundled registry): 0.71 s, cpu 0.41 s, peak 70 MB; target ≤ 0.5 s: validate 0.71 s > 0.5 s');
  });

  it('GIVEN no validate figure WHEN formatted THEN no validate line', () => {
    expect(formatTable(benchReport([row])).split('\n').some((l) => l.startsWith('validate'))).toBe(false);
  });
});
