import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

export interface AtomicOptions {
  /**
   * Paths, relative to `outdir`, to move from the previous output into the new one when the new one lacks them,
   * instead of deleting them with the rest of the previous output.
   */
  readonly carryOver?: readonly string[];
}

/**
 * Runs `write` against a fresh sibling directory, then swaps it into `outdir`.
 * If `write` throws, `outdir` keeps its previous content untouched.
 */
export function writeAtomically(outdir: string, write: (dir: string) => void, options: AtomicOptions = {}): void {
  const target = resolve(outdir);
  mkdirSync(dirname(target), { recursive: true });
  const staging = `${target}.staging-${process.pid}`;
  const previous = `${target}.previous-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  try {
    write(staging);
  } catch (e) {
    rmSync(staging, { recursive: true, force: true });
    throw e;
  }
  if (existsSync(target)) renameSync(target, previous);
  renameSync(staging, target);
  for (const path of options.carryOver ?? []) {
    if (existsSync(join(previous, path)) && !existsSync(join(target, path))) {
      mkdirSync(dirname(join(target, path)), { recursive: true });
      renameSync(join(previous, path), join(target, path));
    }
  }
  rmSync(previous, { recursive: true, force: true });
}
