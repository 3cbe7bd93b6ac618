import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { jsonSchemaFiles } from '../../src/tools/schema';

const ROOT = join(__dirname, '..', '..');

describe('npm run schema', () => {
  test('GIVEN the zod schema WHEN the JSON Schemas are generated THEN the shipped files are identical (run npm run schema after a change)', () => {
    for (const [path, text] of Object.entries(jsonSchemaFiles())) {
      expect({ path, text: readFileSync(join(ROOT, path), 'utf8') }).toEqual({ path, text });
    }
  });

  test('GIVEN the generated app schema WHEN read THEN editors see required fields, closed mappings and descriptions', () => {
    const schema = JSON.parse(jsonSchemaFiles()['schema/app.schema.json']);
    // externalId is required of principal consumers only: a cross-field check (consumer-kind.ts) says so.
    expect(schema.required).toEqual(['id', 'owner', 'consumer', 'access']);
    expect(schema.additionalProperties).toBe(false);
    expect(schema.properties.access.items.properties.permissions.items.enum).toEqual(['read', 'write', 'delete', 'list']);
    expect(schema.properties.owner.description).toBe('the team that owns the app');
  });

  test.each([
    ['accounts.yaml'],
    ...readdirSync(join(ROOT, 'apps')).map((f) => [`apps/${f}`]),
  ])('GIVEN the bundled %s WHEN its first line is read THEN it points the YAML language server at an existing schema', (file) => {
    const firstLine = readFileSync(join(ROOT, file), 'utf8').split('\n')[0];
    const match = /^# yaml-language-server: \$schema=(\S+)$/.exec(firstLine);
    expect(match).not.toBeNull();
    const target = resolve(dirname(join(ROOT, file)), match![1]);
    expect(existsSync(target)).toBe(true);
    expect(target).toBe(join(ROOT, file === 'accounts.yaml' ? 'schema/accounts.schema.json' : 'schema/app.schema.json'));
  });
});
