import { ConditionBlock, policy, PolicyDocument, Statement } from './document';
import { APP_ID_TAG } from './naming';
import { App } from '../registry/model';

/**
 * Who may open a session of an app role: the consumer principal, only with the app's ExternalId and
 * its AppId session tag in the same request (and a matching SourceIdentity when declared).
 * Every container on a shared node holds the same principal; these conditions are what tell apps apart.
 */
export function trustPolicy(app: App): PolicyDocument {
  const principal = { AWS: app.consumer.principalArn };
  const sourceIdentity: ConditionBlock = app.sourceIdentity ? { StringLike: { 'sts:SourceIdentity': app.sourceIdentity } } : {};
  const statements: Statement[] = [
    {
      Sid: 'AssumeWithExternalIdAndAppIdTag',
      Effect: 'Allow',
      Principal: principal,
      Action: 'sts:AssumeRole',
      Condition: {
        StringEquals: { 'sts:ExternalId': app.externalId, [`aws:RequestTag/${APP_ID_TAG}`]: app.id },
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
