import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BUNDLED_OUT_ENV } from './shared-output';

const ROOT = join(__dirname, '..');

/**
 * Work every suite would otherwise repeat, done once before the workers start:
 * - dist/ is built when it is older than the sources, so that the suites' `keyless` processes (bin/keyless.js)
 *   run compiled JavaScript instead of loading tsx and transpiling at every start (twice the CPU per process);
 * - the bundled registry is synthesized into a temp directory named by $KEYLESS_TEST_BUNDLED_OUT (the workers
 *   inherit it), which verify's suites copy instead of each loading cdktf and synthesizing it again.
 */
export default function globalSetup(): void {
  const { distIsStale } = require('../bin/dist-fresh') as { distIsStale: () => boolean };
  if (distIsStale()) {
    const build = spawnSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json'], { cwd: ROOT, encoding: 'utf8' });
    if (build.status !== 0) throw new Error(`npm run build failed:\n${build.stdout}${build.stderr}`);
  }
  const { buildApp } = require('../main') as typeof import('../main');
  const { loadRegistry } = require('../src/registry/load') as typeof import('../src/registry/load');
  const out = mkdtempSync(join(tmpdir(), 'keyless-test-bundled-'));
  buildApp(loadRegistry(ROOT, {}), out).synth();
  process.env[BUNDLED_OUT_ENV] = out;
}
