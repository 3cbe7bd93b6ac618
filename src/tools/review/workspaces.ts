import { planAccounts } from '../../policy/account-plan';
import { Registry } from '../../registry/model';

/**
 * Account aliases whose workspace content differs between the two registries, compared on what synth
 * generates (roles, bucket policies, consumer policies), so a moved line in a YAML file touches nothing.
 */
export function touchedWorkspaces(before: Registry, after: Registry): string[] {
  const b = plansByAlias(before);
  const a = plansByAlias(after);
  const aliases = [...new Set([...b.keys(), ...a.keys()])].sort();
  return aliases.filter((alias) => b.get(alias) !== a.get(alias));
}

function plansByAlias(registry: Registry): Map<string, string> {
  const withoutLocations = (key: string, value: unknown) => (key === 'location' ? undefined : value);
  return new Map(planAccounts(registry).map((plan) => [plan.account.alias, JSON.stringify(plan, withoutLocations)]));
}
