import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Names the bundled registry's synthesized output that global-setup.ts writes once for every suite. */
export const BUNDLED_OUT_ENV = 'KEYLESS_TEST_BUNDLED_OUT';

/**
 * The bundled registry synthesized, in a fresh directory of the caller's own: a copy of the global setup's output,
 * or, when a suite runs without it (e.g. under StrykerJS), `synthesize()`'s own.
 */
export function bundledOutput(synthesize: () => string): string {
  const shared = process.env[BUNDLED_OUT_ENV];
  if (!shared) return synthesize();
  const dir = mkdtempSync(join(tmpdir(), 'keyless-bundled-'));
  cpSync(shared, dir, { recursive: true });
  return dir;
}
