import { rmSync } from 'node:fs';
import { loadRegistry } from '../../../src/registry/load';
import { Registry } from '../../../src/registry/model';
import { generateRegistry } from '../../../src/tools/bench/generate-registry';
import { verifyOutput } from '../../../src/tools/verify';
import { evaluateScenarios } from '../../../src/tools/verify/evaluate';
import { formatJson } from '../../../src/tools/verify/report';
import { deriveScenarios } from '../../../src/tools/verify/scenarios';
import { installSimulatorMemos, uninstallSimulatorMemos } from '../../../src/tools/verify/simulator-memos';
import { indexSynthesized } from '../../../src/tools/verify/synthesized';
import { readWorkspaces } from '../../../src/tools/verify/terraform-json';
import { bundledRegistry, synthesize } from './output-fixture';

jest.setTimeout(120_000);

/** Enough apps that each node role's consumer policy lists several role ARNs, so slicing cuts something. */
const BENCH_APPS = 12;

/** The plain path: the simulator's own code (no memos), whole policies, one thread. */
async function plainReport(registry: Registry, dir: string): Promise<string> {
  uninstallSimulatorMemos();
  try {
    const { stacks, errors } = readWorkspaces(dir, new Map(registry.accounts.map((a) => [a.alias, a.id])));
    const output = indexSynthesized(stacks, errors);
    const { results, errors: evaluationErrors } = await evaluateScenarios(deriveScenarios(registry), output, { sliceResources: false });
    const passed = results.filter((r) => r.pass).length;
    return formatJson({ results, passed, failed: results.length - passed, errors: [...output.errors, ...evaluationErrors] });
  } finally {
    installSimulatorMemos();
  }
}

const registries: [string, () => Registry][] = [
  ['the bundled registry', bundledRegistry],
  [`a ${BENCH_APPS}-app bench registry`, () => loadRegistry(generateRegistry(BENCH_APPS), {})],
];

describe.each(registries)('verify on %s', (_name, load) => {
  let registry: Registry;
  let dir: string;

  beforeAll(() => {
    registry = load();
    dir = synthesize(registry);
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('GIVEN its synthesized output WHEN verified cached in one thread, cached in two, and plain THEN the JSON reports are byte-identical', async () => {
    const plain = await plainReport(registry, dir);
    const cached = formatJson(await verifyOutput(registry, dir, { threads: 1 }));
    const parallel = formatJson(await verifyOutput(registry, dir, { threads: 2 }));

    expect(JSON.parse(plain).results.length).toBeGreaterThan(0);
    expect(cached).toBe(plain);
    expect(parallel).toBe(plain);
  });
});
