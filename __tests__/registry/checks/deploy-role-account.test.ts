import { ACCOUNTS, problems } from '../fixtures';

const withDeployRole = (arn: string) => ACCOUNTS.replace('    deployRole: arn:aws:iam::111111111111:role/terraform\n', `    deployRole: ${arn}\n`);

describe('deployRoleAccount', () => {
  test('GIVEN a deployRole of the account itself WHEN validated THEN no problem (compliance)', () => {
    expect(problems(withDeployRole('arn:aws:iam::111111111111:role/terraform'), {})).toEqual([]);
  });

  test('GIVEN a deployRole of another account WHEN validated THEN both account ids are named', () => {
    expect(problems(withDeployRole('arn:aws:iam::222222222222:role/terraform'), {})).toEqual([
      'accounts.yaml:5:17: error: deployRole is in account 222222222222, but "data" is account 111111111111; the workspace only deploys into 111111111111, so use a role of that account',
    ]);
  });
});

describe('deployRoleAccount for planRole', () => {
  const withPlanRole = (arn: string) => ACCOUNTS.replace('    deployRole: arn:aws:iam::111111111111:role/terraform\n', `    deployRole: arn:aws:iam::111111111111:role/terraform\n    planRole: ${arn}\n`);

  test('GIVEN a planRole of the account itself WHEN validated THEN no problem (compliance)', () => {
    expect(problems(withPlanRole('arn:aws:iam::111111111111:role/terraform-plan'), {})).toEqual([]);
  });

  test('GIVEN a planRole of another account WHEN validated THEN both account ids are named', () => {
    expect(problems(withPlanRole('arn:aws:iam::222222222222:role/terraform-plan'), {})).toEqual([
      'accounts.yaml:6:15: error: planRole is in account 222222222222, but "data" is account 111111111111; the workspace only deploys into 111111111111, so use a role of that account',
    ]);
  });
});
