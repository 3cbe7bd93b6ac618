import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseDocument } from 'yaml';
import { formatDiagnostic } from '../../src/registry/diagnostics';
import { checkRegistry } from '../../src/registry/load';
import { init, registryWorkflow, REPOSITORY_ONLY_MARKER } from '../../src/tools/init';
import { validate } from '../../src/tools/validate';
import { UserError } from '../../src/tools/user-error';
import { ROOT, snapshot } from '../e2e';

/** A directory as `npm install --save-dev <keyless tarball>` leaves it. */
function installedDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'keyless-init-'));
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ devDependencies: { keyless: 'file:../keyless-0.1.0.tgz' } }));
  return dir;
}
const own = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));

describe('keyless init', () => {
  it('GIVEN a directory where keyless was installed WHEN initialised THEN every file of a registry repository is created', () => {
    const dir = installedDir();

    const { created, packageJson } = init(dir);

    expect(packageJson).toBe('completed');
    expect(created.sort()).toEqual([
      '.github/CODEOWNERS', '.github/workflows/deploy.yml', '.github/workflows/pull-request.yml', '.gitignore',
      '.terraform-version', '.vscode/settings.json', 'README.md', 'accounts.yaml', 'apps/example-app.yaml', 'cdktf.json',
    ]);
    for (const file of created) expect(existsSync(join(dir, file))).toBe(true);
  });

  it('GIVEN the scaffold WHEN validated THEN it is a valid registry with one example app and no warning', () => {
    const dir = installedDir();
    init(dir);

    const { registry, diagnostics } = checkRegistry(dir, {});

    expect(diagnostics.map(formatDiagnostic)).toEqual([]);
    expect(registry?.apps.map((a) => a.id)).toEqual(['example-app']);
  });

  it('GIVEN the scaffold WHEN validate prints its summary THEN a count of one is singular, and the example bucket asks what to do with its live policy', () => {
    const dir = installedDir();
    init(dir);
    const lines: string[] = [];

    expect(validate(dir, {}, (line) => lines.push(line))).toBe(0);
    expect(lines).toEqual([
      expect.stringMatching(/^accounts\.yaml:\d+:3: warning: bucket "example-data-bucket" declares neither keepStatements nor existingPolicy/),
      '0 errors, 1 warning (2 accounts, 1 bucket, 1 app)',
    ]);
  });

  it('GIVEN the scaffold WHEN its package.json is read THEN keyless keeps the spec it was installed from, and verify\'s simulator and cdktf-cli are added at keyless\'s versions', () => {
    const dir = installedDir();
    init(dir);

    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));

    expect(pkg).toMatchObject({ private: true, engines: { node: '>=22' } });
    expect(pkg.devDependencies).toEqual({
      '@cloud-copilot/iam-policy': own.devDependencies['@cloud-copilot/iam-policy'],
      '@cloud-copilot/iam-simulate': own.devDependencies['@cloud-copilot/iam-simulate'],
      'cdktf-cli': own.devDependencies['cdktf-cli'],
      keyless: 'file:../keyless-0.1.0.tgz',
    });
  });

  it('GIVEN the scaffold WHEN its editor settings and modelines are read THEN they point at the schemas in node_modules/keyless/schema/', () => {
    const dir = installedDir();
    init(dir);
    const schemaOf = (file: string) => /^# yaml-language-server: \$schema=(\S+)$/.exec(readFileSync(join(dir, file), 'utf8').split('\n')[0])![1];

    expect(resolve(dir, schemaOf('accounts.yaml'))).toBe(join(dir, 'node_modules/keyless/schema/accounts.schema.json'));
    expect(resolve(dir, 'apps', schemaOf('apps/example-app.yaml'))).toBe(join(dir, 'node_modules/keyless/schema/app.schema.json'));
    const settings = JSON.parse(readFileSync(join(dir, '.vscode/settings.json'), 'utf8'))['yaml.schemas'];
    expect(Object.keys(settings).map((path) => resolve(dir, path)).map((p) => p.replace(join(dir, 'node_modules/keyless'), ROOT)).every(existsSync)).toBe(true);
    expect(JSON.parse(readFileSync(join(dir, 'cdktf.json'), 'utf8')).app).toBe('npx --no-install keyless synth');
  });

  it('GIVEN keyless\'s own workflows WHEN scaffolded THEN they are copied as they are, but for the repository-only npm test', () => {
    const dir = installedDir();
    init(dir);

    // mutation.yml tests keyless's own sources: init leaves it out.
    for (const file of readdirSync(join(ROOT, '.github/workflows')).filter((f) => f !== 'mutation.yml')) {
      const ours = readFileSync(join(ROOT, '.github/workflows', file), 'utf8');
      const theirs = readFileSync(join(dir, '.github/workflows', file), 'utf8');
      expect(theirs).toBe(registryWorkflow(ours));
      expect(parseDocument(theirs).errors).toEqual([]);
      expect(theirs).not.toMatch(/npm test|npm run /);
    }
    expect(readFileSync(join(ROOT, '.github/workflows/pull-request.yml'), 'utf8')).toContain(`npm test ${REPOSITORY_ONLY_MARKER}`);
  });

  it('GIVEN workflows that read .terraform-version WHEN scaffolded THEN the registry repository pins the same Terraform version', () => {
    const dir = installedDir();
    init(dir);

    expect(readFileSync(join(dir, '.terraform-version'), 'utf8')).toBe(readFileSync(join(ROOT, '.terraform-version'), 'utf8'));
  });

  it('GIVEN a directory holding one of the files WHEN initialised THEN it refuses in one line and writes nothing', () => {
    const dir = installedDir();
    writeFileSync(join(dir, 'README.md'), '# ours\n');
    const before = snapshot(dir);

    expect(() => init(dir)).toThrow(new UserError(`${join(dir, 'README.md')} already exists; keyless init never overwrites: move it away, or init another directory`));
    expect(snapshot(dir)).toEqual(before);
  });

  it('GIVEN keyless run from its own checkout and no package.json naming it WHEN initialised THEN it says to install keyless there first', () => {
    const dir = mkdtempSync(join(tmpdir(), 'keyless-init-'));

    expect(() => init(dir)).toThrow(/^cannot tell which tarball or git URL this keyless .* was installed from; in .*, run npm install --save-dev <keyless tarball or git URL> first/);
    expect(readdirSync(dir)).toEqual([]);
  });
});
