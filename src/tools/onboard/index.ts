import { loadRegistry, registryRoot } from '../../registry/load';
import { runCli } from '../cli';
import { placeholderEnv } from '../placeholder-env';
import { renderTemplate } from '../templates';
import { UserError } from '../user-error';
import { onboardView } from './onboard-view';

export const ONBOARD_USAGE = 'usage: npm run onboard -- <app id>';

/** The onboarding Markdown for one app of the registry at `root`. */
export function onboard(root: string, argv: readonly string[], templatesDir?: string): string {
  if (argv.length !== 1 || argv[0].startsWith('-')) throw new UserError(`expected exactly one app id\n${ONBOARD_USAGE}`);
  // The ExternalId is needed only when literal; an env reference stays a placeholder, so no secret is required.
  const registry = loadRegistry(root, placeholderEnv());
  return renderTemplate('onboard', onboardView(registry, argv[0]), templatesDir);
}

function main(): void {
  process.stdout.write(onboard(registryRoot(), process.argv.slice(2)));
}

if (require.main === module) runCli(main);
