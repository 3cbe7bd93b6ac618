import { rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { formatDiagnostic } from '../../src/registry/diagnostics';
import { checkRegistry } from '../../src/registry/load';
import { validateRegistry } from '../../src/registry/validate';
import { writeRegistry } from '../helpers';
import { ACCOUNTS, app, problems } from './fixtures';

describe('validateRegistry', () => {
  test('GIVEN a valid registry WHEN validated THEN the model comes back with values resolved', () => {
    const files = { accounts: { file: 'accounts.yaml', text: ACCOUNTS }, apps: [{ file: 'apps/a.yaml', text: app('a').replace('a-0123456789abcdef', '{ env: A_ID }') }], diagnostics: [] };
    const { registry, diagnostics } = validateRegistry('/r', files, { A_ID: 'from-env-0123456789' });
    expect(diagnostics).toEqual([]);
    expect(registry?.apps[0]).toMatchObject({ id: 'a', externalId: 'from-env-0123456789', consumer: { principalArn: 'arn:aws:iam::222222222222:role/node' } });
  });

  test('GIVEN problems in several files WHEN validated THEN all are reported in file and line order, and no model', () => {
    const files = { accounts: { file: 'accounts.yaml', text: ACCOUNTS.replace('account: data', 'account: nowhere') }, apps: [
      { file: 'apps/b.yaml', text: app('b').replace('b-0123456789abcdef', 'short-b') },
      { file: 'apps/a.yaml', text: app('a').replace('owner: team-a', 'owner: 1') },
    ], diagnostics: [] };
    const { registry, diagnostics } = validateRegistry('/r', files, {});
    expect(registry).toBeUndefined();
    expect(diagnostics.map((d) => `${d.location.file}:${d.location.line}:${d.severity}`)).toEqual([
      'accounts.yaml:11:error', 'apps/a.yaml:2:error', 'apps/b.yaml:6:warning',
    ]);
  });

  test('GIVEN a broken accounts.yaml WHEN validated THEN the app files are still checked on their own', () => {
    expect(problems('accounts: [\n', { a: app('a').replace('a-0123456789abcdef', 'short-a') })).toEqual([
      'accounts.yaml:2:1: error: invalid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]',
      'apps/a.yaml:6:13: warning: externalId has only 7 characters; use at least 16 random ones (e.g. from openssl rand -hex 16), since other apps on the same node could guess a short one',
    ]);
  });

  test('GIVEN a registry root without accounts.yaml WHEN checked THEN the missing file is reported with the root', () => {
    const root = writeRegistry('', { a: app('a') });
    rmSync(join(root, 'accounts.yaml'));
    expect(checkRegistry(root, {}).diagnostics.map(formatDiagnostic)).toEqual([
      `accounts.yaml:1:1: error: file not found; create accounts.yaml in the registry root ${root}`,
    ]);
  });

  test('GIVEN an app file that cannot be read (a dangling link) WHEN checked THEN it is reported, not thrown', () => {
    const root = writeRegistry(ACCOUNTS, {});
    symlinkSync(join(root, 'nowhere.yaml'), join(root, 'apps', 'gone.yaml'));
    expect(checkRegistry(root, {}).diagnostics.map(formatDiagnostic)).toEqual([
      'apps/gone.yaml:1:1: error: cannot read the file (ENOENT); make it a readable YAML file',
    ]);
  });
});
