import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadRegistry } from '../../../src/registry/load';
import { Registry } from '../../../src/registry/model';
import { bundledOutput } from '../../shared-output';

/** The repository root, which holds the bundled example registry. */
export const PROJECT_ROOT = resolve(__dirname, '..', '..', '..');

/** Synthesizes a registry into a fresh temp directory, as `npm run synth` would, and returns the directory. */
export function synthesize(registry: Registry): string {
  // Loaded here: suites that only copy the shared bundled output never load cdktf.
  const { buildApp } = require('../../../main') as typeof import('../../../main');
  const dir = mkdtempSync(join(tmpdir(), 'keyless-verify-test-'));
  buildApp(registry, dir).synth();
  return dir;
}

/** The bundled registry synthesized into a fresh temp directory (a copy of the run's shared output). */
export function synthesizedBundled(): string {
  return bundledOutput(() => synthesize(bundledRegistry()));
}

export function bundledRegistry(): Registry {
  return loadRegistry(PROJECT_ROOT, {});
}

type Json = Record<string, any>;

/** A copy of a synthesized directory with one stack's JSON changed the way a careless edit would. */
export function mutated(pristine: string, alias: string, edit: (stack: Json) => void): string {
  return mutatedText(pristine, alias, (text) => {
    const stack = JSON.parse(text) as Json;
    edit(stack);
    return JSON.stringify(stack, null, 2);
  });
}

/** A copy of a synthesized directory with one stack's raw text changed. */
export function mutatedText(pristine: string, alias: string, edit: (text: string) => string): string {
  const dir = mkdtempSync(join(tmpdir(), 'keyless-verify-mutant-'));
  cpSync(pristine, dir, { recursive: true });
  const file = join(dir, 'stacks', alias, 'cdk.tf.json');
  writeFileSync(file, edit(readFileSync(file, 'utf8')));
  return dir;
}

/** The resource of `type` whose attribute `key` equals `value`, e.g. the bucket policy of one bucket. */
export function resourceWhere(stack: Json, type: string, key: string, value: string): Json {
  const found = Object.values(stack.resource[type] as Record<string, Json>).find((r) => r[key] === value);
  if (!found) throw new Error(`no ${type} with ${key} = ${value}`);
  return found;
}

/** The resource of `type` whose construct path starts with `prefix`, e.g. `app-swarm-uploader_permissions`. */
export function resourceNamed(stack: Json, type: string, prefix: string): Json {
  const name = Object.keys(stack.resource[type] as Record<string, Json>).find((n) => n.startsWith(prefix));
  if (!name) throw new Error(`no ${type} named ${prefix}*`);
  return stack.resource[type][name] as Json;
}

/** Parses a policy attribute, lets `edit` change the document, and writes it back as Terraform would hold it. */
export function editPolicy(resource: Json, key: string, edit: (doc: Json) => void): void {
  const doc = JSON.parse(resource[key] as string) as Json;
  edit(doc);
  resource[key] = JSON.stringify(doc);
}
