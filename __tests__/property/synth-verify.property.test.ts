import fc from 'fast-check';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from '../../main';
import { verifyOutput } from '../../src/tools/verify';
import { asYaml, RegistrySpec, validate, validRegistry } from './registry-arbitrary';
import { RUNS, settings } from './settings';

/**
 * Random valid registries, synthesized by main.ts's buildApp and verified in-process: every scenario must pass.
 * A failure prints the shrunk registry as YAML, file by file.
 */

/** Synthesizing is the slow part (cdktf): the default run synthesizes a fifth of the registries it validates. */
const SYNTH_RUNS = Math.max(1, Math.ceil(RUNS / 5));

jest.setTimeout(600_000);

/** Runs `check` and, when it throws, rethrows with the registry as YAML, which fast-check prints for the shrunk case. */
async function explained(spec: RegistrySpec, check: () => Promise<void> | void): Promise<void> {
  try {
    await check();
  } catch (e) {
    throw new Error(`${(e as Error).message}\n--- registry (YAML) ---\n${asYaml(spec)}`);
  }
}

describe('property: every valid registry', () => {
  test(`GIVEN ${SYNTH_RUNS} random valid registries WHEN synthesized and verified in-process THEN every scenario passes`, async () => {
    await fc.assert(fc.asyncProperty(validRegistry, async (spec) => {
      const { registry } = validate(spec);
      const out = mkdtempSync(join(tmpdir(), 'keyless-property-'));
      try {
        await explained(spec, async () => {
          expect(registry).toBeDefined();
          buildApp(registry!, out).synth();
          const report = await verifyOutput(registry!, out, { threads: 1 });
          expect(report.errors).toEqual([]);
          expect(report.results.filter((r) => !r.pass).map((r) => `${r.app ?? r.bucket}: ${r.scenario} (expected ${r.expected}, got ${r.actual})`)).toEqual([]);
          expect(report.passed).toBeGreaterThan(0);
        });
      } finally {
        rmSync(out, { recursive: true, force: true });
      }
    }), { ...settings, numRuns: SYNTH_RUNS });
  });
});
