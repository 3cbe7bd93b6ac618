/**
 * Under StrykerJS only (jest.stryker.config.js): each mutant re-runs the tests that cover it, and the property
 * suite's synth and verify dominate that cost, so it draws 5 registries instead of 50 unless FC_RUNS says otherwise.
 */
process.env.FC_RUNS ??= '5';
