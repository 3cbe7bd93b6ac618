import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KEYLESS_ENTRY } from '../launch';
import { PACKAGE_ROOT } from '../package';
import { ACCOUNTS_FILE, loadRegistry } from '../../registry/load';
import { readStacks } from '../synth-output';
import { generateRegistry } from './generate-registry';
import { PLAIN_SYNTH_FROM_ENV } from './plain-synth';
import { quotaFigures, QuotaFigures } from './quota-figures';
import { EMPTY_APP_ENTRY, EntryRun, runEntry } from './run-entry';
import { runVerify, sameOutcome, VerifyOutcome, VerifyRun } from './verify-run';

/** The engine-free floor's entry, launched like main.ts. */
const PLAIN_SYNTH_ENTRY = 'src/tools/bench/plain-synth';

/** Cost of a process over several runs: median wall and CPU time (robust to a stray slow run), highest peak RSS. */
export interface RunFigures {
  readonly seconds: number;
  readonly cpuSeconds: number;
  readonly peakRssMb: number;
}

/** `npm run verify -- --out DIR --json` on the synthesized output: its cost and what it found. */
export type VerifyFigures = RunFigures & VerifyOutcome;

/** One line of the benchmark: a generated registry of `apps` apps, synthesized, next to the empty cdktf app. */
export interface BenchRow {
  readonly apps: number;
  readonly runs: number;
  readonly synth: RunFigures;
  /** The floor: an empty cdktf app launched like main.ts, run alternately with it. */
  readonly emptyApp: RunFigures;
  /** Median of synth time / empty-app time over back-to-back pairs, so load on the machine hits both alike. */
  readonly floorMultiple: number;
  /** The engine-free floor: a plain Node script that validates the registry and writes the same JSON (plain-synth.ts). */
  readonly plainScript: RunFigures;
  /** Median of synth time / plain-script time over back-to-back runs: what the engine costs. */
  readonly plainMultiple: number;
  readonly quotas: QuotaFigures;
  readonly verify: VerifyFigures;
}

/**
 * Generates `apps` apps as YAML, synthesizes them with `keyless synth` and the empty app in turn, and measures both;
 * then verifies the synthesized output (the registry and output directories exist only here).
 */
export async function measureApps(apps: number, runs: number): Promise<BenchRow> {
  const registryDir = generateRegistry(apps);
  const outDir = mkdtempSync(join(tmpdir(), 'keyless-bench-out-'));
  const emptyOutDir = mkdtempSync(join(tmpdir(), 'keyless-bench-empty-'));
  const plainOutDir = mkdtempSync(join(tmpdir(), 'keyless-bench-plain-'));
  const synth = () => runEntry(KEYLESS_ENTRY, { REGISTRY_DIR: registryDir, CDKTF_OUTDIR: outDir }, { args: ['synth'] });
  const empty = () => runEntry(EMPTY_APP_ENTRY, { CDKTF_OUTDIR: emptyOutDir });
  const plain = () => runEntry(PLAIN_SYNTH_ENTRY, { REGISTRY_DIR: registryDir, CDKTF_OUTDIR: plainOutDir, [PLAIN_SYNTH_FROM_ENV]: outDir });
  try {
    // Unmeasured first runs: tsx's compile cache and the file cache are warm for every measured one.
    await empty();
    await synth();
    await plain();
    const pairs: { empty: EntryRun; synth: EntryRun; plain: EntryRun }[] = [];
    for (let i = 0; i < runs; i++) pairs.push({ empty: await empty(), synth: await synth(), plain: await plain() });
    const verify = await measureVerify(registryDir, outDir, runs);
    return {
      apps,
      runs,
      synth: summarize(pairs.map((p) => p.synth)),
      emptyApp: summarize(pairs.map((p) => p.empty)),
      floorMultiple: median(pairs.map((p) => p.synth.seconds / p.empty.seconds)),
      plainScript: summarize(pairs.map((p) => p.plain)),
      plainMultiple: median(pairs.map((p) => p.synth.seconds / p.plain.seconds)),
      quotas: quotaFigures(readStacks(outDir), raisedRoleQuotas(registryDir)),
      verify,
    };
  } finally {
    for (const dir of [registryDir, outDir, emptyOutDir, plainOutDir]) rmSync(dir, { recursive: true, force: true });
  }
}

/** The "Roles per account" quotas the registry declares raised, by account alias (the bench raises them above 1000 apps). */
function raisedRoleQuotas(registryDir: string): Map<string, number> {
  return new Map(loadRegistry(registryDir, {}).accounts.flatMap((a) => (a.roleQuota === undefined ? [] : [[a.alias, a.roleQuota]])));
}

/** `keyless validate` on one registry: the command a developer runs most, measured from spawn to exit. */
export interface ValidateFigures extends RunFigures {
  /** `bundled` (this checkout's example registry) or `generated` (10 apps, when keyless runs installed). */
  readonly registry: 'bundled' | 'generated';
}

/** Apps of the registry validate runs on where there is no bundled registry: about the bundled one's size. */
const VALIDATE_FALLBACK_APPS = 10;

/**
 * Runs `keyless validate` on the bundled registry (a generated one of the same size when keyless is installed, without
 * it) `runs` times after a warm-up: a start-up time, compared with a fixed target rather than a floor.
 */
export async function measureValidate(runs: number): Promise<ValidateFigures> {
  const bundled = existsSync(join(PACKAGE_ROOT, ACCOUNTS_FILE));
  const registryDir = bundled ? PACKAGE_ROOT : generateRegistry(VALIDATE_FALLBACK_APPS);
  const validate = () => runEntry(KEYLESS_ENTRY, { REGISTRY_DIR: registryDir }, { args: ['validate'] });
  try {
    await validate();
    const measured: EntryRun[] = [];
    for (let i = 0; i < runs; i++) measured.push(await validate());
    return { ...summarize(measured), registry: bundled ? 'bundled' : 'generated' };
  } finally {
    if (!bundled) rmSync(registryDir, { recursive: true, force: true });
  }
}

/** Verify on the last synth's output, after one unmeasured run like synth's (tsx compiles verify's sources). */
async function measureVerify(registryDir: string, outDir: string, runs: number): Promise<VerifyFigures> {
  const measured: VerifyRun[] = [];
  await runVerify(registryDir, outDir);
  for (let i = 0; i < runs; i++) measured.push(await runVerify(registryDir, outDir));
  return { ...summarize(measured), ...sameOutcome(measured.map((r) => r.outcome)) };
}

function summarize(runs: readonly EntryRun[]): RunFigures {
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
