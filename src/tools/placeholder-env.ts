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
