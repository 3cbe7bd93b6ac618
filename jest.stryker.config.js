/**
 * The tests StrykerJS runs against each mutant of src/policy and src/registry/checks (stryker.config.json): the
 * in-process unit and property suites of those folders. Suites that spawn processes (CLI, fuzz's synth runs),
 * synthesize through cdktf or simulate with verify cost seconds per mutant on two cores; what they check of these
 * folders is pinned by the unit suites, and the README lists the survivors they would have to kill.
 */
const base = require('./jest.config');

module.exports = {
  ...base,
  testMatch: [
    '<rootDir>/__tests__/policy/**/*.test.ts',
    '<rootDir>/__tests__/registry/**/*.test.ts',
    '<rootDir>/__tests__/property/**/*.test.ts',
  ],
  // Neither dist/ nor the shared synth is needed by these suites; a sandbox per run would build them every time.
  globalSetup: undefined,
  globalTeardown: undefined,
  testPathIgnorePatterns: [
    '/node_modules/',
    '<rootDir>/__tests__/registry/fuzz.test.ts',
    // 1000-app registries, seconds each; quotas.test.ts pins the same code on a plan of three roles.
    '<rootDir>/__tests__/policy/quotas-scale.test.ts',
    // Synthesizes through cdktf and simulates: seconds per mutant. The unit suites pin what it proves.
    '<rootDir>/__tests__/property/synth-verify.property.test.ts',
  ],
  // Fewer random registries per mutant (FC_RUNS=5 unless set).
  setupFiles: ['<rootDir>/__tests__/stryker-setup.ts'],
  // Only the files holding the tests that cover the mutant are loaded.
  testSequencer: '<rootDir>/__tests__/stryker-sequencer.js',
};
