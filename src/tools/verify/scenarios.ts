import { AppRole, appRoles } from '../../policy/app-roles';
import { groupBy } from '../../registry/collections';
import { Registry } from '../../registry/model';
import { assumeScenarios } from './assume-scenarios';
import { bucketScenarios } from './bucket-scenarios';
import { keptScenarios } from './kept-scenarios';
import { governedBy, organizationScenarios } from './organization-scenarios';
import { Scenario } from './scenario';
import { serviceScenarios } from './service-scenarios';
import { keyScenarios, secretScenarios } from './secret-key-scenarios';
import { sessionScenarios } from './session-scenarios';

export interface ScenarioOptions {
  /** Only these apps, and the buckets they use. */
  readonly apps?: readonly string[];
}

/**
 * Scenarios that share requests, derived only when asked for: verify evaluates one group at a time and then lets
 * its scenarios and its request memo go, so memory does not grow with the registry.
 */
export type ScenarioGroup = () => Scenario[];

/** The expected-access matrix of a registry: per app role, then per bucket, each with its expected decision. */
export function deriveScenarios(registry: Registry, options: ScenarioOptions = {}): Scenario[] {
  return scenarioGroups(registry, options).flatMap((group) => group());
}

/** deriveScenarios in groups, in the same order: one per selected app (all its roles), then one for the buckets. */
export function scenarioGroups(registry: Registry, options: ScenarioOptions = {}): ScenarioGroup[] {
  const all = appRoles(registry);
  const rolesOf = groupBy(all, (role) => role.app.id);
  const selected = options.apps ? [...rolesOf].filter(([id]) => options.apps!.includes(id)) : [...rolesOf];
  const perApp = selected.map(([, roles]): ScenarioGroup => () => roles.flatMap((role) => roleScenarios(registry, role, roles.length > 1)));
  const usedBuckets = new Set(selected.flatMap(([, roles]) => roles.flatMap((r) => r.access.map((a) => a.bucket))));
  const buckets = options.apps ? registry.buckets.filter((b) => usedBuckets.has(b.name)) : registry.buckets;
  const governed = governedBy(registry);
  const perBucket: ScenarioGroup = () => buckets.flatMap((b) => {
    const owner = registry.accounts.find((a) => a.alias === b.account)!;
    return [...bucketScenarios(b, owner, governed(owner)), ...serviceScenarios(b, owner), ...keptScenarios(b, owner)];
  });
  // The organization guardrails' own scenarios: registry-wide, so not when only some apps are verified.
  const organization: ScenarioGroup[] = options.apps || !registry.organization ? [] : [() => organizationScenarios(registry)];
  return [...perApp, perBucket, ...organization];
}

function roleScenarios(registry: Registry, role: AppRole, severalRoles: boolean): Scenario[] {
  // An app with buckets in several accounts has a role in each: say which one a trust scenario is about.
  const label = severalRoles ? `[${role.account.alias}] ` : '';
  const perRole = [...assumeScenarios(registry, role), ...secretScenarios(role), ...keyScenarios(role)];
  return [
    ...perRole.map((s) => ({ ...s, scenario: `${label}${s.scenario}` })),
    ...role.access.flatMap((access) => sessionScenarios(registry, role, access)),
  ];
}
