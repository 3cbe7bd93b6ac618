import { AppRole } from '../../policy/app-roles';
import { APP_ID_TAG } from '../../policy/naming';
import { Registry } from '../../registry/model';
import { Actor } from './actor';
import { consumerActor, otherPrincipalActor } from './app-actors';
import { neighbourApp } from './neighbours';
import { FROM_INTERNET } from './network';
import { requestBy } from './request';
import { ContextValue, Scenario, SimRequest } from './scenario';
import { matchesPattern } from '../../policy/naming';
import { concreteInstance, SESSION_NAME } from './stand-ins';

/** What a caller passes to sts:AssumeRole. */
interface StsCall {
  readonly externalId?: string;
  readonly tags: Readonly<Record<string, string>>;
  readonly sourceIdentity?: string;
}

const WRONG_EXTERNAL_ID = 'keyless-verify-wrong-external-id';
/** A SourceIdentity set upstream (an identity provider), which a chained AssumeRole passes on. */
const UPSTREAM_SOURCE_IDENTITY = 'keyless-verify-upstream-identity';
const EXTRA_TAG_KEY = 'Team';

/**
 * Who may open a session of an app role. STS authorizes sts:AssumeRole, and also sts:TagSession when the call
 * passes tags and sts:SetSourceIdentity when it sets a SourceIdentity: a call is allowed only if each one is.
 */
export function assumeScenarios(registry: Registry, role: AppRole): Scenario[] {
  const { app } = role;
  const consumer = consumerActor(app, role.arn);
  const neighbour = neighbourApp(registry, app);
  const sourceIdentity = app.sourceIdentity ? concreteInstance(app.sourceIdentity) : undefined;
  const valid: StsCall = { externalId: app.externalId, tags: { [APP_ID_TAG]: app.id }, sourceIdentity };
  const [assume, tag, setSourceIdentity] = stsRequests(consumer, role, valid);
  const scenario = (name: string, expected: Scenario['expected'], requests: readonly SimRequest[]): Scenario =>
    ({ app: app.id, scenario: name, expected, requests });
  const denied = (name: string, call: StsCall, actor: Actor = consumer) => scenario(name, 'Denied', stsRequests(actor, role, call));

  const scenarios = [
    scenario(`AssumeRole with its ExternalId and AppId tag${sourceIdentity ? ' and SourceIdentity' : ''}`, 'Allowed', [assume]),
    scenario('TagSession with its AppId tag only', 'Allowed', [tag]),
    ...(setSourceIdentity ? [scenario(`SetSourceIdentity matching ${app.sourceIdentity}`, 'Allowed', [setSourceIdentity])] : []),
    denied('AssumeRole without the AppId tag', { ...valid, tags: {} }),
    denied('AssumeRole with a wrong ExternalId', { ...valid, externalId: WRONG_EXTERNAL_ID }),
    denied('AssumeRole without an ExternalId', { ...valid, externalId: undefined }),
    denied(`AssumeRole with another app's ExternalId (${neighbour.id})`, { ...valid, externalId: neighbour.externalId }),
    denied(`AssumeRole with its ExternalId but another app's AppId (${neighbour.id})`, { ...valid, tags: { [APP_ID_TAG]: neighbour.id } }),
    denied(`AssumeRole with an extra session tag key (${EXTRA_TAG_KEY})`, { ...valid, tags: { ...valid.tags, [EXTRA_TAG_KEY]: app.owner } }),
    denied('AssumeRole by another principal of the consumer account', valid, otherPrincipalActor(app)),
  ];
  if (!app.sourceIdentity) {
    scenarios.push(scenario('AssumeRole from a session that already carries a SourceIdentity (role chaining)', 'Allowed',
      stsRequests(consumer, role, { ...valid, sourceIdentity: UPSTREAM_SOURCE_IDENTITY })));
  } else {
    scenarios.push(denied('AssumeRole without a SourceIdentity', { ...valid, sourceIdentity: undefined }));
    const wrong = nonMatching(app.sourceIdentity);
    if (wrong) scenarios.push(denied(`AssumeRole with a non-matching SourceIdentity (${wrong})`, { ...valid, sourceIdentity: wrong }));
  }
  return scenarios;
}

/** The authorizations one AssumeRole call needs, each with only the context keys its action supports. */
function stsRequests(actor: Actor, role: AppRole, call: StsCall): SimRequest[] {
  const target = { resource: role.arn, resourceAccount: role.account.id, resourcePolicy: { kind: 'trust', roleArn: role.arn } as const, network: FROM_INTERNET };
  const tags = tagContext(call.tags);
  const sourceIdentity: Record<string, ContextValue> = {};
  if (call.sourceIdentity !== undefined) sourceIdentity['sts:SourceIdentity'] = call.sourceIdentity;
  const assume: Record<string, ContextValue> = { ...tags, ...sourceIdentity, 'sts:RoleSessionName': SESSION_NAME };
  if (call.externalId !== undefined) assume['sts:ExternalId'] = call.externalId;

  const requests = [requestBy(actor, { ...target, action: 'sts:AssumeRole', context: assume })];
  if (Object.keys(tags).length) requests.push(requestBy(actor, { ...target, action: 'sts:TagSession', context: tags }));
  if (call.sourceIdentity !== undefined) requests.push(requestBy(actor, { ...target, action: 'sts:SetSourceIdentity', context: sourceIdentity }));
  return requests;
}

/** `aws:RequestTag/<key>` for each session tag, and `aws:TagKeys` listing them; nothing when there are no tags. */
function tagContext(tags: Readonly<Record<string, string>>): Record<string, ContextValue> {
  const context: Record<string, ContextValue> = {};
  for (const [key, value] of Object.entries(tags)) context[`aws:RequestTag/${key}`] = value;
  if (Object.keys(tags).length) context['aws:TagKeys'] = Object.keys(tags);
  return context;
}

/** A SourceIdentity the pattern rejects, or undefined when it accepts anything (e.g. `*`). */
function nonMatching(pattern: string): string | undefined {
  return ['keyless-verify-other-identity', `x${concreteInstance(pattern)}`].find((candidate) => !matchesPattern(pattern, candidate));
}
