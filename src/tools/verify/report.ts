import { groupBy } from '../../registry/collections';
import { ScenarioResult, VerifyReport } from './types';

export interface TableOptions {
  /** ANSI colours, for a terminal. */
  readonly colour: boolean;
}

const HEADER = ['', 'scenario', 'expected', 'actual', 'deciding Sid'] as const;
const ANSI = { red: '\u001b[31m', green: '\u001b[32m', bold: '\u001b[1m', reset: '\u001b[0m' } as const;

/** The report for machines: the VerifyReport as JSON. */
export function formatJson(report: VerifyReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}

/** One table per app, then per bucket; failing rows carry what the simulator saw; errors; a summary line. */
export function formatTable(report: VerifyReport, options: TableOptions): string {
  const paint = (colour: keyof typeof ANSI, text: string) => (options.colour ? `${ANSI[colour]}${text}${ANSI.reset}` : text);
  const sections = groups(report.results).map(([title, rows]) => [paint('bold', title), ...table(rows, paint)].join('\n'));
  const errors = report.errors.map((e) => paint('red', e));
  const summary = `${report.passed} passed, ${report.failed} failed`;
  // Nothing was evaluated when an error stopped verify before its first scenario: a count would read as a result.
  const counts = report.results.length || !errors.length ? [report.failed || errors.length ? paint('red', summary) : paint('green', summary)] : [];
  const lines = [...sections, ...(errors.length ? [errors.join('\n')] : []), ...counts];
  return `${lines.join('\n\n')}\n`;
}

/** Results grouped as they were derived: app by app, then bucket by bucket. */
function groups(results: readonly ScenarioResult[]): [string, ScenarioResult[]][] {
  return [...groupBy(results, (r) => (r.app !== undefined ? `app ${r.app}` : r.bucket !== undefined ? `bucket ${r.bucket}` : `account ${r.account}`))];
}

/** `Denied by <Sid>` for a guardrail scenario, whose denial must come from that statement. */
function expectation(r: ScenarioResult): string {
  return r.expectedSid === undefined ? r.expected : `${r.expected} by ${r.expectedSid}`;
}

function table(rows: readonly ScenarioResult[], paint: (colour: keyof typeof ANSI, text: string) => string): string[] {
  const cells = rows.map((r) => [r.pass ? 'ok' : 'FAIL', r.scenario, expectation(r), r.actual, r.decidingSid ?? '']);
  const widths = HEADER.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const line = (c: readonly string[]) => c.map((cell, i) => cell.padEnd(widths[i])).join('  ').trimEnd();
  return [
    line(HEADER),
    ...rows.flatMap((r, i) => {
      const row = line(cells[i]);
      if (r.pass) return [row.replace(/^ok/, paint('green', 'ok'))];
      const detail = (r.detail ?? '').split('\n').map((d) => `      ${d}`);
      return [paint('red', row), ...detail];
    }),
  ];
}
