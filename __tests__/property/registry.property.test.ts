import fc from 'fast-check';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from '../../main';
import { verifyOutput } from '../../src/tools/verify';
import { MISTAKES, withMistake } from './mistakes';
import { asYaml, errorsOf, lineOf, RegistrySpec, validate, validRegistry } from './registry-arbitrary';

/**
 * Random registries, proven by validate, synth and verify in-process. The default run is short and seeded, so
 * `npm test` stays fast and repeatable; FC_RUNS=500 (and FC_SEED=<n>) searches further. A failure prints the
 * shrunk registry as YAML, file by file.
 */
const DEFAULT_RUNS = 50;
const RUNS = Number(process.env.FC_RUNS ?? DEFAULT_RUNS);
const SEED = Number(process.env.FC_SEED ?? 15);
const settings = { numRuns: RUNS, seed: SEED };

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
  test(`GIVEN ${RUNS} random valid registries WHEN validated THEN none has an error`, () => {
    fc.assert(fc.property(validRegistry, (spec) => {
      const errors = errorsOf(validate(spec));
      if (errors.length) throw new Error(`validate refused a valid registry:\n${errors.join('\n')}\n--- registry (YAML) ---\n${asYaml(spec)}`);
    }), settings);
  });

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

describe('property: one targeted mistake', () => {
  test(`GIVEN ${RUNS} random registries with one mistake each WHEN validated THEN it is refused with a located error naming the cause`, () => {
    fc.assert(fc.property(withMistake, ({ spec, mistake }) => {
      const { registry, diagnostics } = validate(spec);
      const errors = errorsOf({ registry, diagnostics });
      const located = diagnostics.filter((d) => d.severity === 'error' && mistake.files.includes(d.location.file) && mistake.message.test(d.message));
      const message = `mistake "${mistake.name}" in ${mistake.files.join(' or ')}: expected an error matching ${mistake.message}, got:\n${errors.join('\n') || '(none)'}\n--- registry (YAML) ---\n${asYaml(spec)}`;
      if (registry || !located.length) throw new Error(message);
      const text = lineOf(spec, located[0].location.file, located[0].location.line);
      if (!text || !mistake.line.test(text)) throw new Error(`${message}\nthe error points at line "${text}", not at ${mistake.line}`);
    }), settings);
  });

  test('GIVEN the kinds of mistakes WHEN the run is the default THEN each kind is drawn at least once', () => {
    const drawn = new Set(fc.sample(withMistake, { numRuns: Math.max(RUNS, DEFAULT_RUNS), seed: SEED }).map(({ mistake }) => mistake.name));
    expect([...drawn].sort()).toEqual(MISTAKES.map((m) => m.name).sort());
  });
});

