import { formatDiagnostic, summary } from '../registry/diagnostics';
import { checkRegistry, registryRoot } from '../registry/load';

/**
 * `npm run validate`: every problem of the registry at $REGISTRY_DIR (or here), one located line each,
 * then `N errors, M warnings`. Exit 1 on any error; warnings alone pass.
 */
export function validate(root: string, env: NodeJS.ProcessEnv, print: (line: string) => void): number {
  const { registry, diagnostics } = checkRegistry(root, env);
  for (const d of diagnostics) print(formatDiagnostic(d));
  const counts = registry ? ` (${registry.accounts.length} accounts, ${registry.buckets.length} buckets, ${registry.apps.length} apps)` : '';
  print(`${summary(diagnostics)}${counts}`);
  return registry ? 0 : 1;
}

if (require.main === module) {
  process.exitCode = validate(registryRoot(), process.env, (line) => console.log(line));
}
