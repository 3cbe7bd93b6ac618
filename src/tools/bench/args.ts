import { parseArgs } from 'node:util';
import { UserError } from '../user-error';

export const DEFAULT_APP_COUNTS = [10, 100, 1000] as const;
export const DEFAULT_RUNS = 3;
export const USAGE = 'usage: keyless bench [--apps 10,100,1000] [--runs 3] [--json]';

export interface BenchOptions {
  /** Registry sizes to generate and synthesize. */
  readonly apps: readonly number[];
  /** Measured synth runs per size, after one warm-up run. */
  readonly runs: number;
  /** JSON on stdout instead of the table, for CI history. */
  readonly json: boolean;
}

/** A command line bench cannot run with is a UserError whose message says what to type instead. */
export function parseBenchArgs(argv: readonly string[]): BenchOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      options: { apps: { type: 'string' }, runs: { type: 'string' }, json: { type: 'boolean', default: false } },
    }).values;
  } catch (e) {
    throw new UserError(`${(e as Error).message}\n${USAGE}`);
  }
  return {
    apps: parsed.apps === undefined ? [...DEFAULT_APP_COUNTS] : parsed.apps.split(',').map((n) => positiveInteger('--apps', n)),
    runs: parsed.runs === undefined ? DEFAULT_RUNS : positiveInteger('--runs', parsed.runs),
    json: parsed.json ?? false,
  };
}

function positiveInteger(option: string, text: string): number {
  const n = Number(text.trim());
  if (!Number.isInteger(n) || n < 1) throw new UserError(`${option}: "${text}" is not a positive whole number\n${USAGE}`);
  return n;
}
