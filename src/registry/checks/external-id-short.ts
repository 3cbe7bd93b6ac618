import { warning } from '../diagnostics';
import { resolveExternalId } from '../external-id';
import { Check } from './check';

/** Below this an ExternalId is guessable by the other apps on a node; IAM itself accepts 2. */
export const SHORT_EXTERNAL_ID_CHARS = 16;

/** Short ExternalIds: valid for IAM, but weak as the secret that separates apps sharing a node role. */
export const externalIdShort: Check = ({ apps, env }) =>
  apps.flatMap(({ source, data }) => {
    const value = resolveExternalId(data.externalId, env);
    if (value === undefined || value.length >= SHORT_EXTERNAL_ID_CHARS) return [];
    return [warning(source.locate(['externalId']),
      `externalId has only ${value.length} characters; use at least ${SHORT_EXTERNAL_ID_CHARS} random ones (e.g. from openssl rand -hex 16), ` +
      'since other apps on the same node could guess a short one')];
  });
