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
  if (app.sourceIdentity) {
    statements.push({
      Sid: 'SetMatchingSourceIdentity',
      Effect: 'Allow',
      Principal: principal,
      Action: 'sts:SetSourceIdentity',
      Condition: sourceIdentity,
    });
  }
  return policy(...statements);
}
