import { ACCOUNTS, problems } from '../fixtures';

const DEPLOY_ROLE = '    deployRole: arn:aws:iam::111111111111:role/terraform\n';
const withoutDeployRole = ACCOUNTS.replace(DEPLOY_ROLE, '');

describe('exclusiveWithoutDeployRole', () => {
  test('GIVEN an account with exclusive buckets and a deployRole WHEN validated THEN no problem (compliance)', () => {
    expect(problems(ACCOUNTS, {})).toEqual([]);
  });

  test('GIVEN an account without deployRole whose buckets are not exclusive WHEN validated THEN no problem (compliance)', () => {
    expect(problems(withoutDeployRole.replace('    account: data\n', '    account: data\n    exclusive: false\n'), {})).toEqual([]);
  });

  test('GIVEN an account without deployRole owning exclusive buckets WHEN validated THEN a warning at the account lists them', () => {
    const twoBuckets = `${withoutDeployRole}  archive:\n    account: data\n  open:\n    account: data\n    exclusive: false\n`;
    expect(problems(twoBuckets, {})).toEqual([
      'accounts.yaml:2:3: warning: account "data" has no deployRole, and the exclusive bucket policies of shared, archive deny everyone but app roles, the account root and breakGlass; list whoever applies this workspace in breakGlass, or set deployRole, so that they can keep managing these buckets',
    ]);
  });

  test('GIVEN the same account with a breakGlass list WHEN validated THEN the warning stays: who applies is not known', () => {
    const withBreakGlass = withoutDeployRole.replace('    region: eu-central-1\n', '    region: eu-central-1\n    breakGlass: [arn:aws:iam::111111111111:role/platform-admin]\n');
    expect(problems(withBreakGlass, {})).toEqual([
      'accounts.yaml:2:3: warning: account "data" has no deployRole, and the exclusive bucket policies of shared deny everyone but app roles, the account root and breakGlass; list whoever applies this workspace in breakGlass, or set deployRole, so that they can keep managing these buckets',
    ]);
  });
});
