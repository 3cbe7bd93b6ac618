import { ACCOUNTS, problems } from '../fixtures';

const withOrganization = (block: string) => `${ACCOUNTS}organization:\n${block}`;

describe('organizationAccount', () => {
  test('GIVEN an organization block naming a registry account WHEN validated THEN no problem (compliance)', () => {
    expect(problems(withOrganization('  account: swarm\n  targets: ["ou-ab12-34cd5678", "r-ab12", "333333333333"]\n'), {})).toEqual([]);
  });

  test('GIVEN an organization account that is not declared WHEN validated THEN it is an error listing the aliases', () => {
    expect(problems(withOrganization('  account: mgmt\n  targets: ["ou-ab12-34cd5678"]\n'), {})).toEqual([
      'accounts.yaml:13:12: error: organization account "mgmt" is not declared under accounts; declare the management account (or the delegated administrator for Organizations policies) there, with its deployRole: data, swarm',
    ]);
  });

  test('GIVEN a target that is neither root, OU nor account WHEN validated THEN the schema says what to write', () => {
    expect(problems(withOrganization('  account: swarm\n  targets: [ab12-34cd5678]\n'), {})).toEqual([
      'accounts.yaml:14:13: error: "organization.targets[0]" must be an organization root (r-…), OU (ou-…-…) or account id, quoted, e.g. "ou-ab12-34cd5678" (found "ab12-34cd5678")',
    ]);
  });
});
