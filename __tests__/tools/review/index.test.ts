import { join } from 'node:path';
import { RegistryError } from '../../../src/registry/diagnostics';
import { parseReviewArgs, review } from '../../../src/tools/review/index';
import { UserError } from '../../../src/tools/user-error';
import { runTsxSync } from '../../e2e';
import { ACCOUNTS_YAML, ARCHIVER_SECRET, archiverYaml, UPLOADER_SECRET, uploaderYaml } from '../fixtures';
import { GitFixture, removeGitFixtures } from './git-fixture';

const PROJECT = join(__dirname, '../../..');
afterAll(removeGitFixtures);

/** Commits a base registry, applies `change` as a second commit and reviews HEAD against HEAD~1. */
function reviewChange(base: Record<string, string>, change: (f: GitFixture) => void, subdir = ''): string {
  const fixture = new GitFixture(subdir).write({ 'accounts.yaml': ACCOUNTS_YAML, ...base }).commit('base');
  change(fixture);
  fixture.commit('change');
  return review(fixture.root, parseReviewArgs(['--base', 'HEAD~1']));
}

function mermaidBlock(markdown: string): string {
  const match = /```mermaid\n([\s\S]*?)```/.exec(markdown);
  if (!match) throw new Error(`no mermaid block in:\n${markdown}`);
  return match[1];
}

function expectNoExternalIdValue(markdown: string): void {
  expect(markdown).not.toContain(UPLOADER_SECRET);
  expect(markdown).not.toContain(ARCHIVER_SECRET);
}

