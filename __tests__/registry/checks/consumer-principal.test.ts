import { ACCOUNTS, app, problems } from '../fixtures';

const withPrincipal = (principal: string) => ({ a: app('a').replace('principal: role/node', `principal: ${principal}`) });

describe('consumerPrincipal', () => {
  test.each(['role/node', 'role/path/to/node', 'user/exporter', 'root', 'arn:aws:iam::222222222222:role/node'])(
    'GIVEN principal %s WHEN validated THEN no problem (compliance)', (principal) => {
      expect(problems(ACCOUNTS, withPrincipal(principal))).toEqual([]);
    });

  test('GIVEN an ARN of another account WHEN validated THEN the consumer account is named', () => {
    expect(problems(ACCOUNTS, withPrincipal('arn:aws:iam::333333333333:role/node'))).toEqual([
      'apps/a.yaml:5:14: error: principal "arn:aws:iam::333333333333:role/node" is not role/NAME, user/NAME, root or an IAM ARN of the consumer\'s account 222222222222; write e.g. role/ec2-node-base-role',
    ]);
  });

  test('GIVEN a bare name WHEN validated THEN the accepted forms are listed', () => {
    expect(problems(ACCOUNTS, withPrincipal('node'))).toEqual([
      'apps/a.yaml:5:14: error: principal "node" is not role/NAME, user/NAME, root or an IAM ARN of the consumer\'s account 222222222222; write e.g. role/ec2-node-base-role',
    ]);
  });
});
