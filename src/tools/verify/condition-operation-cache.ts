import { dirname, join } from 'node:path';

// A local layer that belongs upstream. For every condition of every statement it evaluates, iam-simulate (0.1.173)
// asks @cloud-copilot/iam-policy's ConditionOperationImpl for the operator's base name, whether it ends in IfExists
// and its set operator; each answer compares strings with `localeCompare(…, { sensitivity: 'accent' })`, which builds
// a collator per call. That was 15 % of verify's time, for a handful of distinct operators (StringEquals,
// ArnNotLikeIfExists …). Each method is a pure function of the operator string, so a memo per method in front of it
// gives the same answers. It is installed at run time on the class's prototype (nothing under node_modules is
// changed); when iam-policy is laid out differently, nothing is installed and verify is only slower, and
// condition-operation-cache.test.ts fails so that whoever upgrades notices.

/** The methods memoized: each reads only `op`; setOperator throws on an unknown set operator (not memoized). */
const METHODS = ['baseOperator', 'isIfExists', 'setOperator'] as const;
type Method = (typeof METHODS)[number];

interface Operation {
  readonly op: string;
}
type Prototype = Record<Method, (this: Operation) => unknown>;

let installed: { readonly prototype: Prototype; readonly originals: Record<Method, Prototype[Method]> } | undefined;

/** ConditionOperationImpl's prototype in iam-policy as iam-simulate resolves it. */
function operationPrototype(): Prototype | undefined {
  try {
    const simulator = require.resolve('@cloud-copilot/iam-simulate');
    const policy = require.resolve('@cloud-copilot/iam-policy', { paths: [dirname(simulator)] });
    const module = require(join(dirname(policy), 'conditions', 'conditionOperation.js')) as { ConditionOperationImpl?: { prototype: Prototype } };
    const prototype = module.ConditionOperationImpl?.prototype;
    return prototype && METHODS.every((m) => typeof prototype[m] === 'function') ? prototype : undefined;
  } catch {
    return undefined;
  }
}

/** `original` behind a memo keyed by the operator string. */
function memoized(original: Prototype[Method]): Prototype[Method] {
  const answers = new Map<string, unknown>();
  return function (this: Operation) {
    if (answers.has(this.op)) return answers.get(this.op);
    const answer = original.call(this);
    answers.set(this.op, answer);
    return answer;
  };
}

/**
 * Puts the memos in front of the condition operator's methods in this thread (each worker thread calls it too).
 * Returns whether they are active: false when iam-policy no longer has ConditionOperationImpl where it was.
 */
export function installConditionOperationCache(): boolean {
  if (installed) return true;
  const prototype = operationPrototype();
  if (!prototype) return false;
  const originals = Object.fromEntries(METHODS.map((m) => [m, prototype[m]])) as Record<Method, Prototype[Method]>;
  for (const m of METHODS) prototype[m] = memoized(originals[m]);
  installed = { prototype, originals };
  return true;
}

/** Restores the operator's own methods: the plain path, which tests compare the cached one against. */
export function uninstallConditionOperationCache(): void {
  if (!installed) return;
  for (const m of METHODS) installed.prototype[m] = installed.originals[m];
  installed = undefined;
}
