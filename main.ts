import { App } from 'cdktf';
import { AccountStack } from './modules/account-stack';
import { AccountPlan, planAccounts } from './src/policy/account-plan';
import { formatDiagnostic, RegistryError } from './src/registry/diagnostics';
import { checkRegistry, registryRoot } from './src/registry/load';
import { Registry } from './src/registry/model';
import { writeAtomically } from './src/tools/atomic-output';
import { runCli } from './src/tools/cli';
import { externalIdEnv, STAND_IN_SWITCH } from './src/tools/placeholder-env';

/** One stack per account alias: each is a separate Terraform workspace. */
export function buildApp(registry: Registry, outdir: string, plans: readonly AccountPlan[] = planAccounts(registry)): App {
  const app = new App({ outdir });
  for (const plan of plans) new AccountStack(app, { plan });
  return app;
}

function main(): void {
  const root = registryRoot();
  const { registry, plans, diagnostics } = checkRegistry(root, externalIdEnv());
  if (!registry) throw new RegistryError(diagnostics);
  for (const d of diagnostics) console.warn(formatDiagnostic(d));
  const outdir = process.env.CDKTF_OUTDIR || 'cdktf.out';
  writeAtomically(outdir, (dir) => buildApp(registry, dir, plans).synth());
  console.log(`Synthesized ${registry.accounts.length} workspaces (${registry.apps.length} apps) into ${outdir}/stacks/<alias>`);
  if (externalIdEnv() !== process.env) {
    console.log(`ExternalIds read from the environment are stand-ins (${STAND_IN_SWITCH.name}=${STAND_IN_SWITCH.value}): verify and review this output, never plan or apply it`);
  }
}

if (require.main === module) runCli(main);
