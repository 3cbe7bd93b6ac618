import { existsSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { App } from 'cdktf';
import { AccountPlan, planAccounts } from './src/policy/account-plan';
import { formatDiagnostic, RegistryError } from './src/registry/diagnostics';
import { checkRegistry } from './src/registry/load';
import { Registry } from './src/registry/model';
import { writeAtomically } from './src/tools/atomic-output';
import { CommandContext, parseOptions } from './src/tools/command';
import { externalIdEnv, STAND_IN_SWITCH } from './src/tools/placeholder-env';

/** Where synth writes without $CDKTF_OUTDIR (which the cdktf CLI sets): relative to the registry root. */
export const DEFAULT_OUTDIR = 'cdktf.out';

/** One stack per account alias: each is a separate Terraform workspace; local state files go to the registry root. */
export function buildApp(registry: Registry, outdir: string, plans: readonly AccountPlan[] = planAccounts(registry)): App {
  // The engine is loaded only here, after validation: a registry with errors is reported without it (0.15 s).
  const { accountsApp } = require('./modules/accounts-app') as typeof import('./modules/accounts-app');
  return accountsApp(plans, registry.root, outdir);
}

/**
 * The cdktf (and cdktn) CLI runs the app with CDKTF_CONTEXT_JSON set, and afterwards deletes the stack directories
 * it saw before the run that the new manifest lacks, failing (ENOENT) when one is already gone. Under the CLI those
 * directories are therefore left for it to delete; a plain `keyless synth` deletes them itself.
 */
function underCdktfCli(env: NodeJS.ProcessEnv): boolean {
  return env.CDKTF_CONTEXT_JSON !== undefined;
}

/** `stacks/<alias>` of every workspace directory in `outdir`. */
function stackDirs(outdir: string): string[] {
  const stacks = join(outdir, 'stacks');
  return existsSync(stacks) ? readdirSync(stacks).map((alias) => join('stacks', alias)) : [];
}

/** `keyless synth`: validate, then write every workspace, atomically: on an error nothing is written. */
export function run(args: readonly string[], { root }: CommandContext): number {
  parseOptions('synth', args, {});
  const env = externalIdEnv();
  const { registry, plans, diagnostics } = checkRegistry(root, env);
  if (!registry) throw new RegistryError(diagnostics);
  const underCli = underCdktfCli(process.env);
  // The cdktf CLI shows whatever an app writes to stderr as [ERROR]: warnings go to stdout there.
  for (const d of diagnostics) (underCli ? console.log : console.warn)(formatDiagnostic(d));
  const outdir = process.env.CDKTF_OUTDIR || join(root, DEFAULT_OUTDIR);
  writeAtomically(outdir, (dir) => buildApp(registry, dir, plans).synth(), { carryOver: underCli ? stackDirs(outdir) : [] });
  const aliases = registry.accounts.map((a) => a.alias).sort();
  const shown = relative(process.cwd(), join(outdir, 'stacks')) || '.';
  console.log(`Synthesized ${aliases.length} workspaces (${registry.apps.length} apps) into ${shown}/: ${aliases.join(', ')}`);
  if (env !== process.env) {
    console.log(`ExternalIds read from the environment are stand-ins (${STAND_IN_SWITCH.name}=${STAND_IN_SWITCH.value}): verify and review this output, never plan or apply it`);
  }
  return 0;
}
