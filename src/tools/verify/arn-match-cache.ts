import { dirname, join } from 'node:path';

// A local layer that belongs upstream. For every ArnLike and ArnNotLike condition value, iam-simulate (0.1.173)
// splits both ARNs and builds a regular expression per segment on every request (`arnMatches` in
// condition/arn/arn.js). The organization's SCPs and RCPs hold lists of such values (the principals outside the
// registry, the deploy roles), evaluated against the same few principal ARNs request after request: on the bundled
// registry this was a quarter of a warm verify. The answer reads the request only to resolve `${…}` policy variables,
// so for a policy value without `$` it is a pure function of the two ARNs and whether a match is expected, and a memo
// in front of it gives the same answers. It is installed at run time, replacing the export the condition operators
// call (nothing under node_modules is changed); when iam-simulate is laid out differently, nothing is installed and
// verify is only slower, and arn-match-cache.test.ts fails so that whoever upgrades notices.

interface ArnMatch {
  readonly matches: boolean;
  readonly errors?: readonly string[];
}
type Matcher = (policyArn: string, requestArn: string, request: unknown, expectMatch: boolean) => ArnMatch;
interface MatcherModule {
  arnMatches: Matcher;
}

let installed: { readonly module: MatcherModule; readonly original: Matcher } | undefined;

/** iam-simulate's condition/arn/arn.js, whose export ArnLike and ArnNotLike call. */
function matcherModule(): MatcherModule | undefined {
  try {
    const module = require(join(dirname(require.resolve('@cloud-copilot/iam-simulate')), 'condition', 'arn', 'arn.js')) as Partial<MatcherModule>;
    return typeof module.arnMatches === 'function' ? (module as MatcherModule) : undefined;
  } catch {
    return undefined;
  }
}

/** `original` behind a memo for policy values without variables; callers get their own copy of each answer. */
function memoized(original: Matcher): Matcher {
  const answers = new Map<string, ArnMatch>();
  return (policyArn, requestArn, request, expectMatch) => {
    if (policyArn.includes('$')) return original(policyArn, requestArn, request, expectMatch);
    const key = `${expectMatch}\n${policyArn}\n${requestArn}`;
    let answer = answers.get(key);
    if (!answer) {
      answer = original(policyArn, requestArn, request, expectMatch);
      answers.set(key, answer);
    }
    return { ...answer, ...(answer.errors && { errors: [...answer.errors] }) };
  };
}

/**
 * Puts the memo in front of iam-simulate's ARN condition matcher in this thread (each worker thread calls it too).
 * Returns whether the memo is active: false when iam-simulate no longer has the export where it is looked for.
 */
export function installArnMatchCache(): boolean {
  if (installed) return true;
  const module = matcherModule();
  if (!module) return false;
  const original = module.arnMatches;
  const cached = memoized(original);
  try {
    module.arnMatches = cached;
  } catch {
    return false;
  }
  if (module.arnMatches !== cached) return false;
  installed = { module, original };
  return true;
}

/** Restores the simulator's own matcher: the plain path, which tests compare the cached one against. */
export function uninstallArnMatchCache(): void {
  if (!installed) return;
  installed.module.arnMatches = installed.original;
  installed = undefined;
}
