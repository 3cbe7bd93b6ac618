/**
 * Under StrykerJS only (jest.stryker.config.js): each mutant reruns the tests that cover it, so the property suite
 * draws 5 random registries instead of 50 unless FC_RUNS says otherwise.
 */
process.env.FC_RUNS ??= '5';
