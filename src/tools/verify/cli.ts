import { parseArgs } from 'node:util';
import { loadRegistry, registryRoot } from '../../registry/load';
import { externalIdEnv } from '../placeholder-env';
import { runCli } from '../cli';
import { UserError } from '../user-error';
import { verifyOutput } from './index';
import { formatJson, formatTable } from './report';
import { withSynthesizedOutput } from './synthesize';
import { VerifyReport } from './types';

const USAGE = 'usage: npm run verify -- [--out DIR] [--json]';

interface Args {
  /** An already synthesized directory; synthesize into a temporary one when absent. */
  readonly out?: string;
  readonly json: boolean;
}

function parse(argv: readonly string[]): Args {
  try {
    const { values } = parseArgs({ args: [...argv], options: { out: { type: 'string' }, json: { type: 'boolean', default: false } }, strict: true });
    return { out: values.out, json: values.json ?? false };
  } catch (e) {
    throw new UserError(`${(e as Error).message}; ${USAGE}`);
  }
}

/** Bad arguments, registry errors and a failed synthesis are UserErrors or RegistryErrors: runCli prints them. */
async function main(): Promise<void> {
  const args = parse(process.argv.slice(2));
  const registry = loadRegistry(registryRoot(), externalIdEnv());
  const report = args.out
    ? await verifyOutput(registry, args.out)
    : await withSynthesizedOutput(registry.root, (dir) => verifyOutput(registry, dir));
  const colour = Boolean(process.stdout.isTTY) && !process.env.NO_COLOR;
  process.stdout.write(args.json ? formatJson(report) : formatTable(report, { colour }));
  if (!succeeded(report)) process.exitCode = 1;
}

/** Every scenario as expected, and every policy evaluated. */
function succeeded(report: VerifyReport): boolean {
  return report.failed === 0 && report.errors.length === 0;
}

runCli(main);
