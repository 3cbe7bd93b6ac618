import { Registry } from '../../../src/registry/model';
import { verifyOutput } from '../../../src/tools/verify';
import { claimer } from '../../../src/tools/verify/parallel';
import { bundledRegistry, editPolicy, mutated, resourceWhere, synthesizedBundled } from './output-fixture';

// Worker threads each load the simulator's IAM data: on a shared machine that alone can outlast jest's 5 s default.
jest.setTimeout(60_000);

let registry: Registry;
let pristine: string;

beforeAll(() => {
  registry = bundledRegistry();
  pristine = synthesizedBundled();
});

describe('verifyOutput in worker threads', () => {
  it('GIVEN a bucket policy made invalid WHEN verified in 2 threads and in one THEN the same scenarios fail and the policy error is reported once', async () => {
    const dir = mutated(pristine, 'data', (stack) =>
      editPolicy(resourceWhere(stack, 'aws_s3_bucket_policy', 'bucket', 'assumed-with-external-id'), 'policy', (doc) => {
        doc.Statement[0].Effect = 'Maybe';
      }));

    const threaded = await verifyOutput(registry, dir, { threads: 2 });
    const single = await verifyOutput(registry, dir, { threads: 1 });

    expect(single.errors).toEqual([expect.stringContaining('is not a valid resource policy')]);
    expect(threaded).toEqual(single);
  });
});

describe('claimer', () => {
  it('GIVEN two threads claiming from one counter WHEN they take turns THEN each batch is handed out once, in order, then none', () => {
    const batches = [0, 1, 2].map((index) => ({ index, from: index * 4, to: index * 4 + 4 }));
    const claims = new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT);
    const here = claimer(batches, claims);
    const there = claimer(batches, claims);

    expect([here(), there(), here(), there(), here()]).toEqual([batches[0], batches[1], batches[2], undefined, undefined]);
  });
});
