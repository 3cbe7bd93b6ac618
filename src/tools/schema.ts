import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { CommandContext, parseOptions } from './command';
import { JSON_SCHEMA_FILES, toJsonSchema } from '../registry/json-schema';

/** Where the schemas live in the package (editors resolve node_modules/keyless/schema/) and by default in a registry. */
export const SCHEMA_DIR = 'schema';

/** The editor schema files as `npm run schema` writes them: formatted JSON with a final newline. */
export function jsonSchemaFiles(): Record<string, string> {
  return Object.fromEntries(Object.entries(JSON_SCHEMA_FILES).map(([path, schema]) => [path, `${JSON.stringify(toJsonSchema(schema), null, 2)}\n`]));
}

/** `keyless schema [--out DIR]`: writes the schemas into DIR, by default schema/ of the registry root. */
export function run(args: readonly string[], { root }: CommandContext): number {
  const { values } = parseOptions('schema', args, { out: { type: 'string' } });
  const out = values.out === undefined ? join(root, SCHEMA_DIR) : resolve(values.out);
  mkdirSync(out, { recursive: true });
  for (const [path, text] of Object.entries(jsonSchemaFiles())) {
    writeFileSync(join(out, basename(path)), text);
    console.log(`wrote ${join(out, basename(path))}`);
  }
  return 0;
}
