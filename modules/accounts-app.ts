import { App } from 'cdktf';
import { AccountPlan } from '../src/policy/account-plan';
import { AccountStack } from './account-stack';

/** One stack per account plan: each is a separate Terraform workspace; local state files go to `stateDir`. */
export function accountsApp(plans: readonly AccountPlan[], stateDir: string, outdir: string): App {
  const app = new App({ outdir });
  for (const plan of plans) new AccountStack(app, { plan, stateDir });
  return app;
}
