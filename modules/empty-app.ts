import { App, TerraformStack } from 'cdktf';

/**
 * The benchmark's floor: an empty cdktf app (one empty stack), started like main.ts, so `npm run bench`
 * can tell the engine's own start-up and synth cost from the cost of the registry's resources.
 */
function main(): void {
  const app = new App({ outdir: process.env.CDKTF_OUTDIR || 'cdktf.out' });
  new TerraformStack(app, 'empty');
  app.synth();
}

if (require.main === module) main();
