import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadRegistry } from '../../../src/registry/load';
import { Registry } from '../../../src/registry/model';
import { jsonLineDiff } from '../../../src/tools/review/json-diff';
import { diffRegistries } from '../../../src/tools/review/diff';
import { renderReview } from '../../../src/tools/review/render';
import { placeholderEnv } from '../../../src/tools/placeholder-env';
import { writeRegistry } from '../../helpers';

const CLOUDFRONT = '      - { service: cloudfront.amazonaws.com, prefix: public/, permissions: [read], sourceArn: "arn:aws:cloudfront::111111111111:distribution/E1" }\n';

/** Bucket "site" (shared, not exclusive) with `services` lines and, when given, kept statements. */
function registry(services: string, kept?: object[]): Registry {
  const accounts = `accounts:
  data:
    id: "111111111111"
    region: eu-central-1
buckets:
  site:
    account: data
    exclusive: false
${kept ? '    keepStatements: policies/site.json\n' : ''}${services ? `    services:\n${services}` : ''}`;
  const root = writeRegistry(accounts, {});
  if (kept) {
    mkdirSync(join(root, 'policies'));
    writeFileSync(join(root, 'policies', 'site.json'), JSON.stringify(kept));
  }
  return loadRegistry(root, placeholderEnv());
}

const AUDITOR = { Sid: 'AuditorRead', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::999999999999:role/auditor' }, Action: 's3:GetObject', Resource: 'arn:aws:s3:::site/reports/*' };

const warnings = (before: Registry, after: Registry) => diffRegistries(before, after).warnings.map((w) => `${w.kind} ${w.subject}: ${w.message}`);

describe('review of AWS service grants and kept statements', () => {
  it('GIVEN a new service grant WHEN diffed THEN it is a widening warning and a ➕ row with its source condition', () => {
    const diff = diffRegistries(registry(''), registry(CLOUDFRONT));

    expect(diff.warnings.map((w) => `${w.kind} ${w.subject}: ${w.message}`)).toEqual([
      'widened site: new AWS service grant: cloudfront.amazonaws.com may read s3://site/public/ for aws:SourceArn arn:aws:cloudfront::111111111111:distribution/E1',
    ]);
    expect(diff.buckets).toEqual([expect.objectContaining({
      bucket: 'site',
      services: [{ change: 'added', service: 'cloudfront.amazonaws.com', prefix: 'public/', permissions: 'read', source: 'aws:SourceArn arn:aws:cloudfront::111111111111:distribution/E1' }],
    })]);
  });

  it('GIVEN a grant whose prefix widens, with a new permission and another distribution WHEN diffed THEN each is a widening', () => {
    const after = registry(CLOUDFRONT.replace('prefix: public/', 'prefix: pub/').replace('[read]', '[read, list]').replace('/E1', '/E2'));

    expect(warnings(registry(CLOUDFRONT), after)).toEqual([
      'widened site: cloudfront.amazonaws.com now reaches s3://site/pub/ (was s3://site/public/)',
      'removed site: cloudfront.amazonaws.com no longer reaches all of s3://site/public/ (now s3://site/pub/)',
      'widened site: new permission for cloudfront.amazonaws.com on s3://site/pub/: list',
      'widened site: source condition of cloudfront.amazonaws.com changed: aws:SourceArn arn:aws:cloudfront::111111111111:distribution/E1 → aws:SourceArn arn:aws:cloudfront::111111111111:distribution/E2',
    ]);
  });

  it('GIVEN a service grant removed WHEN diffed THEN access removed is flagged', () => {
    expect(warnings(registry(CLOUDFRONT), registry(''))).toEqual(['removed site: AWS service grant removed: cloudfront.amazonaws.com can no longer read s3://site/public/']);
  });

  it('GIVEN a kept Allow added, and one changed WHEN diffed THEN both widen, and the change is shown as a JSON diff', () => {
    expect(warnings(registry(''), registry('', [AUDITOR]))).toEqual(['widened site: kept statement AuditorRead (Allow) added: it grants what it names']);

    const changed = diffRegistries(registry('', [AUDITOR]), registry('', [{ ...AUDITOR, Resource: 'arn:aws:s3:::site/*' }]));

    expect(changed.warnings.map((w) => w.message)).toEqual(['kept statement AuditorRead (Allow) changed: read its diff below']);
    expect(changed.buckets[0].kept[0].diff.split('\n').filter((l) => /^[-+]/.test(l))).toEqual([
      '-   "Resource": "arn:aws:s3:::site/reports/*"',
      '+   "Resource": "arn:aws:s3:::site/*"',
    ]);
  });

  it('GIVEN a kept Deny removed WHEN diffed THEN it widens access; rendered, the bucket section shows the statement as removed lines', () => {
    const deny = { Sid: 'DenyOld', Effect: 'Deny', Principal: '*', Action: 's3:DeleteObject', Resource: 'arn:aws:s3:::site/logs/*' };
    const diff = diffRegistries(registry('', [deny]), registry(''));

    expect(diff.warnings.map((w) => w.message)).toEqual(['kept statement DenyOld (Deny) removed: it no longer denies what it names']);
    const markdown = renderReview(diff, { base: 'main' });
    expect(markdown).toContain('### bucket `site`');
    expect(markdown).toContain('➖ kept statement `DenyOld` (Deny) removed:\n\n```diff\n- {\n-   "Sid": "DenyOld",');
  });

  it('GIVEN the same services and statements WHEN diffed THEN no bucket change', () => {
    expect(diffRegistries(registry(CLOUDFRONT, [AUDITOR]), registry(CLOUDFRONT, [AUDITOR])).buckets).toEqual([]);
  });
});

describe('jsonLineDiff', () => {
  it('GIVEN two texts WHEN diffed THEN common lines stay, others are marked - and + in order', () => {
    expect(jsonLineDiff('a\nb\nc', 'a\nx\nc\nd')).toBe('  a\n- b\n+ x\n  c\n+ d');
  });
});
