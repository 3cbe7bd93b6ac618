import { loadRegistry } from '../../registry/load';
import { CommandContext } from '../command';
import { placeholderEnv } from '../placeholder-env';
import { renderTemplate } from '../templates';
import { UserError } from '../user-error';
import { certificateOnboardView } from './certificate-view';
import { findApp, onboardView } from './onboard-view';

export const ONBOARD_USAGE = 'usage: keyless onboard <app id>';

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

/** `keyless onboard <app id>`: the Markdown on stdout. */
export function run(args: readonly string[], { root }: CommandContext): number {
  process.stdout.write(onboard(root, args));
  return 0;
}
