import fc from 'fast-check';
import { MISTAKES, withMistake } from './mistakes';
import { asYaml, errorsOf, lineOf, validate, validRegistry } from './registry-arbitrary';
import { DEFAULT_RUNS, RUNS, SEED, settings } from './settings';

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

