import { App } from '../../registry/model';
import { Actor, actorFor } from './actor';
import { IdentitySource } from './scenario';
import { ADMIN_POLICY, externalConsumerPolicy } from './stand-ins';

/** Stand-in role names in a consumer account, for principals the registry does not name. */
const DELEGATE_ROLE = 'keyless-verify-delegate';
const OTHER_ROLE = 'keyless-verify-other-principal';

const ADMIN: IdentitySource = { kind: 'stand-in', name: 'StandInAdministratorAccess', policy: ADMIN_POLICY };

/**
 * The identity that opens the app's sessions, with the policies keyless gives it. A consumer account root cannot
 * call AssumeRole itself: its admins attach the unattached policies to an identity of theirs, the delegate.
 */
export function consumerActor(app: App, roleArn: string): Actor {
  const { consumer } = app;
  const principal = consumer.principalType === 'root' ? delegateArn(consumer.accountId) : consumer.principalArn;
  return actorFor(principal, [consumerIdentity(app, roleArn)]);
}

/**
 * The consumer principal reaching the bucket directly, without assuming. Its own account may grant it anything
 * outside keyless, so assume it does: then only the bucket account's policies can deny it.
 */
export function directConsumerActor(app: App): Actor {
  const { consumer } = app;
  const principal = consumer.principalType === 'root' ? delegateArn(consumer.accountId) : consumer.principalArn;
  return actorFor(principal, [ADMIN]);
}

/**
 * Another principal of the consumer's account. When the trust names one role or user, give it every permission so
 * that the trust policy alone must keep it out; when the trust names the account root, the account decides, and
 * what keeps another principal out is that it lacks the keyless policy.
 */
export function otherPrincipalActor(app: App): Actor {
  const { consumer } = app;
  return actorFor(`arn:aws:iam::${consumer.accountId}:role/${OTHER_ROLE}`, consumer.principalType === 'root' ? [] : [ADMIN]);
}

function consumerIdentity(app: App, roleArn: string): IdentitySource {
  const { consumer } = app;
  // An external consumer's account is outside our control: assume it allows the consumer (see stand-ins.ts).
  if (!consumer.account) return { kind: 'stand-in', name: 'StandInExternalAccountAllows', policy: externalConsumerPolicy(roleArn) };
  if (consumer.principalType === 'root') return { kind: 'unattached', accountId: consumer.accountId };
  return { kind: 'attached', accountId: consumer.accountId, type: consumer.principalType, name: consumer.principalName! };
}

function delegateArn(accountId: string): string {
  return `arn:aws:iam::${accountId}:role/${DELEGATE_ROLE}`;
}
