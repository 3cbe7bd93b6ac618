import { warning } from '../diagnostics';
import { ROLE_CHAINING_MAX_SESSION_DURATION } from '../../policy/limits';
import { Check } from './check';

/**
 * A role consumer assumes the app role by role chaining, which STS caps at one hour whatever the role allows.
 * Root is left alone: its admins may delegate to IAM users, for whom a longer session works.
 */
export const sessionDurationChaining: Check = ({ apps }) =>
  apps.flatMap(({ source, data }) => {
    const duration = data.maxSessionDuration;
    const { principal } = data.consumer;
    if (duration === undefined || duration <= ROLE_CHAINING_MAX_SESSION_DURATION || principal === undefined) return [];
    if (!/^(?:arn:aws:iam::\d{12}:)?role\//.test(principal)) return [];
    return [warning(source.locate(['maxSessionDuration']),
      `maxSessionDuration is ${duration}, but the consumer ${principal} is a role, and STS caps sessions of roles assumed by role chaining ` +
      `at ${ROLE_CHAINING_MAX_SESSION_DURATION} seconds: requests above ${ROLE_CHAINING_MAX_SESSION_DURATION} fail ("DurationSeconds exceeds the 1 hour session limit ` +
      `for roles assumed by role chaining"); request at most ${ROLE_CHAINING_MAX_SESSION_DURATION} seconds and refresh the credentials, or remove ` +
      'maxSessionDuration (a longer one only helps IAM-user consumers)')];
  });
