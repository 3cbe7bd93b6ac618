import { rmSync } from 'node:fs';
import { Registry } from '../../../src/registry/model';
import { verifyOutput } from '../../../src/tools/verify';
import { formatJson } from '../../../src/tools/verify/report';
import { SimulationMemo } from '../../../src/tools/verify/simulation-memo';
import { bundledRegistry, editPolicy, mutated, resourceWhere, synthesizedBundled } from './output-fixture';

let registry: Registry;
let pristine: string;
const edited: string[] = [];

beforeAll(() => {
  registry = bundledRegistry();
  pristine = synthesizedBundled();
});

afterAll(() => {
  for (const dir of [pristine, ...edited]) rmSync(dir, { recursive: true, force: true });
});

/** The bundled output with swarm-uploader's trust policy no longer asking for its ExternalId. */
function withoutExternalId(): string {
  const dir = mutated(pristine, 'data', (stack) =>
    editPolicy(resourceWhere(stack, 'aws_iam_role', 'name', 'keyless-swarm-uploader'), 'assume_role_policy', (doc) => {
      delete doc.Statement[0].Condition.StringEquals['sts:ExternalId'];
    }));
  edited.push(dir);
  return dir;
}

describe('SimulationMemo', () => {
  it('GIVEN a memo filled by one verify WHEN the same output is verified again THEN nothing is simulated again and the report is byte-identical', async () => {
    const memo = new SimulationMemo();
    const first = formatJson(await verifyOutput(registry, pristine, { memo }));
    const simulated = memo.size;

    const second = formatJson(await verifyOutput(registry, pristine, { memo }));

    expect(simulated).toBeGreaterThan(100);
    expect(memo.size).toBe(simulated);
    expect(second).toBe(first);
  });

  it('GIVEN a memo filled from the pristine output WHEN a trust policy is edited and verified THEN only the requests on that role are simulated again and the report is that of a verify without the memo', async () => {
    const memo = new SimulationMemo();
    await verifyOutput(registry, pristine, { memo });
    const before = memo.size;
    const dir = withoutExternalId();

    const withMemo = await verifyOutput(registry, dir, { memo });
    const withoutMemo = await verifyOutput(registry, dir, { threads: 1 });

    expect(formatJson(withMemo)).toBe(formatJson(withoutMemo));
    expect(withMemo.results.filter((r) => !r.pass).map((r) => r.scenario)).toContain('AssumeRole without an ExternalId');
    expect(memo.size - before).toBeGreaterThan(0);
    expect(memo.size - before).toBeLessThan(before / 10);
  });
});
