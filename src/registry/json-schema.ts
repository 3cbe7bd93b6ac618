import { z } from 'zod';
import { accountsFileSchema, appFileSchema } from './schema';
import { YamlPath } from './yaml-source';

/** The JSON Schema subset keyless emits and walks: enough to list the fields of any place in a file. */
export interface JsonSchemaNode {
  readonly type?: string;
  readonly description?: string;
  readonly properties?: Readonly<Record<string, JsonSchemaNode>>;
  readonly additionalProperties?: JsonSchemaNode | boolean;
  readonly items?: JsonSchemaNode;
  readonly anyOf?: readonly JsonSchemaNode[];
}

/** The editor schemas shipped in the repo, by path; `npm run schema` writes them, a test keeps them current. */
export const JSON_SCHEMA_FILES = {
  'schema/accounts.schema.json': accountsFileSchema,
  'schema/app.schema.json': appFileSchema,
} as const;

/** draft-07: the newest draft every YAML language server understands. */
export function toJsonSchema(schema: z.ZodType): JsonSchemaNode {
  return z.toJSONSchema(schema, { target: 'draft-07' }) as JsonSchemaNode;
}

/** The schema nodes describing the value at `path` (several where the schema offers alternatives). */
export function nodesAt(root: JsonSchemaNode, path: YamlPath): JsonSchemaNode[] {
  let nodes = [root];
  for (const segment of path) {
    nodes = nodes.flatMap(alternatives).flatMap((node) => {
      const next = typeof segment === 'number' ? node.items : node.properties?.[segment] ?? objectValues(node);
      return next ? [next] : [];
    });
  }
  return nodes;
}

/** The field names a mapping at `path` may hold. */
export function fieldsAt(root: JsonSchemaNode, path: YamlPath): string[] {
  return [...new Set(nodesAt(root, path).flatMap(alternatives).flatMap((n) => Object.keys(n.properties ?? {})))];
}

/** The description of the field at `path`, when the schema has one. */
export function describeField(root: JsonSchemaNode, path: YamlPath): string | undefined {
  return nodesAt(root, path).find((n) => n.description)?.description;
}

function alternatives(node: JsonSchemaNode): JsonSchemaNode[] {
  return node.anyOf ? node.anyOf.flatMap(alternatives) : [node];
}

function objectValues(node: JsonSchemaNode): JsonSchemaNode | undefined {
  return typeof node.additionalProperties === 'object' ? node.additionalProperties : undefined;
}
