import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateRegistry } from './generate-registry';
import { EMPTY_APP_ENTRY, EntryRun, MAIN_ENTRY, runEntry } from './launch';
import { quotaFigures, QuotaFigures } from './quota-figures';
import { readStacks } from './synth-output';

/** Synth cost over several runs: median wall and CPU time (robust to a stray slow run), highest peak RSS. */
export interface SynthFigures {
  readonly seconds: number;
  readonly cpuSeconds: number;
  readonly peakRssMb: number;
}

/** One line of the benchmark: a generated registry of `apps` apps, synthesized, next to the empty cdktf app. */
export interface BenchRow {
  readonly apps: number;
  readonly runs: number;
  readonly synth: SynthFigures;
  /** The floor: an empty cdktf app launched like main.ts, run alternately with it. */
  readonly emptyApp: SynthFigures;
  /** Median of synth time / empty-app time over back-to-back pairs, so load on the machine hits both alike. */
  readonly floorMultiple: number;
  readonly quotas: QuotaFigures;
}

/** Generates `apps` apps as YAML, synthesizes them with main.ts and the empty app in turn, and measures both. */
export async function measureApps(apps: number, runs: number): Promise<BenchRow> {
  const registryDir = generateRegistry(apps);
  const outDir = mkdtempSync(join(tmpdir(), 'keyless-bench-out-'));
  const emptyOutDir = mkdtempSync(join(tmpdir(), 'keyless-bench-empty-'));
  const synth = () => runEntry(MAIN_ENTRY, { REGISTRY_DIR: registryDir, CDKTF_OUTDIR: outDir });
  const empty = () => runEntry(EMPTY_APP_ENTRY, { CDKTF_OUTDIR: emptyOutDir });
  try {
    // Unmeasured first runs: tsx's compile cache and the file cache are warm for every measured one.
    await empty();
    await synth();
    const pairs: { empty: EntryRun; synth: EntryRun }[] = [];
    for (let i = 0; i < runs; i++) pairs.push({ empty: await empty(), synth: await synth() });
    return {
      apps,
      runs,
      synth: summarize(pairs.map((p) => p.synth)),
      emptyApp: summarize(pairs.map((p) => p.empty)),
      floorMultiple: median(pairs.map((p) => p.synth.seconds / p.empty.seconds)),
      quotas: quotaFigures(readStacks(outDir)),
    };
  } finally {
    for (const dir of [registryDir, outDir, emptyOutDir]) rmSync(dir, { recursive: true, force: true });
  }
}

function summarize(runs: readonly EntryRun[]): SynthFigures {
  return {
    seconds: median(runs.map((r) => r.seconds)),
    cpuSeconds: median(runs.map((r) => r.cpuSeconds)),
    peakRssMb: Math.max(...runs.map((r) => r.peakRssMb)),
  };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
