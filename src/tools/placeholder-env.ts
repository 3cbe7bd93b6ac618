/**
 * An environment where every variable reads as a placeholder naming it. review and onboard load the registry
 * with it: they never use an ExternalId's value, so they run without the secrets that synth needs, and two
 * registries that read the same variable compare equal.
 */
export function placeholderEnv(): NodeJS.ProcessEnv {
  return new Proxy({}, { get: (_target, name) => (typeof name === 'string' ? envPlaceholder(name) : undefined) });
}

/** Made only of characters an ExternalId may hold, so a placeholder passes the same validation as a real value. */
export function envPlaceholder(name: string): string {
  return `from-env:${name}`;
}
