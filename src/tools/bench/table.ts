import { QuotaFigure, QuotaFigures } from './quota-figures';
import { BenchReport } from './report';
import { VALIDATE_MAX_SECONDS } from './targets';

const QUOTA_HEADERS: Readonly<Record<keyof QuotaFigures, string>> = {
  bucketPolicy: 'bucket policy',
  trustPolicy: 'trust policy',
  roleInlinePolicies: 'inline/role',
  managedPolicy: 'managed policy',
  managedPoliciesPerPrincipal: 'managed/principal',
  rolesPerAccount: 'roles/account',
  roleName: 'role name',
};

/** The report as a plain-text table, one row per registry size. */
export function formatTable(report: BenchReport): string {
  const quotaKeys = Object.keys(QUOTA_HEADERS) as (keyof QuotaFigures)[];
  const header = [
    ...['apps', 'synth s', 'empty app s', '× empty', 'cpu s', 'empty cpu s', 'peak MB', 'empty MB', 'plain s', '× plain'],
    ...['verify s', 'verify cpu s', 'verify MB', 'scenarios', 'passed', 'failed'],
    ...quotaKeys.map((k) => QUOTA_HEADERS[k]),
    'targets',
  ];
  const rows = report.rows.map((r) => [
    String(r.apps),
    r.synth.seconds.toFixed(2),
    r.emptyApp.seconds.toFixed(2),
    r.floorMultiple.toFixed(1),
    r.synth.cpuSeconds.toFixed(2),
    r.emptyApp.cpuSeconds.toFixed(2),
    String(Math.round(r.synth.peakRssMb)),
    String(Math.round(r.emptyApp.peakRssMb)),
    r.plainScript.seconds.toFixed(2),
    r.plainMultiple.toFixed(1),
    r.verify.seconds.toFixed(2),
    r.verify.cpuSeconds.toFixed(2),
    String(Math.round(r.verify.peakRssMb)),
    String(r.verify.scenarios),
    String(r.verify.passed),
    String(r.verify.failed),
    ...quotaKeys.map((k) => ofQuota(r.quotas[k])),
    [...r.quotasExceeded, ...r.verifyFailed, ...r.performanceMissed].join('; ') || 'met',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (cells: readonly string[]) => cells.map((c, i) => c.padEnd(widths[i])).join('  ').trimEnd();
  const runs = report.rows[0]?.runs ?? 0;
  const note =
    `median of ${runs} run${runs === 1 ? '' : 's'} each after a warm-up, keyless synth and the empty cdktf app alternately, ` +
    'then `verify --out --json` on the output; × empty is the median ratio of those pairs; plain: a Node script writing ' +
    'the same JSON without cdktf (plain-synth.ts), × plain: synth / plain, the engine\'s cost; ' +
    'sizes as IAM counts them (no whitespace), largest/quota';
  return [line(header), ...rows.map(line), ...validateLine(report), '', note].join('\n');
}

/** The validate start-up figure under the table: it does not depend on the registry size. */
function validateLine({ validate }: BenchReport): string[] {
  if (!validate) return [];
  const { seconds, cpuSeconds, peakRssMb, registry, missed } = validate;
  return ['', `validate (${registry} registry): ${seconds.toFixed(2)} s, cpu ${cpuSeconds.toFixed(2)} s, peak ${Math.round(peakRssMb)} MB; target ≤ ${VALIDATE_MAX_SECONDS} s: ${missed.join('; ') || 'met'}`];
}

function ofQuota(f: QuotaFigure): string {
  return f.measured ? `${f.value}/${f.quota}` : '-';
}
