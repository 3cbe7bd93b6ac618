import { parseBenchArgs, UsageError } from './args';
import { BenchRow, measureApps } from './measure';
import { benchReport } from './report';
import { formatTable } from './table';

/**
 * `npm run bench`: synthesizes generated registries of each size next to an empty cdktf app, and prints
 * time, memory and the largest quota-bound figures. Exits 1 when a policy exceeds its AWS quota.
 */
async function main(argv: readonly string[]): Promise<number> {
  const options = parseBenchArgs(argv);
  const rows: BenchRow[] = [];
  for (const apps of options.apps) {
    console.error(`bench: ${apps} apps, ${options.runs} runs…`); // stderr: stdout is only the table or the JSON
    rows.push(await measureApps(apps, options.runs));
  }
  const report = benchReport(rows);
  console.log(options.json ? JSON.stringify(report, null, 2) : formatTable(report));
  return report.rows.some((r) => r.quotasExceeded.length) ? 1 : 0;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (e: unknown) => {
      console.error(e instanceof UsageError ? e.message : e);
      process.exitCode = e instanceof UsageError ? 2 : 1;
    },
  );
}
