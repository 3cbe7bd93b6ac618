import { loadRegistry } from '../../registry/load';
import { CommandContext, parseOptions } from '../command';
import { externalIdEnv } from '../placeholder-env';
import { verifyOutput } from './index';
import { formatJson, formatTable } from './report';
import { withSynthesizedOutput } from './synthesize';
import { VerifyReport } from './types';

/**
 * `keyless verify [--out DIR] [--json]`: DIR is an already synthesized directory; without it the registry is
 * synthesized into a temporary one. Exit 1 on a failed scenario or an error.
 */
export async function run(args: readonly string[], { root }: CommandContext): Promise<number> {
  const { values } = parseOptions('verify', args, { out: { type: 'string' }, json: { type: 'boolean', default: false } });
  const registry = loadRegistry(root, externalIdEnv());
  const report = values.out
    ? await verifyOutput(registry, values.out)
    : await withSynthesizedOutput(registry.root, (dir) => verifyOutput(registry, dir));
  const colour = Boolean(process.stdout.isTTY) && !process.env.NO_COLOR;
  process.stdout.write(values.json ? formatJson(report) : formatTable(report, { colour }));
  return succeeded(report) ? 0 : 1;
}

/** Every scenario as expected, and every policy evaluated. */
function succeeded(report: VerifyReport): boolean {
  return report.failed === 0 && report.errors.length === 0;
}
