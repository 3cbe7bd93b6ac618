import { parseBenchArgs } from './args';
import { BenchRow, measureApps, measureValidate } from './measure';
import { benchExitCode, benchReport, ReportRow } from './report';
import { formatTable } from './table';

/**
 * `keyless bench`: synthesizes generated registries of each size next to an empty cdktf app, verifies the
 * output, and prints time, memory, verify's scenarios and the largest quota-bound figures. Exits 1 when a
 * policy exceeds its AWS quota or verify reports a failure or an error; a bad command line is a UserError, which
 * runCli prints without a stack trace (exit 1).
 */
export async function run(argv: readonly string[]): Promise<number> {
  const options = parseBenchArgs(argv);
  const rows: BenchRow[] = [];
  for (const apps of options.apps) {
    console.error(`bench: ${apps} apps, ${options.runs} runs…`); // stderr: stdout is only the table or the JSON
    rows.push(await measureApps(apps, options.runs));
  }
  console.error(`bench: validate, ${options.runs} runs…`);
  const report = benchReport(rows, await measureValidate(options.runs));
  console.log(options.json ? JSON.stringify(report, null, 2) : formatTable(report));
  report.rows.forEach(explainVerifyFailures);
  return benchExitCode(report);
}

/** On stderr, so a failing bench in CI says which scenarios failed without rerunning verify. */
function explainVerifyFailures(row: ReportRow): void {
  for (const error of row.verify.errors) console.error(`bench: ${row.apps} apps: ${error}`);
  for (const f of row.verify.failures) {
    console.error(`bench: ${row.apps} apps: FAIL ${f.app ?? f.bucket}: ${f.scenario}: expected ${f.expected}, got ${f.actual}\n${f.detail ?? ''}`);
  }
}
