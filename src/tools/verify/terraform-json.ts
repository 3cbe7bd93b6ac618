import { iamRoleArn, managedPolicyArn } from '../../policy/naming';
import { readStackFiles, stackFile, StackFile } from '../synth-output';
import { trustAnchorStandInArn, uniqueId } from './stand-ins';
import { Lookup, renderTemplate } from './terraform-template';
import { locate } from './text-position';

/** One synthesized workspace, with the AWS account it applies to. */
export interface Stack extends StackFile {
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

/**
 * Reads every workspace of a synthesized directory and matches it to the registry: `accountIds` maps each alias to
 * its account id. An unreadable workspace, one the registry lacks, and one the registry has but the output lacks are
 * errors. Throws OutputDirError (src/tools/synth-output.ts) when the directory holds no stacks/ at all.
 */
export function readWorkspaces(outDir: string, accountIds: ReadonlyMap<string, string>): { stacks: Stack[]; errors: string[] } {
  const { stacks: files, unreadable } = readStackFiles(outDir);
  const readable = new Map(files.map((f) => [f.alias, f]));
  const problems = new Map(unreadable.map((u) => [u.alias, u.error]));
  const stacks: Stack[] = [];
  const errors: string[] = [];
  for (const alias of [...readable.keys(), ...problems.keys()].sort()) {
    const accountId = accountIds.get(alias);
    const file = readable.get(alias);
    if (!accountId) {
      errors.push(`${stackFile(outDir, alias)}:1:1: error: workspace "${alias}" has no account in accounts.yaml; synthesize again so the output matches the registry`);
    } else if (file) {
      stacks.push({ ...file, accountId });
    } else {
      errors.push(problems.get(alias)!);
    }
  }
  for (const alias of accountIds.keys()) {
    if (!readable.has(alias) && !problems.has(alias)) {
      errors.push(`${stackFile(outDir, alias)}:1:1: error: workspace "${alias}" is missing; synthesize again so the output matches the registry`);
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
export function roleArn(accountId: string, resource: Record<string, unknown>, name: string): string {
  return iamRoleArn(accountId, name, iamPath(resource));
}

/** An IAM resource's `path`, `/` when unset as in AWS. */
function iamPath(resource: Record<string, unknown>): string {
  return typeof resource.path === 'string' ? resource.path : DEFAULT_IAM_PATH;
}

/** The stand-in value of a reference such as `aws_iam_policy.x.arn` in a stack, or undefined when it has none. */
export function referenceValue(stack: Stack, expression: string): string | undefined {
  return references(stack)(expression);
}

const DEFAULT_IAM_PATH = '/';

/** Stand-in values for the references a policy may contain: what `terraform apply` would fill in. */
function references(stack: Stack): Lookup {
  return (expression) => {
    const [first, ...rest] = expression.split('.');
    if (first === 'data') return dataSourceValue(stack, rest[0], rest[1], rest[2]);
    return resourceValue(stack, first, rest[0], rest[1]);
  };
}

function resourceValue(stack: Stack, type: string, name: string, attr: string): string | undefined {
  const resource = stack.json.resource?.[type]?.[name];
  if (!resource || typeof resource.name !== 'string' || resource.name.includes('${')) return undefined;
  if (type === 'aws_iam_role') {
    const arn = roleArn(stack.accountId, resource, resource.name);
    return { arn, name: resource.name, id: resource.name, unique_id: uniqueId(arn) }[attr];
  }
  if (type === 'aws_rolesanywhere_trust_anchor') {
    const region = stack.json.provider?.aws?.[0]?.region;
    if (!region) return undefined;
    const arn = trustAnchorStandInArn(region, stack.accountId, resource.name);
    return { arn, id: arn.split('/').pop()! }[attr];
  }
  if (type === 'aws_iam_policy') {
    const arn = managedPolicyArn(stack.accountId, resource.name, iamPath(resource));
    return { arn, name: resource.name, id: arn }[attr];
  }
  return undefined;
}

/** `data.aws_caller_identity.x.account_id` is the workspace's account; its arn/user_id depend on who applies. */
function dataSourceValue(stack: Stack, type: string, name: string, attr: string): string | undefined {
  if (type !== 'aws_caller_identity' || !stack.json.data?.[type]?.[name]) return undefined;
  return attr === 'account_id' || attr === 'id' ? stack.accountId : undefined;
}
