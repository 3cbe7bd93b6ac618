import { AppFile } from './schema';

/** An app's ExternalId: the literal, or the value of its `{ env: NAME }` variable (undefined when unset, empty or not declared). */
export function resolveExternalId(value: AppFile['externalId'], env: NodeJS.ProcessEnv): string | undefined {
  if (value === undefined || typeof value === 'string') return value;
  return env[value.env] || undefined;
}
