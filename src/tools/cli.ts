import { formatDiagnostic, RegistryError } from '../registry/diagnostics';
import { UserError } from './user-error';

/**
 * Runs a command-line entry point: user mistakes (a RegistryError or UserError) print their messages and exit 1
 * without a stack trace; anything else is a bug and keeps its trace.
 */
export function runCli(main: () => void | Promise<void>): void {
  Promise.resolve()
    .then(main)
    .catch((e: unknown) => {
      if (e instanceof RegistryError) {
        for (const d of e.diagnostics) console.error(formatDiagnostic(d));
        const errors = e.diagnostics.filter((d) => d.severity === 'error').length;
        console.error(`\n${errors} error${errors === 1 ? '' : 's'} in the registry; nothing was written.`);
      } else if (e instanceof UserError) {
        console.error(`error: ${e.message}`);
      } else {
        console.error(e);
      }
      process.exitCode = 1;
    });
}
