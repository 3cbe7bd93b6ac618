import { ContextValue, IdentitySource } from './scenario';
import { concreteInstance, SESSION_NAME, uniqueId } from './stand-ins';

/** Who makes a simulated request, and what the request context says about them. */
export interface Actor {
  /** The ARN the request is signed as: a role session, a user or an account root. */
  readonly arn: string;
  /** `aws:PrincipalArn`: the role (with its path), user or root behind the request. */
  readonly principalArn: string;
  readonly accountId: string;
  /** `aws:userid`: `AROA…:session` for a role session, `AIDA…` for a user, the account id for a root. */
  readonly userId: string;
  readonly identity: readonly IdentitySource[];
  /** Session tags: `aws:PrincipalTag/<key>`. */
  readonly tags: Readonly<Record<string, string>>;
  /** `aws:SourceIdentity` of the session, when set. */
  readonly sourceIdentity?: string;
  /** An AWS service calling as its service principal (`arn` is its name): no principal ARN, account or user id. */
  readonly service?: boolean;
}

export interface SessionDetails {
  readonly tags?: Readonly<Record<string, string>>;
  readonly sourceIdentity?: string;
}

/**
 * An actor for an IAM principal ARN (`role/…`, `user/…`, `root`); a role acts through a session. A pattern such as
 * a breakGlass `role/AWSReservedSSO_Admin_*` stands for one concrete principal matching it.
 */
export function actorFor(principal: string, identity: readonly IdentitySource[], session: SessionDetails = {}): Actor {
  const principalArn = concreteInstance(principal);
  const [, partition, , , accountId, resource] = principalArn.split(':');
  const base = { principalArn, accountId, identity, tags: session.tags ?? {}, sourceIdentity: session.sourceIdentity };
  if (resource.startsWith('role/')) {
    const roleName = resource.slice(resource.lastIndexOf('/') + 1);
    const arn = `arn:${partition}:sts::${accountId}:assumed-role/${roleName}/${SESSION_NAME}`;
    return { ...base, arn, userId: `${uniqueId(principalArn)}:${SESSION_NAME}` };
  }
  if (resource.startsWith('user/')) return { ...base, arn: principalArn, userId: uniqueId(principalArn) };
  return { ...base, arn: principalArn, userId: accountId };
}

/** The request context every request of this actor carries. */
export function principalContext(actor: Actor): Record<string, ContextValue> {
  const context: Record<string, ContextValue> = actor.service
    ? { 'aws:PrincipalServiceName': actor.arn, 'aws:PrincipalIsAWSService': 'true' }
    : { 'aws:PrincipalArn': actor.principalArn, 'aws:PrincipalAccount': actor.accountId, 'aws:userid': actor.userId };
  for (const [key, value] of Object.entries(actor.tags)) context[`aws:PrincipalTag/${key}`] = value;
  if (actor.sourceIdentity !== undefined) context['aws:SourceIdentity'] = actor.sourceIdentity;
  return context;
}
