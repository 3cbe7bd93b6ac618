import { KMS_ACTIONS, SECRET_KEY_ACTION, SECRET_READ_ACTIONS } from '../../policy/actions';
import { AppRole } from '../../policy/app-roles';
import { arnAccount, arnRegion, secretArn } from '../../policy/naming';
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
  const undeclared = secretArn(account.region, account.id, UNDECLARED_SECRET);
  return [
    ...role.secrets.flatMap((secret) => [
      scenario(`read secret ${secret}`, 'Allowed', SECRET_READ_ACTIONS.map((action) => secretRequest(action, secret))),
      scenario(`write secret ${secret}`, 'Denied', [secretRequest(SECRET_WRITE_ACTION, secret)]),
    ]),
    scenario('read a secret it did not declare', 'Denied', [secretRequest(SECRET_READ_ACTIONS[0], undeclared)]),
    ...secretKeyScenarios(role),
  ];
}

/**
 * A secret's customer managed key decrypts only through Secrets Manager and only with the encryption context of a
 * declared secret. keyless does not manage the key policy: the stand-in is the default one, trusting the key's
 * account. The simulator drops kms:EncryptionContext:<key> context keys (it only matches variable keys with a `/`),
 * so no request here can carry the SecretARN context: the allowed read is covered by the permissions-policy tests,
 * and verify proves that without Secrets Manager, or without a declared secret's context, the key does not decrypt.
 */
function secretKeyScenarios(role: AppRole): Scenario[] {
  const session = appSession(role);
  return role.secretKeyGrants.flatMap(({ key }) => {
    const keyRequest = (viaService: boolean) => requestBy(session, {
      action: SECRET_KEY_ACTION,
      resource: key,
      resourceAccount: arnAccount(key) ?? '',
      resourcePolicy: { kind: 'stand-in', name: 'StandInDefaultKeyPolicy', policy: defaultKeyPolicy([arnAccount(key) ?? '']) },
      network: FROM_INTERNET,
      context: { 'kms:CallerAccount': role.account.id, ...(viaService ? { 'kms:ViaService': `secretsmanager.${arnRegion(key)}.amazonaws.com` } : {}) },
    });
    const scenario = (name: string, request: SimRequest): Scenario => ({ app: role.app.id, scenario: name, expected: 'Denied', requests: [request] });
    return [
      scenario(`kms:Decrypt with secret key ${key} directly, not via Secrets Manager`, keyRequest(false)),
      scenario(`kms:Decrypt with secret key ${key} via Secrets Manager without a declared secret's encryption context`, keyRequest(true)),
    ];
  });
}

/** Every KMS action S3 may need of a bucket key for some permission. */
const ALL_KMS_ACTIONS = [...new Set(Object.values(KMS_ACTIONS).flat())].sort();

/**
 * An app session may use its buckets' KMS keys only through S3, which calls KMS on its behalf, and only for what
 * its permissions need. keyless does not manage key policies: the stand-in is the default key policy, trusting
 * the key's own account; a key in another account is assumed to grant the role's account too, and says so.
 */
export function keyScenarios(role: AppRole): Scenario[] {
  const session = appSession(role);
  return role.kmsGrants.flatMap(({ key, actions }) => {
    const region = arnRegion(key);
    const keyAccount = arnAccount(key) ?? '';
    const trusted = keyAccount === role.account.id ? [keyAccount] : [keyAccount, role.account.id];
    const assumption = trusted.length > 1 ? ` (assuming the key policy of ${keyAccount} grants account ${role.account.id})` : '';
    const keyRequest = (action: string, viaS3: boolean) => requestBy(session, {
      action,
      resource: key,
      resourceAccount: keyAccount,
      resourcePolicy: { kind: 'stand-in', name: 'StandInDefaultKeyPolicy', policy: defaultKeyPolicy(trusted) },
      network: FROM_INTERNET,
      context: { 'kms:CallerAccount': role.account.id, ...(viaS3 ? { 'kms:ViaService': `s3.${region}.amazonaws.com` } : {}) },
    });
    const scenario = (name: string, expected: Scenario['expected'], requests: readonly SimRequest[]): Scenario =>
      ({ app: role.app.id, scenario: `${name}${assumption}`, expected, requests });
    return [
      ...ALL_KMS_ACTIONS.map((action) => actions.includes(action)
        ? scenario(`${action} with bucket key ${key} via S3`, 'Allowed', [keyRequest(action, true)])
        : scenario(`${action} with bucket key ${key} via S3 (its permissions do not need it)`, 'Denied', [keyRequest(action, true)])),
      scenario(`${actions[0]} with bucket key ${key} directly, not via S3`, 'Denied', [keyRequest(actions[0], false)]),
    ];
  });
}
