import { ConditionBlock, policy, PolicyDocument, Statement } from './document';
import { CONSUMER_ACTIONS } from './actions';
import { APP_ID_TAG, CERTIFICATE_CN_TAG, ROLES_ANYWHERE_SERVICE, trustAnchorArnPlaceholder } from './naming';
import { Account, App, PrincipalConsumer } from '../registry/model';

/** Who may open a session of an app role, in account `account`: its principal consumer, or its certificate. */
export function trustPolicy(app: App, account: Account): PolicyDocument {
  return app.consumer.kind === 'certificate'
    ? certificateTrustPolicy(app, trustAnchorArnPlaceholder(account.region, account.id, app.consumer.ca))
    : principalTrustPolicy(app, app.consumer);
}

/**
 * The consumer principal, only with the app's ExternalId and its AppId session tag in the same request (and a
 * matching SourceIdentity when declared). Every container on a shared node holds the same principal; these
 * conditions are what tell apps apart.
 */
function principalTrustPolicy(app: App, consumer: PrincipalConsumer): PolicyDocument {
  const principal = { AWS: consumer.principalArn };
  const sourceIdentity: ConditionBlock = app.sourceIdentity ? { StringLike: { 'sts:SourceIdentity': app.sourceIdentity } } : {};
  const statements: Statement[] = [
    {
      Sid: 'AssumeWithExternalIdAndAppIdTag',
      Effect: 'Allow',
      Principal: principal,
      Action: 'sts:AssumeRole',
      Condition: {
        StringEquals: { 'sts:ExternalId': app.externalId!, [`aws:RequestTag/${APP_ID_TAG}`]: app.id },
        ...sourceIdentity,
      },
    },
    {
      Sid: 'TagSessionWithOwnAppIdOnly',
      Effect: 'Allow',
      Principal: principal,
      Action: 'sts:TagSession',
      Condition: {
        StringEquals: { [`aws:RequestTag/${APP_ID_TAG}`]: app.id },
        'ForAllValues:StringEquals': { 'aws:TagKeys': [APP_ID_TAG] },
      },
    },
  ];
  statements.push(app.sourceIdentity
    ? { Sid: 'SetMatchingSourceIdentity', Effect: 'Allow', Principal: principal, Action: 'sts:SetSourceIdentity', Condition: sourceIdentity }
    : passOnSourceIdentity(principal));
  return policy(...statements);
}

/**
 * Without a declared pattern SourceIdentity is only an audit value, but a caller whose session already carries one
 * (role chaining from an identity provider that sets it) passes it on, and AWS then requires sts:SetSourceIdentity
 * in the target role's trust policy ("Permissions required to use source identity", IAM User Guide,
 * id_credentials_temp_control-access_monitor.html). AssumeRole itself stays bound to ExternalId and AppId.
 */
function passOnSourceIdentity(principal: Statement['Principal']): Statement {
  return { Sid: 'PassOnAnySourceIdentity', Effect: 'Allow', Principal: principal, Action: 'sts:SetSourceIdentity' };
}

/**
 * IAM Roles Anywhere, only for a certificate of the app's own CA (`aws:SourceArn` = that CA's trust anchor: a
 * certificate of another CA of the account opens nothing here) whose subject CN is the app id. Roles Anywhere calls
 * AssumeRole, TagSession (the x509 tags) and SetSourceIdentity (the CN) as the service, and the certificate's subject
 * reaches the trust policy as `aws:PrincipalTag/x509Subject/CN` ("Trust model" and "Attribute mapping and trust
 * policy", IAM Roles Anywhere User Guide). Nothing secret is in this policy.
 */
export function certificateTrustPolicy(app: App, trustAnchorArn: string): PolicyDocument {
  return policy({
    Sid: 'RolesAnywhereWithItsCertificate',
    Effect: 'Allow',
    Principal: { Service: ROLES_ANYWHERE_SERVICE },
    Action: [...CONSUMER_ACTIONS],
    Condition: {
      ArnEquals: { 'aws:SourceArn': trustAnchorArn },
      StringEquals: { [`aws:PrincipalTag/${CERTIFICATE_CN_TAG}`]: app.id },
    },
  });
}
