import { ACCOUNTS, app, problems } from '../fixtures';

describe('consumerAccountIdManaged', () => {
  test('GIVEN accountId of an account outside the registry WHEN validated THEN no warning (compliance)', () => {
    expect(problems(ACCOUNTS, { a: app('a').replace('account: swarm', 'accountId: "999999999999"') })).toEqual([]);
  });

  test('GIVEN accountId of a registry account WHEN validated THEN a warning names the alias to use', () => {
    expect(problems(ACCOUNTS, { a: app('a').replace('account: swarm', 'accountId: "222222222222"') })).toEqual([
      'apps/a.yaml:4:14: warning: accountId "222222222222" is the registry account "swarm"; write account: swarm instead, so that its workspace lets the principal assume the role (with accountId nothing is written there)',
    ]);
  });
});
