import { AppRole } from '../../policy/app-roles';
import { APP_ID_TAG, iamRoleArn } from '../../policy/naming';
import { App } from '../../registry/model';
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
export function consumerActor(app: App, roleArn: string): Actor {
  return actorFor(consumerPrincipal(app), [consumerIdentity(app, roleArn)]);
}

/**
 * The consumer principal reaching the bucket directly, without assuming. Its own account may grant it anything
 * outside keyless, so assume it does: then only the bucket account's policies can deny it.
 */
export function directConsumerActor(app: App): Actor {
  return actorFor(consumerPrincipal(app), [ADMIN_IDENTITY]);
}

/**
 * Another principal of the consumer's account. When the trust names one role or user, give it every permission so
 * that the trust policy alone must keep it out; when the trust names the account root, the account decides, and
 * what keeps another principal out is that it lacks the keyless policy.
 */
export function otherPrincipalActor(app: App): Actor {
  const { consumer } = app;
  return actorFor(iamRoleArn(consumer.accountId, OTHER_ROLE), consumer.principalType === 'root' ? [] : [ADMIN_IDENTITY]);
}

function consumerIdentity(app: App, roleArn: string): IdentitySource {
  const { consumer } = app;
  // An external consumer's account is outside our control: assume it allows the consumer (see stand-ins.ts).
  if (!consumer.account) return { kind: 'stand-in', name: 'StandInExternalAccountAllows', policy: externalConsumerPolicy(roleArn) };
  if (consumer.principalType === 'root') return { kind: 'unattached', accountId: consumer.accountId };
  return { kind: 'attached', accountId: consumer.accountId, type: consumer.principalType, name: consumer.principalName! };
}

/** The consumer principal, or for an account root the delegate that acts for it. */
function consumerPrincipal(app: App): string {
  const { consumer } = app;
  return consumer.principalType === 'root' ? iamRoleArn(consumer.accountId, DELEGATE_ROLE) : consumer.principalArn;
}

/** The session an app gets from assuming its role: tagged with its AppId (and its SourceIdentity when declared). */
export function appSession(role: AppRole, tags: Readonly<Record<string, string>> = { [APP_ID_TAG]: role.app.id }): Actor {
  const identity = [{ kind: 'app-role', arn: role.arn, accountId: role.account.id, name: role.name } as const];
  const sourceIdentity = role.app.sourceIdentity ? concreteInstance(role.app.sourceIdentity) : undefined;
  return actorFor(role.arn, identity, { tags, sourceIdentity });
}
