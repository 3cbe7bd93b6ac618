import { ACCOUNTS, app, problems } from '../fixtures';

const withConsumer = (lines: string) => ({ a: app('a').replace('  account: swarm\n', lines) });

describe('consumerAccount', () => {
  test('GIVEN a registry alias or an outside accountId WHEN validated THEN no problem (compliance)', () => {
    expect(problems(ACCOUNTS, withConsumer('  account: swarm\n'))).toEqual([]);
    expect(problems(ACCOUNTS, withConsumer('  accountId: "999999999999"\n'))).toEqual([]);
  });

  test('GIVEN a misspelt alias WHEN validated THEN the closest alias is suggested and the aliases listed', () => {
    expect(problems(ACCOUNTS, withConsumer('  account: swamr\n'))).toEqual([
      'apps/a.yaml:4:12: error: unknown account "swamr" (did you mean "swarm"?); use an alias from accounts.yaml (data, swarm) or "accountId" for an account outside the registry',
    ]);
  });

  test('GIVEN both account and accountId WHEN validated THEN one of them is asked for', () => {
    expect(problems(ACCOUNTS, withConsumer('  account: swarm\n  accountId: "999999999999"\n'))).toEqual([
      'apps/a.yaml:5:3: error: consumer sets both "account" and "accountId"; keep "account" for a registry alias or "accountId" for an account outside the registry',
    ]);
  });

  test('GIVEN neither account nor accountId WHEN validated THEN both options are named', () => {
    expect(problems(ACCOUNTS, withConsumer(''))).toEqual([
      'apps/a.yaml:4:3: error: consumer needs "account" (an alias from accounts.yaml) or "accountId" (12 digits, quoted, for an account outside the registry)',
    ]);
  });

  test('GIVEN a misspelt alias and no principal WHEN validated THEN the alias is still checked beside the missing principal', () => {
    const noPrincipal = app('a').replace('  account: swarm\n  principal: role/node\n', '  account: swamr\n');
    expect(problems(ACCOUNTS, { a: noPrincipal })).toEqual([
      'apps/a.yaml:4:3: error: missing field "principal" (role/NAME, user/NAME, root, or a full IAM ARN); add it, or use certificate: { ca: NAME } instead of account and principal',
      'apps/a.yaml:4:12: error: unknown account "swamr" (did you mean "swarm"?); use an alias from accounts.yaml (data, swarm) or "accountId" for an account outside the registry',
    ]);
  });
});
