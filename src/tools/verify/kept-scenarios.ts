import { accountRootArn } from '../../policy/naming';
import { Account, Bucket, KeptStatement } from '../../registry/model';
import { ACCOUNT_ID_PATTERN } from '../../registry/schema';
import { actorFor } from './actor';
import { FROM_INTERNET } from './network';
import { requestBy } from './request';
import { Scenario } from './scenario';
import { ADMIN_IDENTITY, concreteInstance } from './stand-ins';

/**
 * Kept statements evaluated as written, together with everything else in the bucket policy: a kept Allow lets its
 * principal do its first action on its first resource, a kept Deny stops its principal (for `*`, one keyless trusts:
 * breakGlass or the root) from doing it, decided by that very statement. A statement with conditions, wildcard actions, a
 * resource outside the bucket or a principal that is no IAM ARN is left out: verify cannot tell which request it
 * is meant for.
 */
export function keptScenarios(bucket: Bucket, owner: Account): Scenario[] {
  return (bucket.keepStatements?.statements ?? []).flatMap((kept) => {
    const request = simpleRequest(kept, bucket);
    if (!request) return [];
    // A Deny for everyone is shown on a principal keyless trusts, who nothing else denies.
    const trusted = kept.statement.Principal === '*' ? owner.breakGlass[0] ?? accountRootArn(owner.id) : undefined;
    const principal = request.principal ?? (kept.statement.Effect === 'Deny' ? trusted : undefined);
    if (!principal) return [];
    const expectation = kept.statement.Effect === 'Allow' ? { expected: 'Allowed' as const } : { expected: 'Denied' as const, expectedSid: kept.sid };
    const actor = actorFor(principal, [ADMIN_IDENTITY]);
    return [{
      bucket: bucket.name,
      scenario: `kept statement ${kept.sid}: ${request.action} on ${request.resource} by ${actor.principalArn}`,
      ...expectation,
      requests: [requestBy(actor, {
        action: request.action, resource: request.resource, resourceAccount: owner.id,
        resourcePolicy: { kind: 'bucket', bucket: bucket.name }, network: FROM_INTERNET,
      })],
    }];
  });
}

/** The request a statement is plainly about, or none when verify cannot tell. */
function simpleRequest(kept: KeptStatement, bucket: Bucket): { action: string; resource: string; principal?: string } | undefined {
  const { Condition, Action, Resource, Principal } = kept.statement;
  if (Condition !== undefined) return undefined;
  const action = first(Action);
  const resource = first(Resource);
  if (!action || /[*?]/.test(action) || !action.startsWith('s3:') || !resource) return undefined;
  const concrete = concreteInstance(resource);
  if (concrete !== `arn:aws:s3:::${bucket.name}` && !concrete.startsWith(`arn:aws:s3:::${bucket.name}/`)) return undefined;
  const aws = typeof Principal === 'object' && Principal !== null ? first((Principal as Record<string, unknown>).AWS) : undefined;
  const principal = aws && (ACCOUNT_ID_PATTERN.test(aws) ? accountRootArn(aws) : aws);
  return { action, resource: concrete, principal: principal && /^arn:aws:iam::\d{12}:(root|role\/|user\/)/.test(principal) ? principal : undefined };
}

function first(value: unknown): string | undefined {
  const v = Array.isArray(value) ? value[0] : value;
  return typeof v === 'string' ? v : undefined;
}
