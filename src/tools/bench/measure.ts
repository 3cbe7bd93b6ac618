import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateRegistry } from './generate-registry';
import { EMPTY_APP_ENTRY, EntryRun, MAIN_ENTRY, runEntry } from './launch';
import { quotaFigures, QuotaFigures } from './quota-figures';
import { readStacks } from './synth-output';

/** Synth cost over several runs: the median wall time (robust to a stray slow run) and the highest peak RSS. */
export interface SynthFigures {
  readonly seconds: number;
  readonly peakRssMb: number;
  readonly runs: number;
}

/** One line of the benchmark: a generated registry of `apps` apps, synthesized. */
export interface BenchRow {
  readonly apps: number;
  readonly synth: SynthFigures;
  readonly quotas: QuotaFigures;
}

/** The floor: an empty cdktf app, launched like main.ts. */
export async function measureFloor(runs: number): Promise<SynthFigures> {
  const outDir = mkdtempSync(join(tmpdir(), 'keyless-bench-empty-'));
  try {
    return await synthFigures(EMPTY_APP_ENTRY, { CDKTF_OUTDIR: outDir }, runs);
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

/** Generates `apps` apps as YAML, synthesizes them with main.ts and measures the result. */
export async function measureApps(apps: number, runs: number): Promise<BenchRow> {
  const registryDir = generateRegistry(apps);
  const outDir = mkdtempSync(join(tmpdir(), 'keyless-bench-out-'));
  try {
    const synth = await synthFigures(MAIN_ENTRY, { REGISTRY_DIR: registryDir, CDKTF_OUTDIR: outDir }, runs);
    return { apps, synth, quotas: quotaFigures(readStacks(outDir)) };
  } finally {
    rmSync(registryDir, { recursive: true, force: true });
    rmSync(outDir, { recursive: true, force: true });
  }
}

/** One unmeasured run first, so that tsx's compile cache and the file cache are warm for every measured run. */
export async function synthFigures(entry: string, env: Readonly<Record<string, string>>, runs: number): Promise<SynthFigures> {
  await runEntry(entry, env);
  const measured: EntryRun[] = [];
  for (let i = 0; i < runs; i++) measured.push(await runEntry(entry, env));
  return {
    seconds: median(measured.map((r) => r.seconds)),
    peakRssMb: Math.max(...measured.map((r) => r.peakRssMb)),
    runs,
  };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
