import { ACCOUNTS, app, problems } from '../fixtures';

const fromEnv = { a: app('a').replace('externalId: a-0123456789abcdef', 'externalId: { env: A_EXTERNAL_ID }') };
/** The errors only: a value under 16 characters also gets externalIdShort's warning. */
const errors = (env: NodeJS.ProcessEnv) => problems(ACCOUNTS, fromEnv, env).filter((p) => p.includes(': error: '));

describe('externalIdEnv', () => {
  test('GIVEN { env: X } with X set to a valid ExternalId WHEN validated THEN no problem (compliance)', () => {
    expect(problems(ACCOUNTS, fromEnv, { A_EXTERNAL_ID: 'from-the-environment-1234' })).toEqual([]);
  });

  test('GIVEN { env: X } with X unset WHEN validated THEN the variable to export is named', () => {
    expect(problems(ACCOUNTS, fromEnv, {})).toEqual([
      'apps/a.yaml:6:20: error: externalId reads environment variable A_EXTERNAL_ID, which is not set; export A_EXTERNAL_ID=<the app\'s ExternalId> before running validate or synth',
    ]);
  });

  test('GIVEN { env: X } with X set to an invalid ExternalId WHEN validated THEN the rule is given and the value not printed', () => {
    const [message] = problems(ACCOUNTS, fromEnv, { A_EXTERNAL_ID: 'has spaces in it' });
    expect(message).toBe('apps/a.yaml:6:20: error: environment variable A_EXTERNAL_ID (16 characters) is not a valid ExternalId; set it to 2 to 1224 characters of letters, digits and _+=,.@:/-');
  });

  test.each([
    ['2', 'ab'],
    ['1224', 'x'.repeat(1224)],
  ])('GIVEN { env: X } with X of %s characters, the IAM limit WHEN validated THEN it is accepted (compliance)', (_length, value) => {
    expect(errors({ A_EXTERNAL_ID: value })).toEqual([]);
  });

  test.each([
    ['1 character', 'x'],
    ['1225 characters', 'x'.repeat(1225)],
  ])('GIVEN { env: X } with X of %s, outside the IAM limits WHEN validated THEN the length and the rule are given', (length, value) => {
    expect(errors({ A_EXTERNAL_ID: value })).toEqual([
      `apps/a.yaml:6:20: error: environment variable A_EXTERNAL_ID (${length}) is not a valid ExternalId; set it to 2 to 1224 characters of letters, digits and _+=,.@:/-`,
    ]);
  });
});
