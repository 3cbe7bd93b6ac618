/**
 * An environment where every variable reads as a placeholder naming it. review and onboard load the registry
 * with it: they never use an ExternalId's value, so they run without the secrets that synth needs, and two
 * registries that read the same variable compare equal.
 */
export function placeholderEnv(): NodeJS.ProcessEnv {
  return new Proxy({}, { get: (_target, name) => (typeof name === 'string' ? envPlaceholder(name) : undefined) });
}

/**
 * review's environment: a variable's value where it is set, its placeholder where not. A move from a literal
 * ExternalId to `{ env: NAME }` (or a rename of the variable) then compares by value when NAME is set, and is
 * known to be undecidable when it is not, instead of reading as a changed value.
 */
export function reviewEnv(real: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return new Proxy({}, { get: (_target, name) => (typeof name === 'string' ? real[name] ?? envPlaceholder(name) : undefined) });
}

/** Made only of characters an ExternalId may hold, so a placeholder passes the same validation as a real value. */
export function envPlaceholder(name: string): string {
  return `from-env:${name}`;
}

/** How a pull request's ungated jobs ask for stand-in ExternalIds: they get no secret. */
export const STAND_IN_SWITCH = { name: 'KEYLESS_EXTERNAL_IDS', value: 'stand-in' } as const;

/**
 * The environment synth and verify read `externalId: { env: NAME }` from: the real one, or, with
 * KEYLESS_EXTERNAL_IDS=stand-in, placeholders distinct per variable. verify only needs each app's value to differ
 * from its neighbours', so an ungated pull-request job checks everything without holding a secret; its output
 * must never be planned or applied (the plan jobs synthesize again with the environment's secrets).
 */
export function externalIdEnv(env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  return env[STAND_IN_SWITCH.name] === STAND_IN_SWITCH.value ? placeholderEnv() : env;
}
