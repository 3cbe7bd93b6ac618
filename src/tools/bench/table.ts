import { QuotaFigure, QuotaFigures } from './quota-figures';
import { BenchReport } from './report';

const QUOTA_HEADERS: Readonly<Record<keyof QuotaFigures, string>> = {
  bucketPolicy: 'bucket policy',
  trustPolicy: 'trust policy',
  roleInlinePolicies: 'inline/role',
  managedPolicy: 'managed policy',
  managedPoliciesPerPrincipal: 'managed/principal',
  rolesPerAccount: 'roles/account',
  roleName: 'role name',
};

/** The report as a plain-text table, one row per registry size under the floor's. */
export function formatTable(report: BenchReport): string {
  const quotaKeys = Object.keys(QUOTA_HEADERS) as (keyof QuotaFigures)[];
  const header = ['apps', 'synth s', '× floor', 'peak MB', ...quotaKeys.map((k) => QUOTA_HEADERS[k]), 'targets'];
  const { floor } = report;
  const rows = [
    ['empty app', floor.seconds.toFixed(2), '1.0', mb(floor.peakRssMb), ...quotaKeys.map(() => ''), 'floor'],
    ...report.rows.map((r) => [
      String(r.apps),
      r.synth.seconds.toFixed(2),
      r.floorMultiple.toFixed(1),
      mb(r.synth.peakRssMb),
      ...quotaKeys.map((k) => ofQuota(r.quotas[k])),
      [...r.quotasExceeded, ...r.performanceMissed].join('; ') || 'met',
    ]),
  ];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (cells: readonly string[]) => cells.map((c, i) => c.padEnd(widths[i])).join('  ').trimEnd();
  const runs = `median of ${floor.runs} run${floor.runs === 1 ? '' : 's'} after a warm-up; sizes as IAM counts them (no whitespace), largest / quota`;
  return [line(header), ...rows.map(line), '', runs].join('\n');
}

function ofQuota(f: QuotaFigure): string {
  return f.measured ? `${f.value}/${f.quota}` : '-';
}

function mb(value: number): string {
  return String(Math.round(value));
}
