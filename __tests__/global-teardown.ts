import { rmSync } from 'node:fs';
import { BUNDLED_OUT_ENV } from './shared-output';

/** Removes what global-setup.ts wrote. */
export default function globalTeardown(): void {
  const out = process.env[BUNDLED_OUT_ENV];
  if (out) rmSync(out, { recursive: true, force: true });
}
