import { dirname, join } from 'node:path';

// A local layer that belongs upstream. For every request, iam-simulate (0.1.173) looks up which resource types the
// action's resource matches twice (runSimulation and allowedContextKeysForRequest) and caches nothing; the lookup runs
// @cloud-copilot/iam-utils' mostSpecificMatchingResourceTypePatterns, which intersects automata character by
// character with a `localeCompare` per pair. That was 60–75 % of verify's time, although an app's scenarios ask about
// the same few (action, resource) pairs again and again. The function is pure, so a memo in front of it gives the
// same answers. It is installed at run time, replacing the binding that iam-utils' index re-exports (nothing under
// node_modules is changed); when iam-utils is laid out differently, nothing is installed and verify is only slower,
// and resource-type-cache.test.ts fails so that whoever upgrades notices.

type Matcher = (resource: string, patterns: string[]) => string[];
interface MatcherModule {
  mostSpecificMatchingResourceTypePatterns: Matcher;
}

const EXPORT = 'mostSpecificMatchingResourceTypePatterns';

let installed: { readonly module: MatcherModule; readonly original: Matcher } | undefined;

/** iam-utils as iam-simulate resolves it, and the file that defines the function its index re-exports. */
function matcherModules(): { index: MatcherModule; definition: MatcherModule } | undefined {
  try {
    const simulator = require.resolve('@cloud-copilot/iam-simulate');
    const index = require.resolve('@cloud-copilot/iam-utils', { paths: [dirname(simulator)] });
    return { index: require(index) as MatcherModule, definition: require(join(dirname(index), 'resourceTypes.js')) as MatcherModule };
  } catch {
    return undefined;
  }
}

/** `original` behind a memo keyed by the resource and the candidate patterns; callers get their own array. */
function memoized(original: Matcher): Matcher {
  const answers = new Map<string, readonly string[]>();
  return (resource, patterns) => {
    const key = `${resource}\n${patterns.join('\n')}`;
    let answer = answers.get(key);
    if (!answer) {
      answer = original(resource, patterns);
      answers.set(key, answer);
    }
    return [...answer];
  };
}

/**
 * Puts the memo in front of iam-utils' resource-type matcher in this thread (each worker thread calls it too).
 * Returns whether the memo is active: false when iam-utils no longer re-exports the function from where it is defined.
 */
export function installResourceTypeCache(): boolean {
  if (installed) return true;
  const modules = matcherModules();
  if (!modules) return false;
  const { index, definition } = modules;
  const original = definition[EXPORT];
  if (typeof original !== 'function' || index[EXPORT] !== original) return false;
  const cached = memoized(original);
  try {
    definition[EXPORT] = cached;
  } catch {
    return false;
  }
  if (index[EXPORT] !== cached) {
    definition[EXPORT] = original;
    return false;
  }
  installed = { module: definition, original };
  return true;
}

/** Restores the simulator's own lookups: the plain path, which tests compare the cached one against. */
export function uninstallResourceTypeCache(): void {
  if (!installed) return;
  installed.module[EXPORT] = installed.original;
  installed = undefined;
}
