import { Actor, principalContext } from './actor';
import { NetworkContext } from './network';
import { ContextValue, ResourcePolicySource, SimRequest } from './scenario';

export interface RequestTarget {
  readonly action: string;
  readonly resource: string;
  readonly resourceAccount: string;
  readonly resourcePolicy: ResourcePolicySource;
  /** Where the request comes from and whether it uses TLS. */
  readonly network: NetworkContext;
  /** Keys of the action itself (`s3:prefix`, `sts:ExternalId` …); only those the action supports. */
  readonly context?: Readonly<Record<string, ContextValue>>;
}

/** A request by `actor`, with its principal keys, network keys and the action's own keys spelled out. */
export function requestBy(actor: Actor, target: RequestTarget): SimRequest {
  return {
    principal: actor.arn,
    action: target.action,
    resource: target.resource,
    resourceAccount: target.resourceAccount,
    context: { ...principalContext(actor), ...target.network, ...target.context },
    identity: actor.identity,
    resourcePolicy: target.resourcePolicy,
  };
}
