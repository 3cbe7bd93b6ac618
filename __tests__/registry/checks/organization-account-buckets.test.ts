import { ACCOUNTS, problems } from '../fixtures';

const withOrganization = (account: string) => `${ACCOUNTS}organization:\n  account: ${account}\n  targets: ["ou-ab12-34cd5678"]\n`;

describe('organizationAccountBuckets', () => {
  test('GIVEN an organization account without buckets WHEN validated THEN no problem (compliance)', () => {
    expect(problems(withOrganization('swarm'), {})).toEqual([]);
  });

  test('GIVEN a bucket in the organization account WHEN validated THEN a warning says the RCP and SCP may not cover it', () => {
    expect(problems(withOrganization('data'), {})).toEqual([
      'accounts.yaml:11:14: warning: bucket "shared" is in the organization account "data" (accounts.yaml:13:12): if that is the management account, the RCP and SCP do not apply to it; keep workload buckets in member accounts, or make organization.account a delegated administrator for Organizations policies',
    ]);
  });
});
