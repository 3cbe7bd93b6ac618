import { formatDiagnostic, sortDiagnostics, summary } from '../registry/diagnostics';
import { firstApplyWarnings } from '../registry/first-apply';
import { checkRegistry, registryRoot } from '../registry/load';

/**
 * `npm run validate`: every problem of the registry at $REGISTRY_DIR (or here), one located line each,
 * then `N errors, M warnings`. Exit 1 on any error; warnings alone pass. Also warns about buckets whose first
 * apply would replace their whole policy unseen.
 */
export function validate(root: string, env: NodeJS.ProcessEnv, print: (line: string) => void): number {
  const checked = checkRegistry(root, env);
  const { registry } = checked;
  const diagnostics = registry ? sortDiagnostics([...checked.diagnostics, ...firstApplyWarnings(registry)]) : checked.diagnostics;
  for (const d of diagnostics) print(formatDiagnostic(d));
  const counts = registry ? ` (${registry.accounts.length} accounts, ${registry.buckets.length} buckets, ${registry.apps.length} apps)` : '';
  print(`${summary(diagnostics)}${counts}`);
  return registry ? 0 : 1;
}

if (require.main === module) {
  process.exitCode = validate(registryRoot(), process.env, (line) => console.log(line));
}
