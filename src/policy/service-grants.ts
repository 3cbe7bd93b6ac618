import { Bucket, ServiceGrant } from '../registry/model';
import { LIST_ACTION, OBJECT_ACTIONS } from './actions';
import { ConditionBlock, Statement } from './document';
import { bucketArn } from './naming';

/** Sids of service grant statements: `AllowService<n>Objects` and `AllowService<n>List`, n counting from 1. */
export const SERVICE_SID_PATTERN = /^AllowService\d+(Objects|List)$/;

/**
 * Allow statements for the bucket's declared services, with the same actions as app permissions under the prefix.
 * A service principal has no identity policy: this Allow is all it gets, held to the resource it acts for.
 */
export function serviceStatements(bucket: Bucket): Statement[] {
  return bucket.services.flatMap((grant, i) => grantStatements(bucket, grant, i + 1));
}

function grantStatements(bucket: Bucket, grant: ServiceGrant, n: number): Statement[] {
  const Principal = { Service: grant.service };
  const source = sourceCondition(grant);
  const objectActions = grant.permissions.flatMap((p) => (p === 'list' ? [] : OBJECT_ACTIONS[p]));
  const statements: Statement[] = [];
  if (objectActions.length) {
    statements.push({
      Sid: `AllowService${n}Objects`, Effect: 'Allow', Principal, Action: objectActions,
      Resource: `${bucketArn(bucket.name)}/${grant.prefix}*`, Condition: source,
    });
  }
  if (grant.permissions.includes('list')) {
    statements.push({
      Sid: `AllowService${n}List`, Effect: 'Allow', Principal, Action: LIST_ACTION, Resource: bucketArn(bucket.name),
      Condition: { ...source, StringLike: { 's3:prefix': `${grant.prefix}*` } },
    });
  }
  return statements;
}

/** The confused-deputy keys: the service acts only for the declared resource and account (validation requires one). */
export function sourceCondition(grant: ServiceGrant): ConditionBlock {
  return {
    ...(grant.sourceArn.length && { ArnLike: { 'aws:SourceArn': grant.sourceArn.length === 1 ? grant.sourceArn[0] : [...grant.sourceArn] } }),
    ...(grant.sourceAccount !== undefined && { StringEquals: { 'aws:SourceAccount': grant.sourceAccount } }),
  };
}
