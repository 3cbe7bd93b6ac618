import { formatDiagnostic, plural, sortDiagnostics, summary } from '../registry/diagnostics';
import { firstApplyWarnings } from '../registry/first-apply';
import { checkRegistry } from '../registry/load';
import { CommandContext, parseOptions } from './command';

/**
 * `keyless validate`: every problem of the registry, one located line each,
 * then `N errors, M warnings`. Exit 1 on any error; warnings alone pass. Also warns about buckets whose first
 * apply would replace their whole policy unseen.
 */
export function validate(root: string, env: NodeJS.ProcessEnv, print: (line: string) => void): number {
  const checked = checkRegistry(root, env);
  const { registry } = checked;
  const diagnostics = registry ? sortDiagnostics([...checked.diagnostics, ...firstApplyWarnings(registry)]) : checked.diagnostics;
  for (const d of diagnostics) print(formatDiagnostic(d));
  const counts = registry ? ` (${plural(registry.accounts.length, 'account')}, ${plural(registry.buckets.length, 'bucket')}, ${plural(registry.apps.length, 'app')})` : '';
  print(`${summary(diagnostics)}${counts}`);
  return registry ? 0 : 1;
}

export function run(args: readonly string[], { root }: CommandContext): number {
  parseOptions('validate', args, {});
  return validate(root, process.env, (line) => console.log(line));
}
