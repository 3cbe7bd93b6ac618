/**
 * The property tests' run size: short and seeded by default, so `npm test` stays fast and repeatable;
 * FC_RUNS=500 (and FC_SEED=<n>) searches further.
 */
export const DEFAULT_RUNS = 50;
export const RUNS = Number(process.env.FC_RUNS ?? DEFAULT_RUNS);
export const SEED = Number(process.env.FC_SEED ?? 15);
export const settings = { numRuns: RUNS, seed: SEED };
