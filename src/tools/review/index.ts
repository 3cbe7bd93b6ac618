import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { formatDiagnostic, RegistryError } from '../../registry/diagnostics';
import { loadRegistry } from '../../registry/load';
import { Registry } from '../../registry/model';
import { CommandContext } from '../command';
import { reviewEnv } from '../placeholder-env';
import { UserError } from '../user-error';
import { diffRegistries } from './diff';
import { loadRegistryAtRef } from './git-registry';
import { GITHUB_COMMENT_MAX_CHARS, renderReview } from './render';
import { readVerifyJson } from './verify-json';
import { VerifyReport } from '../verify/types';

export const REVIEW_USAGE = 'usage: keyless review --base <git ref> [--out FILE] [--verify-out SYNTH_DIR | --verify-json FILE] [--max-chars N]';

export interface ReviewArgs {
  readonly base: string;
  readonly out?: string;
  readonly verifyJson?: string;
  /** A synthesized directory (cdktf.out) to verify in-process for the review. */
  readonly verifyOut?: string;
  readonly maxChars: number;
}

export function parseReviewArgs(argv: readonly string[]): ReviewArgs {
  const values = parseOptions(argv);
  if (!values.base) throw new UserError(`--base is required: the git ref to compare with, e.g. origin/main\n${REVIEW_USAGE}`);
  const maxChars = values['max-chars'] === undefined ? GITHUB_COMMENT_MAX_CHARS : Number(values['max-chars']);
  if (!Number.isInteger(maxChars) || maxChars <= 0) throw new UserError(`--max-chars must be a positive whole number, got "${values['max-chars']}"`);
  if (values['verify-json'] && values['verify-out']) throw new UserError(`pass --verify-out or --verify-json, not both\n${REVIEW_USAGE}`);
  return { base: values.base, out: values.out, verifyJson: values['verify-json'], verifyOut: values['verify-out'], maxChars };
}

function parseOptions(argv: readonly string[]) {
  try {
    return parseArgs({
      args: [...argv],
      options: { base: { type: 'string' }, out: { type: 'string' }, 'verify-json': { type: 'string' }, 'verify-out': { type: 'string' }, 'max-chars': { type: 'string' } },
    }).values;
  } catch (e) {
    throw new UserError(`${(e as Error).message}\n${REVIEW_USAGE}`);
  }
}

/** The review comment for the registry at `root` against `args.base`, with `verify`'s report when given. */
export function review(root: string, args: ReviewArgs, verify?: VerifyReport, realEnv: NodeJS.ProcessEnv = process.env): string {
  const env = reviewEnv(realEnv);
  const after = loadRegistry(root, env);
  const { registry: before, problems } = baseRegistry(root, args.base, env);
  return renderReview(diffRegistries(before, after), { base: args.base, verify, maxChars: args.maxChars, baseProblems: problems });
}

/**
 * The registry at the base ref. A base that does not validate is compared as empty, with its errors in the
 * comment: the pull request that fixes a broken main must still get its review.
 */
function baseRegistry(root: string, ref: string, env: NodeJS.ProcessEnv): { registry: Registry; problems: string[] } {
  try {
    return { registry: loadRegistryAtRef(root, ref, env), problems: [] };
  } catch (e) {
    if (!(e instanceof RegistryError)) throw e;
    const problems = e.diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic);
    return { registry: { root: `${ref}:`, accounts: [], buckets: [], certificateAuthorities: [], apps: [] }, problems };
  }
}

/** Verification needs the real ExternalIds (the synthesized trust policies hold them), so not the placeholder env. */
async function verifyReport(root: string, args: ReviewArgs): Promise<VerifyReport | undefined> {
  if (args.verifyJson) return readVerifyJson(args.verifyJson);
  // Loaded here: the IAM simulator behind verify is an optional peer dependency that a review without it does not need.
  if (args.verifyOut) return (require('../verify') as typeof import('../verify')).verifyOutput(loadRegistry(root), args.verifyOut);
  return undefined;
}

/** `keyless review --base REF …`: the Markdown on stdout or into --out. */
export async function run(argv: readonly string[], { root }: CommandContext): Promise<number> {
  const args = parseReviewArgs(argv);
  const markdown = review(root, args, await verifyReport(root, args));
  if (args.out) writeFileSync(args.out, markdown);
  else process.stdout.write(markdown);
  return 0;
}
