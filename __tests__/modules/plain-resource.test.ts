import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Testing } from 'cdktf';
import { PlainResource, PlainResourceStack } from '../../modules/plain-resource';
import { checkRegistry } from '../../src/registry/load';
import { generateRegistry } from '../../src/tools/bench/generate-registry';
import { copyBundledRegistry, snapshot } from '../e2e';
import { fixture, UNSEEN_ENV } from '../helpers';

type BuildApp = typeof import('../../main').buildApp;

/** Committed output of the unseen fixture, written by the code before plain resources (UPDATE_GOLDEN=1 rewrites it). */
const GOLDEN = fixture('golden-unseen');

/**
 * Synthesizes the registry at `root` with `buildApp` into `root/cdktf.out` (state paths are then the same everywhere);
 * returns it and how many PlainResources the app held.
 */
function synthesize(buildApp: BuildApp, root: string, env: NodeJS.ProcessEnv = {}): { outdir: string; plainResources: number } {
  const { registry, plans, diagnostics } = checkRegistry(root, env);
  if (!registry) throw new Error(diagnostics.map((d) => d.message).join('\n'));
  const outdir = join(root, 'cdktf.out');
  const app = buildApp(registry, outdir, plans);
  app.synth();
  return { outdir, plainResources: app.node.findAll().filter(PlainResource.isPlainResource).length };
}

/**
 * main.ts's buildApp with every PlainResource made an ordinary cdktf TerraformResource in an ordinary stack: cdktf
 * then resolves each of them as it resolves a provider class's resource (what modules/ did before plain resources).
 */
function buildAppResolvedByCdktf(): BuildApp {
  // buildApp loads the engine when called, so it is called inside the isolated registry that holds the mock.
  return (...args) => {
    let app: ReturnType<BuildApp> | undefined;
    jest.isolateModules(() => {
      jest.doMock('../../modules/plain-resource', () => {
        const { TerraformResource, TerraformStack } = jest.requireActual<typeof import('cdktf')>('cdktf');
        class ResolvedPlainResource extends TerraformResource {
          constructor(scope: never, id: string, type: string, private readonly args: Record<string, unknown>) {
            super(scope, id, { terraformResourceType: type });
          }
          protected synthesizeAttributes(): Record<string, unknown> {
            return { ...this.args };
          }
          ref(attribute: string): string {
            return `\${${this.terraformResourceType}.${this.friendlyUniqueId}.${attribute}}`;
          }
        }
        return { PlainResource: ResolvedPlainResource, PlainResourceStack: TerraformStack };
      });
      app = (require('../../main') as typeof import('../../main')).buildApp(...args);
    });
    jest.dontMock('../../modules/plain-resource');
    return app!;
  };
}

const copyOf = (source: string): string => {
  const root = mkdtempSync(join(tmpdir(), 'keyless-golden-'));
  cpSync(source, root, { recursive: true });
  return root;
};

describe('PlainResource', () => {
  const { buildApp } = require('../../main') as typeof import('../../main');

  it('GIVEN the unseen fixture WHEN synthesized THEN every workspace is byte-identical to the committed pre-change output', () => {
    const { outdir } = synthesize(buildApp, copyOf(fixture('unseen')), UNSEEN_ENV);
    const stacks = readdirSync(join(outdir, 'stacks')).sort();
    if (process.env.UPDATE_GOLDEN) {
      mkdirSync(GOLDEN, { recursive: true });
      for (const s of stacks) writeFileSync(join(GOLDEN, `${s}.tf.json`), readFileSync(join(outdir, 'stacks', s, 'cdk.tf.json')));
    }
    expect(stacks).toEqual(readdirSync(GOLDEN).map((f) => f.replace(/\.tf\.json$/, '')).sort());
    for (const s of stacks) {
      // Byte for byte: a failure here means the synthesized Terraform changed; if on purpose, rerun with UPDATE_GOLDEN=1.
      expect(readFileSync(join(outdir, 'stacks', s, 'cdk.tf.json'), 'utf8')).toBe(readFileSync(join(GOLDEN, `${s}.tf.json`), 'utf8'));
    }
  });

  it.each([
    ['the bundled registry', () => copyBundledRegistry()],
    ['a 60-app bench registry', () => generateRegistry(60)],
  ])('GIVEN %s WHEN synthesized with plain resources and with cdktf resolving them THEN the outputs are byte-identical', (_what, registry) => {
    const root = registry();
    const plain = synthesize(buildApp, copyOf(root));
    const resolved = synthesize(buildAppResolvedByCdktf(), copyOf(root));
    expect(plain.plainResources).toBeGreaterThan(0);
    expect(resolved.plainResources).toBe(0);
    expect(Object.keys(snapshot(plain.outdir)).filter((f) => f.endsWith('cdk.tf.json')).length).toBeGreaterThan(1);
    expect(snapshot(plain.outdir)).toEqual(snapshot(resolved.outdir));
  });

  it('GIVEN SYNTH_HCL_OUTPUT WHEN a stack of plain resources is written as HCL THEN it refuses, naming the variable', () => {
    expect(() => new PlainResourceStack(Testing.app(), 'hcl').toHclTerraform()).toThrow('unset SYNTH_HCL_OUTPUT');
  });
});
