import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The parts of a synthesized cdk.tf.json that bench reads: resources by type, then by logical id. */
export interface TerraformJson {
  readonly resource?: Readonly<Record<string, Readonly<Record<string, Readonly<Record<string, unknown>>>>>>;
}

/** One workspace as synthesized: `<outDir>/stacks/<alias>/cdk.tf.json`. */
export interface SynthesizedStack {
  readonly alias: string;
  readonly json: TerraformJson;
}

/** One resource of a synthesized stack, with where it is, for messages. */
export interface SynthesizedResource {
  readonly stack: string;
  readonly id: string;
  readonly config: Readonly<Record<string, unknown>>;
}

export function readStacks(outDir: string): SynthesizedStack[] {
  const stacksDir = join(outDir, 'stacks');
  return readdirSync(stacksDir)
    .filter((alias) => existsSync(join(stacksDir, alias, 'cdk.tf.json')))
    .sort()
    .map((alias) => ({ alias, json: JSON.parse(readFileSync(join(stacksDir, alias, 'cdk.tf.json'), 'utf8')) as TerraformJson }));
}

/** Every resource of `type` across the stacks. */
export function resourcesOf(stacks: readonly SynthesizedStack[], type: string): SynthesizedResource[] {
  return stacks.flatMap(({ alias, json }) =>
    Object.entries(json.resource?.[type] ?? {}).map(([id, config]) => ({ stack: alias, id, config })),
  );
}
