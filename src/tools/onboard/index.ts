import { loadRegistry, registryRoot } from '../../registry/load';
import { runCli } from '../cli';
import { placeholderEnv } from '../placeholder-env';
import { renderTemplate } from '../templates';
import { UserError } from '../user-error';
import { certificateOnboardView } from './certificate-view';
import { findApp, onboardView } from './onboard-view';

export const ONBOARD_USAGE = 'usage: npm run onboard -- <app id>';

/** The onboarding Markdown for one app of the registry at `root`. */
export function onboard(root: string, argv: readonly string[], templatesDir?: string): string {
  if (argv.length !== 1 || argv[0].startsWith('-')) throw new UserError(`expected exactly one app id\n${ONBOARD_USAGE}`);
  // The ExternalId is needed only when literal; an env reference stays a placeholder, so no secret is required.
  const registry = loadRegistry(root, placeholderEnv());
  const app = findApp(registry, argv[0]);
  return app.consumer.kind === 'certificate'
    ? renderTemplate('onboard-certificate', certificateOnboardView(registry, app.id), templatesDir)
    : renderTemplate('onboard', onboardView(registry, app.id), templatesDir);
}

function main(): void {
  process.stdout.write(onboard(registryRoot(), process.argv.slice(2)));
}

if (require.main === module) runCli(main);
