import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadRegistry } from '../../../src/registry/load';
import { diffRegistries } from '../../../src/tools/review/diff';
import { renderReview } from '../../../src/tools/review/render';
import { placeholderEnv } from '../../../src/tools/placeholder-env';
import { TEMPLATES_DIR } from '../../../src/tools/templates';
import { VerifyReport } from '../../../src/tools/verify/types';
import { writeRegistry } from '../../helpers';
import { ACCOUNTS_YAML, archiverYaml, numberedAppYaml, uploaderYaml } from '../fixtures';

const load = (apps: Record<string, string>) => loadRegistry(writeRegistry(ACCOUNTS_YAML, apps), placeholderEnv());

/** `count` apps added, and uploader removed so that there is a warning to keep at the top. */
function bigDiff(count: number) {
  const apps = Object.fromEntries(Array.from({ length: count }, (_, i) => [`a${i}`, numberedAppYaml(i)]));
  return diffRegistries(load({ uploader: uploaderYaml() }), load(apps));
}

const REPORT: VerifyReport = {
  results: [
    { app: 'archiver', scenario: 'AssumeRole with ExternalId and AppId tag', expected: 'Allowed', actual: 'Allowed', pass: true },
    { app: 'archiver', scenario: 'AssumeRole without the AppId tag', expected: 'Denied', actual: 'Allowed', pass: false, detail: 'trust policy lacks the tag condition' },
    { app: 'archiver', scenario: 'GetObject | other prefix', expected: 'Denied', actual: 'Denied', pass: true, decidingSid: 'DenyAppSessionTaggedForAnotherApp' },
    { bucket: 'reports', scenario: 'breakGlass PutBucketPolicy', expected: 'Allowed', actual: 'Allowed', pass: true },
    { bucket: 'drop', scenario: 'admin outside the registry', expected: 'Denied', actual: 'Allowed', pass: false },
    { app: 'uploader', scenario: 'plain HTTP', expected: 'Denied', actual: 'Error', pass: false },
  ],
  passed: 3,
  failed: 3,
  errors: ['aws_iam_role.x.arn could not be resolved'],
};

describe('renderReview with a verify report', () => {
  const diff = diffRegistries(load({ uploader: uploaderYaml() }), load({ uploader: uploaderYaml(), archiver: archiverYaml() }));

  it('GIVEN a report WHEN rendered THEN the changed apps\' failures are listed and the others only counted', () => {
    const md = renderReview(diff, { base: 'main', verify: REPORT });

    expect(md).toContain('**3 passed, 3 failed** across the registry.');
    expect(md).toContain('- ❌ aws\\_iam\\_role.x.arn could not be resolved');
    expect(md).toContain('| `archiver` | AssumeRole without the AppId tag | Denied | Allowed |  |');
    expect(md).not.toContain('admin outside the registry |');
    expect(md).not.toContain('| `uploader` | plain HTTP');
    expect(md).toContain('2 failure(s) in apps this change does not touch');
    expect(md).toContain('<details><summary>`archiver`: 2 passed, 1 failed</summary>');
    expect(md).toContain('| ✅ GetObject \\| other prefix | Denied | Denied | `DenyAppSessionTaggedForAnotherApp` |');
  });

  it('GIVEN no report WHEN rendered THEN the comment says how to include one', () => {
    expect(renderReview(diff, { base: 'main' })).toContain('Not included: pass `--verify-out cdktf.out`');
  });
});

describe('renderReview within the comment limit', () => {
  it('GIVEN a diff that renders longer than the limit WHEN rendered THEN it fits, keeps the warnings and says it was truncated', () => {
    const diff = bigDiff(60);
    const full = renderReview(diff, { base: 'main', maxChars: 10_000_000 });
    const max = Math.floor(full.length / 3);

    const md = renderReview(diff, { base: 'main', maxChars: max });

    expect(full.length).toBeGreaterThan(max);
    expect(md.length).toBeLessThanOrEqual(max);
    expect(md).toContain('> [!CAUTION]');
    expect(md).toMatch(/Truncated to fit a GitHub comment: the tables of (\d+) of 61 changed apps are shown\. Run `npx --no-install keyless review --base main` for the full review\./);
    const shown = Number(/the tables of (\d+) of/.exec(md)![1]);
    expect(md.match(/^### `app-\d+` added$/gm)).toHaveLength(shown);
    expect(shown).toBeGreaterThan(0);
  });

  it('GIVEN a limit below even the headline WHEN rendered THEN it is cut at a line with closed code blocks and a note', () => {
    const md = renderReview(bigDiff(5), { base: 'main', maxChars: 400 });

    expect(md.length).toBeLessThanOrEqual(400);
    expect(md).toContain('Truncated to fit a GitHub comment');
    expect((md.match(/^```/gm) ?? []).length % 2).toBe(0);
  });

  it('GIVEN the default limit WHEN a 300-app diff is rendered THEN it stays within GitHub\'s 65,536 characters', () => {
    const diff = bigDiff(300);

    expect(renderReview(diff, { base: 'main', maxChars: 10_000_000 }).length).toBeGreaterThan(65_536);
    expect(renderReview(diff, { base: 'main' }).length).toBeLessThanOrEqual(65_536);
  });
});

describe('review templates', () => {
  it('GIVEN a team\'s own copy of templates/ WHEN rendered from it THEN their wording is used without code changes', () => {
    const dir = mkdtempSync(join(tmpdir(), 'keyless-templates-'));
    cpSync(TEMPLATES_DIR, dir, { recursive: true });
    const main = join(dir, 'review.md.hbs');
    writeFileSync(main, readFileSync(main, 'utf8').replace('## keyless access review', '## Platform team: bucket access changes'));
    const diff = diffRegistries(load({}), load({ archiver: archiverYaml() }));

    const md = renderReview(diff, { base: 'main', templatesDir: dir });

    expect(md.startsWith('## Platform team: bucket access changes\n')).toBe(true);
    expect(md).toContain('### `archiver` added');
  });
});
