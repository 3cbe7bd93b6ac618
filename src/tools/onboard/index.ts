import { loadRegistry } from '../../registry/load';
import { CommandContext } from '../command';
import { placeholderEnv } from '../placeholder-env';
import { renderTemplate } from '../templates';
import { UserError } from '../user-error';
import { onboardView } from './onboard-view';

export const ONBOARD_USAGE = 'usage: keyless onboard <app id>';

/** The onboarding Markdown for one app of the registry at `root`. */
export function onboard(root: string, argv: readonly string[], templatesDir?: string): string {
  if (argv.length !== 1 || argv[0].startsWith('-')) throw new UserError(`expected exactly one app id\n${ONBOARD_USAGE}`);
  // The ExternalId is needed only when literal; an env reference stays a placeholder, so no secret is required.
  const registry = loadRegistry(root, placeholderEnv());
  return renderTemplate('onboard', onboardView(registry, argv[0]), templatesDir);
}

/** `keyless onboard <app id>`: the Markdown on stdout. */
export function run(args: readonly string[], { root }: CommandContext): number {
  process.stdout.write(onboard(root, args));
  return 0;
}
