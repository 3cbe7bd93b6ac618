import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OutputDirError, readStackFiles, readStacks, resourcesOf } from '../../src/tools/synth-output';

/** A synthesized directory whose `stacks/<alias>/cdk.tf.json` hold the given texts; `null` makes an empty stack dir. */
function outDir(stacks: Record<string, string | null>): string {
  const dir = mkdtempSync(join(tmpdir(), 'keyless-synth-output-'));
  for (const [alias, text] of Object.entries(stacks)) {
    mkdirSync(join(dir, 'stacks', alias), { recursive: true });
    if (text !== null) writeFileSync(join(dir, 'stacks', alias, 'cdk.tf.json'), text);
  }
  return dir;
}

const ROLE = JSON.stringify({ resource: { aws_iam_role: { r: { name: 'keyless-a' } } } });

describe('readStackFiles', () => {
  it('GIVEN stacks written out of order, one without cdk.tf.json and one not JSON WHEN read THEN the readable ones come sorted and the broken one is reported against its file', () => {
    const dir = outDir({ swarm: '{}', data: ROLE, empty: null, broken: '{ not json' });

    const { stacks, unreadable } = readStackFiles(dir);

    expect(stacks.map((s) => [s.alias, s.file, s.text])).toEqual([
      ['data', join(dir, 'stacks', 'data', 'cdk.tf.json'), ROLE],
      ['swarm', join(dir, 'stacks', 'swarm', 'cdk.tf.json'), '{}'],
    ]);
    expect(unreadable).toEqual([{ alias: 'broken', error: expect.stringMatching(/stacks\/broken\/cdk\.tf\.json:1:1: error: not valid JSON \(.*\); synthesize again$/) }]);
  });

  it('GIVEN a directory without stacks/ WHEN read THEN it is an OutputDirError saying to synthesize first', () => {
    const dir = mkdtempSync(join(tmpdir(), 'keyless-not-synthesized-'));

    expect(() => readStackFiles(dir)).toThrow(OutputDirError);
    expect(() => readStackFiles(dir)).toThrow(`${dir}: error: no stacks/ directory; run \`keyless synth\` first`);
  });
});

describe('readStacks', () => {
  it('GIVEN freshly synthesized stacks WHEN read THEN their resources are listed by stack and id', () => {
    const stacks = readStacks(outDir({ data: ROLE, swarm: '{}' }));

    expect(resourcesOf(stacks, 'aws_iam_role')).toEqual([{ stack: 'data', id: 'r', config: { name: 'keyless-a' } }]);
  });

  it('GIVEN a stack that is not JSON WHEN read strictly THEN it throws with the located error instead of skipping it', () => {
    expect(() => readStacks(outDir({ data: ROLE, broken: '{ not json' }))).toThrow(/stacks\/broken\/cdk\.tf\.json:1:1: error: not valid JSON/);
  });
});
