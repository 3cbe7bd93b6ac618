import { Diagnostic, error, plural } from '../diagnostics';
import { EXTERNAL_ID_MAX_CHARS, EXTERNAL_ID_MIN_CHARS } from '../../policy/limits';
import { EXTERNAL_ID_PATTERN, EXTERNAL_ID_RULE } from '../schema';
import { Check } from './check';

/** `externalId: { env: NAME }`: the variable is set and holds a valid ExternalId (its value is never printed). */
export const externalIdEnv: Check = ({ apps, env }) =>
  apps.flatMap(({ source, data }): Diagnostic[] => {
    if (data.externalId === undefined || typeof data.externalId === 'string') return [];
    const name = data.externalId.env;
    const value = env[name];
    const at = source.locate(['externalId', 'env']);
    if (!value) {
      return [error(at, `externalId reads environment variable ${name}, which is not set; export ${name}=<the app's ExternalId> before running validate or synth`)];
    }
    if (value.length < EXTERNAL_ID_MIN_CHARS || value.length > EXTERNAL_ID_MAX_CHARS || !EXTERNAL_ID_PATTERN.test(value)) {
      return [error(at, `environment variable ${name} (${plural(value.length, 'character')}) is not a valid ExternalId; set it to ${EXTERNAL_ID_RULE}`)];
    }
    return [];
  });
