import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { RegistryError } from '../../registry/diagnostics';
import { checkRegistry, registryRoot } from '../../registry/load';
import { runCli } from '../cli';
import { readStacks, stackFile } from '../synth-output';

/** Where the plain script finds the JSON it writes: a directory main.ts synthesized from the same registry. */
export const PLAIN_SYNTH_FROM_ENV = 'KEYLESS_PLAIN_SYNTH_FROM';

/**
 * bench's engine-free floor: a plain Node script that does what main.ts does without cdktf. It reads, validates and
 * plans the registry (checkRegistry, as main.ts does) and writes each workspace's Terraform JSON with JSON.stringify.
 * The JSON is main.ts's own output, parsed here: building the same documents from the plans without an engine would
 * duplicate modules/, and parsing costs about what building plain objects would, so this is a fair floor.
 */
function main(): void {
  const { registry, diagnostics } = checkRegistry(registryRoot());
  if (!registry) throw new RegistryError(diagnostics);
  const from = process.env[PLAIN_SYNTH_FROM_ENV];
  if (!from) throw new Error(`${PLAIN_SYNTH_FROM_ENV} is not set: bench sets it to a synthesized directory`);
  const outdir = process.env.CDKTF_OUTDIR || 'cdktf.out';
  for (const stack of readStacks(from)) {
    const file = stackFile(outdir, stack.alias);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify(stack.json, null, 2));
  }
}

if (require.main === module) runCli(main);
