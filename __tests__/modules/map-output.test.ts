import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Testing, TerraformStack } from 'cdktf';
import { buildApp } from '../../main';
import { mapOutput } from '../../modules/map-output';
import { loadRegistry } from '../../src/registry/load';
import { BUNDLED_ROOT } from '../helpers';

/** One stack with a map output, synthesized as cdktf writes it. */
function synthesized(value: Record<string, string>): { output: Record<string, { value: unknown; description: string }> } {
  const app = Testing.app();
  const stack = new TerraformStack(app, 'stack');
  mapOutput(stack, 'arns', { value, description: 'what it maps' }).overrideLogicalId('arns');
  return JSON.parse(Testing.synth(stack));
}

function synthesizeBundled(): void {
  const out = mkdtempSync(join(tmpdir(), 'keyless-map-output-'));
  try {
    buildApp(loadRegistry(BUNDLED_ROOT, {}), out).synth();
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

describe('mapOutput', () => {
  afterEach(() => jest.restoreAllMocks());

  it('GIVEN a map of ARNs and a reference WHEN synthesized THEN the output is that map, as written', () => {
    const value = { 'app-a': 'arn:aws:iam::111111111111:role/keyless/keyless-app-a', ca: '${aws_rolesanywhere_trust_anchor.anchor.arn}' };

    expect(synthesized(value).output.arns).toEqual({ value, description: 'what it maps' });
  });

  it.each([
    ['a map output', () => synthesized({ a: 'b' })],
    ['the bundled registry, with role and trust anchor maps', synthesizeBundled],
  ])('GIVEN %s WHEN synthesized THEN util.isArray is never called: Node 22 deprecates it at run time, with a warning on stderr', (_name, synth) => {
    // The module object cdktf requires, not an import's namespace copy of it.
    const isArray = jest.spyOn(require('node:util') as { isArray: (value: unknown) => boolean }, 'isArray');

    synth();

    expect(isArray).not.toHaveBeenCalled();
  });
});
