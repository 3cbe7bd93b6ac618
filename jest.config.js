/** Transpile-only transform: type checking is `tsc --noEmit`, run first by `npm test`. */
module.exports = {
  testEnvironment: 'node',
  // Worker threads and synths take seconds on a shared machine; a hung test still fails, after a minute.
  testTimeout: 60_000,
  // Jest's default is one worker fewer than cores: on a 2-core machine that is one, in band. Test files are
  // independent (each writes only into its own temp directories), so use every core.
  maxWorkers: '100%',
  roots: ['<rootDir>/__tests__'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['@swc/jest', { jsc: { target: 'es2022' } }] },
  // Once per run: build dist/ when stale (the suites' keyless processes then run compiled JavaScript) and
  // synthesize the bundled registry for verify's suites to copy.
  globalSetup: '<rootDir>/__tests__/global-setup.ts',
  globalTeardown: '<rootDir>/__tests__/global-teardown.ts',
};
