import { installArnMatchCache, uninstallArnMatchCache } from './arn-match-cache';
import { installConditionOperationCache, uninstallConditionOperationCache } from './condition-operation-cache';
import { installResourceTypeCache, uninstallResourceTypeCache } from './resource-type-cache';

/**
 * The local layers in front of pure functions of iam-simulate and its libraries that belong upstream (see each
 * file). Returns which are active in this thread; one that is not only makes verify slower.
 */
export function installSimulatorMemos(): { resourceTypes: boolean; conditionOperations: boolean; arnMatches: boolean } {
  return { resourceTypes: installResourceTypeCache(), conditionOperations: installConditionOperationCache(), arnMatches: installArnMatchCache() };
}

/** The simulator's own code everywhere: the plain path, which tests compare the cached one against. */
export function uninstallSimulatorMemos(): void {
  uninstallResourceTypeCache();
  uninstallConditionOperationCache();
  uninstallArnMatchCache();
}
