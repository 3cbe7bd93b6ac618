import { writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { JSON_SCHEMA_FILES, toJsonSchema } from '../registry/json-schema';

/** The editor schema files as `npm run schema` writes them: formatted JSON with a final newline. */
export function jsonSchemaFiles(): Record<string, string> {
  return Object.fromEntries(Object.entries(JSON_SCHEMA_FILES).map(([path, schema]) => [path, `${JSON.stringify(toJsonSchema(schema), null, 2)}\n`]));
}

if (require.main === module) {
  const root = join(__dirname, '..', '..');
  for (const [path, text] of Object.entries(jsonSchemaFiles())) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
    console.log(`wrote ${path}`);
  }
}
