import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadRegistry, registryRoot } from '../../registry/load';
import { runCli } from '../cli';
import { placeholderEnv } from '../placeholder-env';
import { UserError } from '../user-error';
import { diffRegistries } from './diff';
import { loadRegistryAtRef } from './git-registry';
import { GITHUB_COMMENT_MAX_CHARS, renderReview } from './render';
import { readVerifyJson } from './verify-json';

export const REVIEW_USAGE = 'usage: npm run review -- --base <git ref> [--out FILE] [--verify-json FILE] [--max-chars N]';

export interface ReviewArgs {
  readonly base: string;
  readonly out?: string;
  readonly verifyJson?: string;
  readonly maxChars: number;
}

export function parseReviewArgs(argv: readonly string[]): ReviewArgs {
  const values = parseOptions(argv);
  if (!values.base) throw new UserError(`--base is required: the git ref to compare with, e.g. origin/main\n${REVIEW_USAGE}`);
  const maxChars = values['max-chars'] === undefined ? GITHUB_COMMENT_MAX_CHARS : Number(values['max-chars']);
  if (!Number.isInteger(maxChars) || maxChars <= 0) throw new UserError(`--max-chars must be a positive whole number, got "${values['max-chars']}"`);
  return { base: values.base, out: values.out, verifyJson: values['verify-json'], maxChars };
}

function parseOptions(argv: readonly string[]) {
  try {
    return parseArgs({
      args: [...argv],
      options: { base: { type: 'string' }, out: { type: 'string' }, 'verify-json': { type: 'string' }, 'max-chars': { type: 'string' } },
    }).values;
  } catch (e) {
    throw new UserError(`${(e as Error).message}\n${REVIEW_USAGE}`);
  }
}

/** The review comment for the registry at `root` against `args.base`. */
export function review(root: string, args: ReviewArgs): string {
  const env = placeholderEnv();
  const before = loadRegistryAtRef(root, args.base, env);
  const after = loadRegistry(root, env);
  const verify = args.verifyJson ? readVerifyJson(args.verifyJson) : undefined;
  return renderReview(diffRegistries(before, after), { base: args.base, verify, maxChars: args.maxChars });
}

function main(): void {
  const args = parseReviewArgs(process.argv.slice(2));
  const markdown = review(registryRoot(), args);
  if (args.out) writeFileSync(args.out, markdown);
  else process.stdout.write(markdown);
}

if (require.main === module) runCli(main);
