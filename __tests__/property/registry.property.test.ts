import fc from 'fast-check';
import { MISTAKES, withMistake } from './mistakes';
import { asYaml, errorsOf, lineOf, validate, validRegistry } from './registry-arbitrary';
import { RUNS, SEED, settings } from './settings';

/**
 * Random registries, proven by validate; synth-verify.property.test.ts synthesizes and verifies them. A failure
 * prints the shrunk registry as YAML, file by file.
 */

describe('property: every valid registry', () => {
  test(`GIVEN ${RUNS} random valid registries WHEN validated THEN none has an error`, () => {
    fc.assert(fc.property(validRegistry, (spec) => {
      const errors = errorsOf(validate(spec));
      if (errors.length) throw new Error(`validate refused a valid registry:\n${errors.join('\n')}\n--- registry (YAML) ---\n${asYaml(spec)}`);
    }), settings);
  });
});

/**
 * One property per kind of mistake, each over registries that have a place for it, so that the default run makes
 * every kind (at least MIN_RUNS_PER_MISTAKE times) and a failure names the kind; each kind has its own seed.
 */
const MIN_RUNS_PER_MISTAKE = 3;
const RUNS_PER_MISTAKE = Math.max(MIN_RUNS_PER_MISTAKE, Math.ceil(RUNS / MISTAKES.length));

describe('property: one targeted mistake', () => {
  test.each(MISTAKES.map((kind, i) => [kind.name, kind, i] as const))(
    `GIVEN ${RUNS_PER_MISTAKE} random registries with the mistake "%s" WHEN validated THEN it is refused with a located error naming the cause`,
    (_, kind, i) => {
      fc.assert(fc.property(withMistake(kind), ({ spec, mistake }) => {
        const { registry, diagnostics } = validate(spec);
        const errors = errorsOf({ registry, diagnostics });
        const located = diagnostics.filter((d) => d.severity === 'error' && mistake.files.includes(d.location.file) && mistake.message.test(d.message));
        const message = `mistake "${mistake.name}" in ${mistake.files.join(' or ')}: expected an error matching ${mistake.message}, got:\n${errors.join('\n') || '(none)'}\n--- registry (YAML) ---\n${asYaml(spec)}`;
        if (registry || !located.length) throw new Error(message);
        const text = lineOf(spec, located[0].location.file, located[0].location.line);
        if (!text || !mistake.line.test(text)) throw new Error(`${message}\nthe error points at line "${text}", not at ${mistake.line}`);
      }), { ...settings, seed: SEED + i, numRuns: RUNS_PER_MISTAKE });
    },
  );
});
