import { AppRole } from '../../policy/app-roles';
import { APP_ID_TAG, CERTIFICATE_CN_TAG, iamRoleArn, ROLES_ANYWHERE_SERVICE } from '../../policy/naming';
import { App, PrincipalConsumer } from '../../registry/model';
import { Actor, actorFor } from './actor';
import { IdentitySource } from './scenario';
import { ADMIN_IDENTITY, concreteInstance, externalConsumerPolicy } from './stand-ins';

// The principals around one app: its consumer, its sessions, and others who must not get in.

/** Stand-in role names in a consumer account, for principals the registry does not name. */
const DELEGATE_ROLE = 'keyless-verify-delegate';
const OTHER_ROLE = 'keyless-verify-other-principal';

/**
 * The identity that opens the app's sessions, with the policies keyless gives it. A consumer account root cannot
 * call AssumeRole itself: its admins attach the unattached policies to an identity of theirs, the delegate.
 */
export function consumerActor(consumer: PrincipalConsumer, roleArn: string): Actor {
  return actorFor(consumerPrincipal(consumer), [consumerIdentity(consumer, roleArn)]);
}

/**
 * The consumer principal reaching the bucket directly, without assuming. Its own account may grant it anything
 * outside keyless, so assume it does: then only the bucket account's policies can deny it.
 */
export function directConsumerActor(consumer: PrincipalConsumer): Actor {
  return actorFor(consumerPrincipal(consumer), [ADMIN_IDENTITY]);
}

/**
 * Another principal of the consumer's account. When the trust names one role or user, give it every permission so
 * that the trust policy alone must keep it out; when the trust names the account root, the account decides, and
 * what keeps another principal out is that it lacks the keyless policy.
 */
export function otherPrincipalActor(consumer: PrincipalConsumer): Actor {
  return actorFor(iamRoleArn(consumer.accountId, OTHER_ROLE), consumer.principalType === 'root' ? [] : [ADMIN_IDENTITY]);
}

function consumerIdentity(consumer: PrincipalConsumer, roleArn: string): IdentitySource {
  // An external consumer's account is outside our control: assume it allows the consumer (see stand-ins.ts).
  if (!consumer.account) return { kind: 'stand-in', name: 'StandInExternalAccountAllows', policy: externalConsumerPolicy(roleArn) };
  if (consumer.principalType === 'root') return { kind: 'unattached', accountId: consumer.accountId };
  return { kind: 'attached', accountId: consumer.accountId, type: consumer.principalType, name: consumer.principalName! };
}

/** The consumer principal, or for an account root the delegate that acts for it. */
function consumerPrincipal(consumer: PrincipalConsumer): string {
  return consumer.principalType === 'root' ? iamRoleArn(consumer.accountId, DELEGATE_ROLE) : consumer.principalArn;
}

/**
 * The tag that names the app a session is for: `AppId` for a principal consumer, which passes it to AssumeRole;
 * `x509Subject/CN` for a certificate consumer, which Roles Anywhere sets from the certificate's subject.
 */
export function identityTag(app: App): string {
  return app.consumer.kind === 'certificate' ? CERTIFICATE_CN_TAG : APP_ID_TAG;
}

/**
 * The session an app gets from opening its role: tagged with its identity tag, and its SourceIdentity (the declared
 * pattern's instance; for a certificate consumer the CN, which Roles Anywhere sets as SourceIdentity).
 */
export function appSession(role: AppRole, tags: Readonly<Record<string, string>> = { [identityTag(role.app)]: role.app.id }): Actor {
  const identity = [{ kind: 'app-role', arn: role.arn, accountId: role.account.id, name: role.name } as const];
  const { app } = role;
  const sourceIdentity = app.consumer.kind === 'certificate' ? app.id : app.sourceIdentity ? concreteInstance(app.sourceIdentity) : undefined;
  return actorFor(role.arn, identity, { tags, sourceIdentity });
}

/** IAM Roles Anywhere calling STS as its service principal: it has no identity policies, only the trust policy decides. */
export const ROLES_ANYWHERE_ACTOR: Actor = {
  arn: ROLES_ANYWHERE_SERVICE,
  principalArn: ROLES_ANYWHERE_SERVICE,
  accountId: '',
  userId: ROLES_ANYWHERE_SERVICE,
  identity: [],
  tags: {},
  service: true,
};
