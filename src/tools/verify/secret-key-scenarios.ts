import { KMS_ACTIONS, SECRET_READ_ACTIONS } from '../../policy/actions';
import { AppRole } from '../../policy/app-roles';
import { arnAccount } from '../../policy/naming';
import { appSession } from './app-actors';
import { FROM_INTERNET } from './network';
import { requestBy } from './request';
import { Scenario, SimRequest } from './scenario';
import { concreteInstance, defaultKeyPolicy } from './stand-ins';

const SECRET_WRITE_ACTION = 'secretsmanager:PutSecretValue';
const UNDECLARED_SECRET = 'keyless-verify-undeclared-AbCdEf';

/** An app session reads exactly its declared secrets, and writes none. */
export function secretScenarios(role: AppRole): Scenario[] {
  const { account } = role;
  const session = appSession(role);
  const scenario = (name: string, expected: Scenario['expected'], requests: readonly SimRequest[]): Scenario =>
    ({ app: role.app.id, scenario: name, expected, requests });
  const secretRequest = (action: string, secretArn: string) => {
    const resource = concreteInstance(secretArn);
    // Secret resource policies are not managed by keyless: same-account access is decided by the role's policy.
    return requestBy(session, {
      action, resource, resourceAccount: arnAccount(resource) ?? account.id, resourcePolicy: { kind: 'none' }, network: FROM_INTERNET,
      context: { 'secretsmanager:SecretId': resource },
    });
  };
  const undeclared = `arn:aws:secretsmanager:${account.region}:${account.id}:secret:${UNDECLARED_SECRET}`;
  return [
    ...role.secrets.flatMap((secret) => [
      scenario(`read secret ${secret}`, 'Allowed', SECRET_READ_ACTIONS.map((action) => secretRequest(action, secret))),
      scenario(`write secret ${secret}`, 'Denied', [secretRequest(SECRET_WRITE_ACTION, secret)]),
    ]),
    scenario('read a secret it did not declare', 'Denied', [secretRequest(SECRET_READ_ACTIONS[0], undeclared)]),
  ];
}

/** An app session may use its buckets' KMS keys only through S3, which calls KMS on its behalf. */
export function keyScenarios(role: AppRole): Scenario[] {
  const session = appSession(role);
  return role.kmsKeys.flatMap((key) => {
    const [, , , region, keyAccount] = key.split(':');
    const keyRequest = (action: string, viaS3: boolean) => requestBy(session, {
      action,
      resource: key,
      resourceAccount: keyAccount,
      resourcePolicy: { kind: 'stand-in', name: 'StandInDefaultKeyPolicy', policy: defaultKeyPolicy([keyAccount, role.account.id]) },
      network: FROM_INTERNET,
      context: { 'kms:CallerAccount': role.account.id, ...(viaS3 ? { 'kms:ViaService': `s3.${region}.amazonaws.com` } : {}) },
    });
    const scenario = (name: string, expected: Scenario['expected'], requests: readonly SimRequest[]): Scenario =>
      ({ app: role.app.id, scenario: name, expected, requests });
    return [
      ...KMS_ACTIONS.map((action) => scenario(`${action} with bucket key ${key} via S3`, 'Allowed', [keyRequest(action, true)])),
      scenario(`${KMS_ACTIONS[0]} with bucket key ${key} directly, not via S3`, 'Denied', [keyRequest(KMS_ACTIONS[0], false)]),
    ];
  });
}
