import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { validate } from '../../src/tools/validate';
import { copyBundledRegistry, LOCATED_ERROR, ROOT, runKeyless, STACK_FRAME } from '../e2e';

jest.setTimeout(60_000);

/** A valid app whose only flaw is an ExternalId of 8 characters (a warning). */
const SHORT_ID_APP = 'id: short\nowner: team-x\nconsumer:\n  account: swarm\n  principal: role/node\nexternalId: short-id\naccess:\n  - bucket: acme-partner-drop\n    permissions: [read]\n';

function run(root: string): { code: number; lines: string[] } {
  const lines: string[] = [];
  const code = validate(root, {}, (line) => lines.push(line));
  return { code, lines };
}

describe('npm run validate', () => {
  test('GIVEN the bundled registry WHEN validated THEN exit 0 with the summary', () => {
    expect(run(ROOT)).toEqual({ code: 0, lines: ['0 errors, 0 warnings (5 accounts, 7 buckets, 9 apps)'] });
  });

  test('GIVEN several problems in several files WHEN validated THEN every one is printed, then the counts, and exit 1', () => {
    const root = copyBundledRegistry();
    writeFileSync(join(root, 'apps', 'neighbour.yaml'), 'id: neighbour\nowner: team-x\nconsumer:\n  account: swarm\n  principal: role/node\nexternalId: neighbour-0123456789\nacess: []\n');
    writeFileSync(join(root, 'apps', 'empty.yaml'), '');
    writeFileSync(join(root, 'apps', 'short.yaml'), SHORT_ID_APP);
    expect(run(root)).toEqual({
      code: 1,
      lines: [
        'apps/empty.yaml:1:1: error: the file is empty; declare the app (id, owner, consumer, externalId or a certificate consumer, access) or delete the file',
        'apps/neighbour.yaml:7:1: error: unknown field "acess" (did you mean "access"?)',
        'apps/short.yaml:6:13: warning: externalId has only 8 characters; use at least 16 random ones (e.g. from openssl rand -hex 16), since other apps on the same node could guess a short one',
        '2 errors, 1 warning',
      ],
    });
  });

  test('GIVEN only a warning WHEN validated THEN exit 0', () => {
    const root = copyBundledRegistry();
    writeFileSync(join(root, 'apps', 'short.yaml'), SHORT_ID_APP);
    const { code, lines } = run(root);
    expect(code).toBe(0);
    expect(lines[lines.length - 1]).toBe('0 errors, 1 warning (5 accounts, 7 buckets, 10 apps)');
  });

  test('GIVEN a broken registry WHEN the script runs as CI runs it THEN exit 1, located errors, no stack trace', async () => {
    const root = copyBundledRegistry();
    writeFileSync(join(root, 'apps', 'broken.yaml'), 'id: Broken\n');
    const result = await runKeyless(['validate'], { REGISTRY_DIR: root });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(LOCATED_ERROR);
    expect(result.stdout).toContain('apps/broken.yaml:1:5: error: "id" must match [a-z0-9][a-z0-9-]*, e.g. myapp-123 (found "Broken")');
    expect(`${result.stdout}${result.stderr}`).not.toMatch(STACK_FRAME);
  });
});

describe('npm run validate on buckets that already have a policy', () => {
  test('GIVEN a bucket without keepStatements or existingPolicy WHEN validated THEN a warning says the first apply replaces its whole policy, and how to keep it', () => {
    const root = copyBundledRegistry();
    const accounts = join(root, 'accounts.yaml');
    writeFileSync(accounts, readFileSync(accounts, 'utf8').replace('    existingPolicy: replace\n    kmsKey:', '    kmsKey:'));

    expect(run(root)).toEqual({
      code: 0,
      lines: [
        'accounts.yaml:50:3: warning: bucket "acme-finance-exports" declares neither keepStatements nor existingPolicy: the first apply replaces its whole ' +
        'bucket policy, and every statement keyless does not write is lost; fetch the live one (aws s3api get-bucket-policy --bucket acme-finance-exports ' +
        '--query Policy --output text > policies/acme-finance-exports.json), keep what it needs with keepStatements: policies/<file>.json and set ' +
        'existingPolicy: adopt, or set existingPolicy: replace if there is nothing to keep',
        '0 errors, 1 warning (5 accounts, 7 buckets, 9 apps)',
      ],
    });
  });
});