describe('review of a git history', () => {
  it('GIVEN a commit that adds an app WHEN reviewed THEN the headline, its table and the diagram show it, with no warning', () => {
    const md = reviewChange({ 'apps/uploader.yaml': uploaderYaml() }, (f) => f.write({ 'apps/archiver.yaml': archiverYaml() }));

    expect(md).toContain('**1 app(s) added · 0 changed · 0 removed**');
    expect(md).toContain('- Added: `archiver`');
    expect(md).toContain('- Workspaces touched: `data`, `swarm`');
    expect(md).not.toContain('[!WARNING]');
    expect(md).not.toContain('[!CAUTION]');
    expect(md).toContain('### `archiver` added');
    expect(md).toContain('| ➕ | reports: prefix | — | `archive/reports/` |');
    expect(md).toContain('| ➕ | reports: role | — | `arn:aws:iam::111111111111:role/keyless/keyless-archiver` |');
    expect(md).toContain('| ➕ | ExternalId | — | `set in registry` |');
    const diagram = mermaidBlock(md);
    expect(diagram.startsWith('flowchart LR\n')).toBe(true);
    expect(diagram).toContain('["role/node @ swarm"]');
    expect(diagram).toContain('(["keyless-archiver @ data"])');
    expect(diagram).toContain('[("s3://reports/archive/reports/")]');
    expect(diagram).toMatch(/n\d+ -->\|"AppId=archiver"\| n\d+/);
    expect(diagram).toMatch(/n\d+ -->\|"read, list"\| n\d+/);
    expect(md).not.toContain('`uploader`');
    expectNoExternalIdValue(md);
  });

  it('GIVEN a commit that widens a prefix WHEN reviewed THEN a widened-access warning comes before every table', () => {
    const md = reviewChange(
      { 'apps/uploader.yaml': uploaderYaml(), 'apps/archiver.yaml': archiverYaml('archive/reports/') },
      (f) => f.write({ 'apps/archiver.yaml': archiverYaml('archive/') }),
    );

    expect(md).toContain('**0 app(s) added · 1 changed · 0 removed**');
    expect(md).toContain('- Workspaces touched: `data`');
    const warning = md.indexOf('> [!WARNING]');
    expect(warning).toBeGreaterThan(-1);
    expect(warning).toBeLessThan(md.indexOf('### `archiver` changed'));
    expect(md).toContain('> - `archiver`: prefix widened on reports: archive/reports/ → archive/');
    expect(md).toContain('| ✏️ | reports: prefix | `archive/reports/` | `archive/` |');
    expect(md).toContain('|  | reports: permissions | `read, list` | `read, list` |');
    expect(mermaidBlock(md)).toMatch(/n\d+ -\.->\|"removed: read, list"\| n\d+/);
    expectNoExternalIdValue(md);
  });

  it('GIVEN a commit that removes an app WHEN reviewed THEN a removed-access warning comes first and the diagram dashes its edges', () => {
    const md = reviewChange(
      { 'apps/uploader.yaml': uploaderYaml(), 'apps/archiver.yaml': archiverYaml() },
      (f) => f.remove('apps/archiver.yaml'),
    );

    expect(md).toContain('- Removed: `archiver`');
    const caution = md.indexOf('> [!CAUTION]');
    expect(caution).toBeGreaterThan(-1);
    expect(caution).toBeLessThan(md.indexOf('### '));
    expect(md).toContain('> - `archiver`: app removed: arn:aws:iam::222222222222:role/node loses s3://reports/archive/reports/ (read, list)');
    expect(md).toContain('| ➖ | reports: prefix | `archive/reports/` | — |');
    const diagram = mermaidBlock(md);
    expect(diagram).toMatch(/n\d+ -\.->\|"removed: AppId=archiver"\| n\d+/);
    expect(diagram).not.toMatch(/-->/);
    expectNoExternalIdValue(md);
  });

  it('GIVEN a commit that changes the SourceIdentity pattern and raises the session length WHEN reviewed THEN both are access-widened warnings', () => {
    const md = reviewChange(
      { 'apps/uploader.yaml': uploaderYaml() },
      (f) => f.write({ 'apps/uploader.yaml': `${uploaderYaml().replace('sourceIdentity: uploader-*', 'sourceIdentity: "*"')}maxSessionDuration: 43200\n` }),
    );

    const widened = md.slice(md.indexOf('> [!WARNING]'), md.indexOf('### `uploader` changed'));
    expect(widened).toContain('> **Access widened**');
    expect(widened).toContain('> - `uploader`: SourceIdentity pattern changed: uploader-\\* → \\*;');
    expect(widened).toContain('> - `uploader`: max session raised: 3600 s → 43200 s;');
    expect(md).toContain('| ✏️ | max session (s) | `3600` | `43200` |');
    expectNoExternalIdValue(md);
  });

  it('GIVEN a changed literal ExternalId WHEN reviewed THEN it is reported as changed without either value', () => {
    const md = reviewChange({ 'apps/uploader.yaml': uploaderYaml() }, (f) => f.write({ 'apps/uploader.yaml': uploaderYaml({ externalId: 'rotated-value-0042' }) }));

    expect(md).toContain('| ✏️ | ExternalId | `set in registry` | `set in registry (new value)` |');
    expect(md).toContain('ExternalId changed');
    expect(md).not.toContain('rotated-value-0042');
    expectNoExternalIdValue(md);
  });

  it('GIVEN an ExternalId read from an unset environment variable WHEN reviewed THEN the review runs and names only the variable', () => {
    const envApp = archiverYaml().replace(`externalId: ${ARCHIVER_SECRET}`, 'externalId: { env: KEYLESS_TEST_UNSET_VAR }');
    const md = reviewChange({ 'apps/uploader.yaml': uploaderYaml() }, (f) => f.write({ 'apps/archiver.yaml': envApp }));

    expect(md).toContain('| ➕ | ExternalId | — | `read from env KEYLESS_TEST_UNSET_VAR` |');
  });

  it('GIVEN a registry in a subdirectory of the repository WHEN reviewed THEN the base is read from the same subdirectory', () => {
    const md = reviewChange({ 'apps/uploader.yaml': uploaderYaml() }, (f) => f.write({ 'apps/archiver.yaml': archiverYaml() }), 'infra/registry');

    expect(md).toContain('- Added: `archiver`');
    expect(md).not.toContain('- Removed:');
  });

  it('GIVEN a base commit without the registry WHEN reviewed THEN every app is added', () => {
    const fixture = new GitFixture().write({ 'README.md': 'empty\n' }).commit('before the registry');
    fixture.write({ 'accounts.yaml': ACCOUNTS_YAML, 'apps/uploader.yaml': uploaderYaml() }).commit('registry');

    const md = review(fixture.root, parseReviewArgs(['--base', 'HEAD~1']));

    expect(md).toContain('**1 app(s) added · 0 changed · 0 removed**');
  });

  it('GIVEN an uncommitted change WHEN reviewed against HEAD THEN the working tree is what is compared', () => {
    const fixture = new GitFixture().write({ 'accounts.yaml': ACCOUNTS_YAML, 'apps/uploader.yaml': uploaderYaml() }).commit('base');
    fixture.write({ 'apps/uploader.yaml': uploaderYaml({ permissions: 'read, write, delete' }) });

    const md = review(fixture.root, parseReviewArgs(['--base', 'HEAD']));

    expect(md).toContain('> - `uploader`: new permission on s3://reports/uploads/: delete');
  });

  it('GIVEN a ref that does not exist WHEN reviewed THEN a UserError names the ref', () => {
    const fixture = new GitFixture().write({ 'accounts.yaml': ACCOUNTS_YAML }).commit('base');

    expect(() => review(fixture.root, parseReviewArgs(['--base', 'origin/nope']))).toThrow(new UserError(
      'unknown git ref "origin/nope"; pass a branch, tag or commit that exists locally (in CI: fetch it first, e.g. actions/checkout with fetch-depth: 0)',
    ));
    expect(() => review(fixture.root, parseReviewArgs(['--base', '--help']))).toThrow(UserError);
  });

  it('GIVEN a base registry with an error WHEN reviewed THEN the diagnostic is located at the ref', () => {
    const fixture = new GitFixture().write({ 'accounts.yaml': ACCOUNTS_YAML, 'apps/bad.yaml': 'id: Bad App\n' }).commit('broken');
    fixture.remove('apps/bad.yaml');

    let error: unknown;
    try {
      review(fixture.root, parseReviewArgs(['--base', 'HEAD']));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(RegistryError);
    expect((error as RegistryError).diagnostics.every((d) => d.location.file === 'HEAD:apps/bad.yaml')).toBe(true);
  });
});

describe('parseReviewArgs', () => {
  it('GIVEN no --base WHEN parsed THEN a UserError shows the usage', () => {
    expect(() => parseReviewArgs([])).toThrow(/--base is required[\s\S]*usage: npm run review/);
  });

  it('GIVEN an unknown option WHEN parsed THEN a UserError shows the usage', () => {
    expect(() => parseReviewArgs(['--base', 'main', '--bogus'])).toThrow(UserError);
  });

  it('GIVEN --max-chars that is not a positive number WHEN parsed THEN a UserError says so', () => {
    expect(() => parseReviewArgs(['--base', 'main', '--max-chars', '0'])).toThrow(/--max-chars must be a positive whole number/);
  });
});

describe('npm run review as a process', () => {
  it('GIVEN an unknown ref WHEN run THEN it prints one error line, no stack trace, and exits 1', () => {
    const fixture = new GitFixture().write({ 'accounts.yaml': ACCOUNTS_YAML }).commit('base');

    const run = runTsxSync(join(PROJECT, 'src/tools/review/index.ts'), ['--base', 'no-such-ref'], { cwd: fixture.root });

    expect(run.status).toBe(1);
    expect(run.stderr.trim()).toMatch(/^error: unknown git ref "no-such-ref"; [^\n]*$/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('GIVEN a synthesized change and --verify-out WHEN run THEN the comment carries verify\'s result for the added app', () => {
    const fixture = new GitFixture().write({ 'accounts.yaml': ACCOUNTS_YAML, 'apps/uploader.yaml': uploaderYaml() }).commit('base');
    fixture.write({ 'apps/archiver.yaml': archiverYaml() }).commit('add archiver');
    const out = join(fixture.root, 'cdktf.out');
    const synth = runTsxSync('main.ts', [], { env: { REGISTRY_DIR: fixture.root, CDKTF_OUTDIR: out } });
    expect(synth.status).toBe(0);

    const run = runTsxSync(join(PROJECT, 'src/tools/review/index.ts'), ['--base', 'HEAD~1', '--verify-out', out], { cwd: fixture.root });

    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/\*\*\d+ passed, 0 failed\*\* across the registry/);
    expect(run.stdout).toMatch(/<summary>`archiver`: [1-9]\d* passed, 0 failed<\/summary>/);
    expect(run.stdout).not.toContain('<summary>`uploader`');
    expectNoExternalIdValue(run.stdout);
  });
});
