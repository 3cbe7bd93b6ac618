/** Transpile-only transform: type checking is `tsc --noEmit`, run first by `npm test`. */
module.exports = {
  testEnvironment: 'node',
  // Worker threads and synths take seconds on a shared machine; a hung test still fails, after a minute.
  testTimeout: 60_000,
  roots: ['<rootDir>/__tests__'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['@swc/jest', { jsc: { target: 'es2022' } }] },
  setupFilesAfterEnv: ['<rootDir>/__tests__/setup.ts'],
};
