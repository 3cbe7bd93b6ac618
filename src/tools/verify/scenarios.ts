import { appRoles } from '../../policy/app-roles';
import { Registry } from '../../registry/model';
import { assumeScenarios } from './assume-scenarios';
import { bucketScenarios } from './bucket-scenarios';
import { governedBy, organizationScenarios } from './organization-scenarios';
import { Scenario } from './scenario';
import { keyScenarios, secretScenarios } from './secret-key-scenarios';
import { sessionScenarios } from './session-scenarios';

export interface ScenarioOptions {
  /** Only these apps, and the buckets they use. */
  readonly apps?: readonly string[];
}

/** The expected-access matrix of a registry: per app role, then per bucket, each with its expected decision. */
export function deriveScenarios(registry: Registry, options: ScenarioOptions = {}): Scenario[] {
  const all = appRoles(registry);
  const selected = options.apps ? all.filter((r) => options.apps!.includes(r.app.id)) : all;
  const perApp = selected.flatMap((role) => {
    // An app with buckets in several accounts has a role in each: say which one a trust scenario is about.
    const label = all.filter((r) => r.app === role.app).length > 1 ? `[${role.account.alias}] ` : '';
    const perRole = [...assumeScenarios(registry, role), ...secretScenarios(role), ...keyScenarios(role)];
    return [
      ...perRole.map((s) => ({ ...s, scenario: `${label}${s.scenario}` })),
      ...role.access.flatMap((access) => sessionScenarios(registry, role, access)),
    ];
  });
  const usedBuckets = new Set(selected.flatMap((r) => r.access.map((a) => a.bucket)));
  const buckets = options.apps ? registry.buckets.filter((b) => usedBuckets.has(b.name)) : registry.buckets;
  const governed = governedBy(registry);
  const perBucket = buckets.flatMap((b) => {
    const owner = registry.accounts.find((a) => a.alias === b.account)!;
    return bucketScenarios(b, owner, governed(owner));
  });
  const organization = options.apps ? [] : organizationScenarios(registry);
  return [...perApp, ...perBucket, ...organization];
}
