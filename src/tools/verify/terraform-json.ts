import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { uniqueId } from './stand-ins';
import { Lookup, renderTemplate } from './terraform-template';

/** The parts of a synthesized `cdk.tf.json` verify reads. */
export interface TerraformJson {
  readonly resource?: Record<string, Record<string, Record<string, unknown>>>;
  readonly data?: Record<string, Record<string, unknown>>;
}

/** One synthesized workspace: `<outDir>/stacks/<alias>/cdk.tf.json`. */
export interface Stack {
  readonly alias: string;
  readonly file: string;
  readonly text: string;
  readonly json: TerraformJson;
  /** The AWS account the workspace applies to, from the registry. */
  readonly accountId: string;
}

/** An attribute of a resource, rendered as AWS would see it. */
export interface Attribute {
  /** `file:line:col` of the attribute, for messages. */
  readonly location: string;
  /** `aws_iam_role.<name>.assume_role_policy`. */
  readonly address: string;
  readonly value?: string;
  /** `file:line:col: error: cause; fix` lines when the value cannot be rendered. */
  readonly errors: readonly string[];
}

/** A problem with the synthesized directory as a whole: the user pointed verify at the wrong place. */
export class OutputDirError extends Error {}

const STACK_FILE = 'cdk.tf.json';

/** Reads every stack of a synthesized directory; `accountIds` maps each registry alias to its account id. */
export function readStacks(outDir: string, accountIds: ReadonlyMap<string, string>): { stacks: Stack[]; errors: string[] } {
  const stacksDir = join(outDir, 'stacks');
  if (!existsSync(stacksDir)) {
    throw new OutputDirError(`${outDir}: error: no stacks/ directory; run \`npm run synth\` first or pass the directory it wrote (--out cdktf.out)`);
  }
  const stacks: Stack[] = [];
  const errors: string[] = [];
  const seen = new Set<string>();
  for (const alias of readdirSync(stacksDir).sort()) {
    const file = join(stacksDir, alias, STACK_FILE);
    if (!existsSync(file)) continue;
    seen.add(alias);
    const accountId = accountIds.get(alias);
    if (!accountId) {
      errors.push(`${file}:1:1: error: workspace "${alias}" has no account in accounts.yaml; synthesize again so the output matches the registry`);
      continue;
    }
    const text = readFileSync(file, 'utf8');
    try {
      stacks.push({ alias, file, text, json: JSON.parse(text) as TerraformJson, accountId });
    } catch (e) {
      errors.push(`${file}:1:1: error: not valid JSON (${(e as Error).message}); synthesize again`);
    }
  }
  for (const alias of accountIds.keys()) {
    if (!seen.has(alias)) {
      errors.push(`${join(stacksDir, alias, STACK_FILE)}:1:1: error: workspace "${alias}" is missing; synthesize again so the output matches the registry`);
    }
  }
  return { stacks, errors };
}

/** The resources of one type in a stack, by Terraform name. */
export function resources(stack: Stack, type: string): [string, Record<string, unknown>][] {
  return Object.entries(stack.json.resource?.[type] ?? {});
}

/** Renders a string attribute of a resource, resolving the references verify understands. */
export function attribute(stack: Stack, type: string, name: string, key: string): Attribute {
  const location = locate(stack, name, key);
  const address = `${type}.${name}.${key}`;
  const raw = stack.json.resource?.[type]?.[name]?.[key];
  if (typeof raw !== 'string') {
    return { location, address, errors: [`${location}: error: ${address} is not a string; synthesize again`] };
  }
  const rendered = renderTemplate(raw, references(stack));
  const errors = rendered.errors.map((e) => `${location}: error: ${address}: ${e}`);
  return { location, address, value: errors.length ? undefined : rendered.value, errors };
}

/** The ARN a role gets from its name and path, as Terraform's `arn` attribute would hold. */
export function roleArn(accountId: string, path: string, name: string): string {
  return `arn:aws:iam::${accountId}:role${path}${name}`;
}

/** The stand-in value of a reference such as `aws_iam_policy.x.arn` in a stack, or undefined when it has none. */
export function referenceValue(stack: Stack, expression: string): string | undefined {
  return references(stack)(expression);
}

const DEFAULT_IAM_PATH = '/';
const lookupCache = new WeakMap<Stack, Lookup>();

/** Stand-in values for the references a policy may contain: what `terraform apply` would fill in. */
function references(stack: Stack): Lookup {
  const cached = lookupCache.get(stack);
  if (cached) return cached;
  const lookup: Lookup = (expression) => {
    const [first, ...rest] = expression.split('.');
    const [type, name, attr] = first === 'data' ? rest : [first, ...rest];
    if (first === 'data') return dataSourceValue(stack, type, name, attr);
    return resourceValue(stack, type, name, attr);
  };
  lookupCache.set(stack, lookup);
  return lookup;
}

function resourceValue(stack: Stack, type: string, name: string, attr: string): string | undefined {
  const resource = stack.json.resource?.[type]?.[name];
  if (!resource || typeof resource.name !== 'string' || resource.name.includes('${')) return undefined;
  const path = typeof resource.path === 'string' ? resource.path : DEFAULT_IAM_PATH;
  if (type === 'aws_iam_role') {
    const arn = roleArn(stack.accountId, path, resource.name);
    return { arn, name: resource.name, id: resource.name, unique_id: uniqueId(arn) }[attr];
  }
  if (type === 'aws_iam_policy') {
    const arn = `arn:aws:iam::${stack.accountId}:policy${path}${resource.name}`;
    return { arn, name: resource.name, id: arn }[attr];
  }
  return undefined;
}

/** `data.aws_caller_identity.x.account_id` is the workspace's account; its arn/user_id depend on who applies. */
function dataSourceValue(stack: Stack, type: string, name: string, attr: string): string | undefined {
  if (type !== 'aws_caller_identity' || !stack.json.data?.[type]?.[name]) return undefined;
  return attr === 'account_id' || attr === 'id' ? stack.accountId : undefined;
}

/** Where each object key of a stack file starts, and where each line starts: built once per stack. */
interface TextIndex {
  readonly objectKeys: ReadonlyMap<string, number>;
  readonly lineStarts: readonly number[];
}

const textIndexes = new WeakMap<Stack, TextIndex>();

function textIndex(stack: Stack): TextIndex {
  let index = textIndexes.get(stack);
  if (!index) {
    const objectKeys = new Map<string, number>();
    for (const match of stack.text.matchAll(/"([^"\n]+)": \{/g)) {
      if (!objectKeys.has(match[1])) objectKeys.set(match[1], match.index);
    }
    const lineStarts = [0];
    for (let at = stack.text.indexOf('\n'); at >= 0; at = stack.text.indexOf('\n', at + 1)) lineStarts.push(at + 1);
    index = { objectKeys, lineStarts };
    textIndexes.set(stack, index);
  }
  return index;
}

/** `file:line:col` of `"key":` inside the resource named `name`; the file's start when not found. */
function locate(stack: Stack, name: string, key: string): string {
  const { objectKeys, lineStarts } = textIndex(stack);
  const resourceAt = objectKeys.get(name) ?? -1;
  const keyAt = resourceAt < 0 ? -1 : stack.text.indexOf(`"${key}":`, resourceAt);
  const at = Math.max(keyAt < 0 ? resourceAt : keyAt, 0);
  let line = 0;
  for (let step = lineStarts.length; step > 0; step >>= 1) {
    while (line + step < lineStarts.length && lineStarts[line + step] <= at) line += step;
  }
  return `${stack.file}:${line + 1}:${at - lineStarts[line] + 1}`;
}
