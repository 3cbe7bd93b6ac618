import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The parts of a synthesized `cdk.tf.json` the tools read: resources and data sources by type, then by name. */
export interface TerraformJson {
  readonly resource?: Readonly<Record<string, Readonly<Record<string, Readonly<Record<string, unknown>>>>>>;
  readonly data?: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  readonly provider?: { readonly aws?: readonly { readonly region?: string }[] };
}

/** One workspace as synthesized: `<outDir>/stacks/<alias>/cdk.tf.json`. */
export interface SynthesizedStack {
  readonly alias: string;
  readonly json: TerraformJson;
}

/** A stack as read from disk, with its file and text so that messages can say `file:line:col`. */
export interface StackFile extends SynthesizedStack {
  readonly file: string;
  readonly text: string;
}

/** One resource of a synthesized stack, with where it is, for messages. */
export interface SynthesizedResource {
  readonly stack: string;
  readonly id: string;
  readonly config: Readonly<Record<string, unknown>>;
}

/** The directory is not a synthesized output at all: the user pointed a tool at the wrong place. */
export class OutputDirError extends Error {}

export const STACK_FILE = 'cdk.tf.json';

/** `<outDir>/stacks/<alias>/cdk.tf.json`. */
export function stackFile(outDir: string, alias: string): string {
  return join(outDir, 'stacks', alias, STACK_FILE);
}

/** A stack file that could not be read, with a `file:1:1: error: …` line saying why. */
export interface UnreadableStack {
  readonly alias: string;
  readonly error: string;
}

/**
 * Reads every stack of a synthesized directory, sorted by alias. A stack that is not valid JSON is returned as
 * unreadable rather than thrown, so a caller can report every problem at once.
 */
export function readStackFiles(outDir: string): { stacks: StackFile[]; unreadable: UnreadableStack[] } {
  const stacksDir = join(outDir, 'stacks');
  if (!existsSync(stacksDir)) {
    throw new OutputDirError(`${outDir}: error: no stacks/ directory; run \`keyless synth\` first or pass the directory it wrote (--out cdktf.out)`);
  }
  const stacks: StackFile[] = [];
  const unreadable: UnreadableStack[] = [];
  for (const alias of readdirSync(stacksDir).sort()) {
    const file = stackFile(outDir, alias);
    if (!existsSync(file)) continue;
    const text = readFileSync(file, 'utf8');
    try {
      stacks.push({ alias, file, text, json: JSON.parse(text) as TerraformJson });
    } catch (e) {
      unreadable.push({ alias, error: `${file}:1:1: error: not valid JSON (${(e as Error).message}); synthesize again` });
    }
  }
  return { stacks, unreadable };
}

/** Every stack of a synthesized directory, for output the caller has just synthesized: any unreadable stack throws. */
export function readStacks(outDir: string): StackFile[] {
  const { stacks, unreadable } = readStackFiles(outDir);
  if (unreadable.length) throw new Error(unreadable.map((u) => u.error).join('\n'));
  return stacks;
}

/** Every resource of `type` across the stacks. */
export function resourcesOf(stacks: readonly SynthesizedStack[], type: string): SynthesizedResource[] {
  return stacks.flatMap(({ alias, json }) =>
    Object.entries(json.resource?.[type] ?? {}).map(([id, config]) => ({ stack: alias, id, config })),
  );
}
