import { ACCOUNTS, app, problems } from '../fixtures';

const withDuration = (principal: string, seconds: number) => ({ a: `${app('a').replace('principal: role/node', `principal: ${principal}`)}maxSessionDuration: ${seconds}\n` });

describe('sessionDurationChaining', () => {
  test.each([
    ['role/node', 3600],
    ['user/batch', 43200],
    ['root', 43200],
  ])('GIVEN consumer %s with maxSessionDuration %d WHEN validated THEN no problem (compliance)', (principal, seconds) => {
    expect(problems(ACCOUNTS, withDuration(principal, seconds))).toEqual([]);
  });

  test('GIVEN a role consumer with maxSessionDuration 7200 WHEN validated THEN a warning explains the role chaining cap', () => {
    expect(problems(ACCOUNTS, withDuration('role/node', 7200))).toEqual([
      'apps/a.yaml:11:21: warning: maxSessionDuration is 7200, but the consumer role/node is a role, and STS caps sessions of roles assumed by role chaining at 3600 seconds: requests above 3600 fail ("DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining"); request at most 3600 seconds and refresh the credentials, or remove maxSessionDuration (a longer one only helps IAM-user consumers)',
    ]);
  });

  test('GIVEN a role consumer written as a full ARN with a path WHEN validated THEN it is recognised as a role', () => {
    expect(problems(ACCOUNTS, withDuration('arn:aws:iam::222222222222:role/ops/node', 3601))).toEqual([
      'apps/a.yaml:11:21: warning: maxSessionDuration is 3601, but the consumer arn:aws:iam::222222222222:role/ops/node is a role, and STS caps sessions of roles assumed by role chaining at 3600 seconds: requests above 3600 fail ("DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining"); request at most 3600 seconds and refresh the credentials, or remove maxSessionDuration (a longer one only helps IAM-user consumers)',
    ]);
  });

  test('GIVEN an IAM user whose path is /role/ WHEN validated THEN it is no role: no warning (compliance)', () => {
    expect(problems(ACCOUNTS, withDuration('user/role/batch', 7200))).toEqual([]);
  });
});
