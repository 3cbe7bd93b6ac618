import { loadRegistry } from '../../../src/registry/load';
import { Registry } from '../../../src/registry/model';
import { diffRegistries } from '../../../src/tools/review/diff';
import { placeholderEnv } from '../../../src/tools/placeholder-env';
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { BUNDLED_ROOT, writeRegistry } from '../../helpers';
import { ACCOUNTS_YAML, archiverYaml, uploaderYaml } from '../fixtures';

function registry(accounts: string, apps: Record<string, string>): Registry {
  return loadRegistry(writeRegistry(accounts, apps), placeholderEnv());
}

const BASE = registry(ACCOUNTS_YAML, { uploader: uploaderYaml(), archiver: archiverYaml() });

function messages(after: Registry, before: Registry = BASE): string[] {
  return diffRegistries(before, after).warnings.map((w) => `${w.kind} ${w.subject}: ${w.message}`);
}

/** ACCOUNTS_YAML with the bundled CA swarm-ca of account data, and `apps`: certificate consumers can be declared. */
function withCa(apps: Record<string, string>): Registry {
  const root = writeRegistry(`${ACCOUNTS_YAML}certificateAuthorities:\n  swarm-ca:\n    account: data\n    bundle: ca/swarm-ca.pem\n`, apps);
  mkdirSync(join(root, 'ca'));
  copyFileSync(join(BUNDLED_ROOT, 'ca', 'swarm-ca.pem'), join(root, 'ca', 'swarm-ca.pem'));
  return loadRegistry(root, placeholderEnv());
}

describe('diffRegistries: an app that changes how it proves who it is', () => {
  const byExternalId = withCa({ uploader: uploaderYaml(), archiver: archiverYaml() });
  const byCertificate = withCa({
    uploader: uploaderYaml().replace(/consumer:\n {2}account: swarm\n {2}principal: role\/node\nexternalId: .*\nsourceIdentity: .*\n/, 'consumer:\n  certificate: { ca: swarm-ca }\n'),
    archiver: archiverYaml(),
  });

  it('GIVEN an ExternalId consumer that becomes a certificate consumer WHEN diffed THEN one consumer warning says what to roll out first, and no access is reported lost or gained', () => {
    expect(byCertificate.apps.find((a) => a.id === 'uploader')!.consumer.kind).toBe('certificate');
    expect(messages(byCertificate, byExternalId)).toEqual([
      'consumer uploader: moves from an ExternalId consumer (arn:aws:iam::222222222222:role/node) to a certificate consumer: IAM Roles Anywhere with a certificate of CA swarm-ca whose subject CN is uploader. ' +
      'Once applied, the role trusts Roles Anywhere only and arn:aws:iam::222222222222:role/node with the ExternalId no longer opens it: deploy the certificate and the credential_process profile to the app first (npm run onboard -- uploader)',
    ]);
  });

  it('GIVEN a certificate consumer that becomes an ExternalId consumer WHEN diffed THEN the consumer warning says certificates stop opening the role', () => {
    expect(messages(byExternalId, byCertificate)).toEqual([
      expect.stringMatching(/^consumer uploader: moves from a certificate consumer \(CA swarm-ca\) to an ExternalId consumer \(arn:aws:iam::222222222222:role\/node\): once applied, certificates no longer open the role/),
    ]);
  });
});

describe('diffRegistries', () => {
  it('GIVEN the same registry WHEN diffed THEN nothing is changed, touched or flagged', () => {
    expect(diffRegistries(BASE, registry(ACCOUNTS_YAML, { uploader: uploaderYaml(), archiver: archiverYaml() }))).toEqual({ apps: [], workspaces: [], warnings: [], buckets: [] });
  });

  it('GIVEN added, changed and removed apps WHEN diffed THEN they are listed added first, removed last', () => {
    const after = registry(ACCOUNTS_YAML, {
      uploader: uploaderYaml({ permissions: 'read' }),
      fresh: archiverYaml().replace('id: archiver', 'id: fresh'),
    });

    expect(diffRegistries(BASE, after).apps.map((a) => `${a.status} ${a.id}`)).toEqual(['added fresh', 'changed uploader', 'removed archiver']);
  });

  it('GIVEN a narrowed prefix and a removed permission WHEN diffed THEN both are flagged as removed access', () => {
    const after = registry(ACCOUNTS_YAML, { uploader: uploaderYaml({ prefix: 'uploads/daily/', permissions: 'read' }), archiver: archiverYaml() });

    expect(messages(after)).toEqual([
      'removed uploader: prefix narrowed on reports: uploads/ → uploads/daily/; objects outside uploads/daily/ are no longer reachable',
      'removed uploader: permission removed on s3://reports/uploads/daily/: write',
    ]);
  });

  it('GIVEN a prefix moved elsewhere WHEN diffed THEN the old prefix is removed access and the new one widened access', () => {
    const after = registry(ACCOUNTS_YAML, { uploader: uploaderYaml({ prefix: 'exports/' }), archiver: archiverYaml() });

    expect(messages(after)).toEqual([
      'removed uploader: no longer reaches s3://reports/uploads/',
      'widened uploader: new access to s3://reports/exports/',
    ]);
  });

  it('GIVEN a grant on a new bucket and a new consumer principal WHEN diffed THEN both are widened access', () => {
    const uploader = uploaderYaml().replace('principal: role/node', 'principal: role/other-node') + '  - bucket: drop\n    permissions: [write]\n';

    expect(messages(registry(ACCOUNTS_YAML, { uploader, archiver: archiverYaml() }))).toEqual([
      'widened uploader: consumer principal changed from arn:aws:iam::222222222222:role/node to arn:aws:iam::222222222222:role/other-node: the new principal can assume the app role',
      'widened uploader: new access to s3://drop/uploader/ (write)',
    ]);
  });

  it('GIVEN a dropped SourceIdentity requirement WHEN diffed THEN it is widened access', () => {
    const uploader = uploaderYaml().replace('sourceIdentity: uploader-*\n', '');

    expect(messages(registry(ACCOUNTS_YAML, { uploader, archiver: archiverYaml() }))).toEqual([
      'widened uploader: SourceIdentity requirement (uploader-*) removed: any session of the consumer principal with the ExternalId and AppId tag is accepted',
    ]);
  });

  it('GIVEN a SourceIdentity pattern that changed WHEN diffed THEN it is widened access saying before → after', () => {
    const uploader = uploaderYaml().replace('sourceIdentity: uploader-*', 'sourceIdentity: "*"');

    expect(messages(registry(ACCOUNTS_YAML, { uploader, archiver: archiverYaml() }))).toEqual([
      'widened uploader: SourceIdentity pattern changed: uploader-* → *; sessions whose SourceIdentity matches the new pattern are accepted',
    ]);
  });

  it('GIVEN a SourceIdentity pattern that got narrower WHEN diffed THEN it is still flagged, since any change needs a look', () => {
    const uploader = uploaderYaml().replace('sourceIdentity: uploader-*', 'sourceIdentity: uploader-web-*');

    expect(messages(registry(ACCOUNTS_YAML, { uploader, archiver: archiverYaml() }))).toEqual([
      'widened uploader: SourceIdentity pattern changed: uploader-* → uploader-web-*; sessions whose SourceIdentity matches the new pattern are accepted',
    ]);
  });

  it('GIVEN a SourceIdentity newly required WHEN diffed THEN callers without one lose access', () => {
    const archiver = `${archiverYaml()}sourceIdentity: archiver-*\n`;

    expect(messages(registry(ACCOUNTS_YAML, { uploader: uploaderYaml(), archiver }))).toEqual([
      'removed archiver: SourceIdentity now required (archiver-*): sessions without a matching SourceIdentity are refused once applied',
    ]);
  });

  it('GIVEN a raised maxSessionDuration WHEN diffed THEN it is widened access; a lowered one is not flagged', () => {
    const raised = registry(ACCOUNTS_YAML, { uploader: `${uploaderYaml()}maxSessionDuration: 7200\n`, archiver: archiverYaml() });

    expect(messages(raised)).toEqual([
      'widened uploader: max session raised: 3600 s → 7200 s; credentials of a session, leaked ones too, stay valid longer',
    ]);
    expect(messages(BASE, raised)).toEqual([]);
    expect(diffRegistries(raised, BASE).apps.map((a) => a.id)).toEqual(['uploader']);
  });

  it('GIVEN a bucket moved to another account WHEN diffed THEN the move names both workspaces and the apps whose roles move', () => {
    const moved = ACCOUNTS_YAML.replace('  drop:\n    account: data\n', '  drop:\n    account: swarm\n');
    const uploader = `${uploaderYaml()}  - bucket: drop\n    permissions: [write]\n`;
    const before = registry(ACCOUNTS_YAML, { uploader, archiver: archiverYaml() });

    const diff = diffRegistries(before, registry(moved, { uploader, archiver: archiverYaml() }));

    expect(diff.warnings.filter((w) => w.subject === 'drop').map((w) => `${w.kind}: ${w.message}`)).toContainEqual(
      'widened: bucket moved from account data to swarm: workspace swarm writes its guardrail policy; before applying, run terraform state rm '
      + 'on its aws_s3_bucket_policy in workspace data (terraform state list shows the address): the deploy role may not delete bucket policies; '
      + 'the roles of uploader for it are now in account swarm',
    );
    expect(diff.workspaces).toEqual(['data', 'swarm']);
    const roleRow = diff.apps.find((a) => a.id === 'uploader')!.rows.find((r) => r.field === 'drop: role');
    expect(roleRow).toEqual({
      field: 'drop: role',
      before: 'arn:aws:iam::111111111111:role/keyless/keyless-uploader',
      after: 'arn:aws:iam::222222222222:role/keyless/keyless-uploader',
      change: 'changed',
    });
  });

  describe('a bucket\'s kmsKey', () => {
    const KEY_A = 'arn:aws:kms:eu-central-1:111111111111:key/1111aaaa-0000-4000-8000-000000000001';
    const KEY_B = 'arn:aws:kms:eu-central-1:111111111111:key/2222bbbb-0000-4000-8000-000000000002';
    const withKey = (key: string) => registry(
      ACCOUNTS_YAML.replace('      sourceVpc: [vpc-0abc]\n', `      sourceVpc: [vpc-0abc]\n    kmsKey: ${key}\n`),
      { uploader: uploaderYaml(), archiver: archiverYaml() },
    );

    it('GIVEN a kmsKey added WHEN diffed THEN it is widened access and each app table shows the key', () => {
      const diff = diffRegistries(BASE, withKey(KEY_A));

      expect(diff.warnings.map((w) => `${w.kind} ${w.subject}: ${w.message}`)).toEqual([
        `widened reports: kmsKey added: ${KEY_A}; app roles that read or write the bucket get kms:Decrypt and kms:GenerateDataKey on it`,
      ]);
      expect(diff.apps.map((a) => a.rows.find((r) => r.field === 'reports: KMS key'))).toEqual([
        { field: 'reports: KMS key', before: undefined, after: KEY_A, change: 'added' },
        { field: 'reports: KMS key', before: undefined, after: KEY_A, change: 'added' },
      ]);
    });

    it('GIVEN a kmsKey changed WHEN diffed THEN it is widened access saying before → after', () => {
      expect(messages(withKey(KEY_B), withKey(KEY_A))).toEqual([
        `widened reports: kmsKey changed: ${KEY_A} → ${KEY_B}; app roles that read or write the bucket get kms:Decrypt and kms:GenerateDataKey on the new key and lose the old one`,
      ]);
    });

    it('GIVEN a kmsKey removed WHEN diffed THEN the lost key grant is flagged', () => {
      expect(messages(BASE, withKey(KEY_A))).toEqual([
        `removed reports: kmsKey removed (was ${KEY_A}): app roles no longer get kms:Decrypt and kms:GenerateDataKey on it; objects encrypted with it become unreadable to them`,
      ]);
    });
  });

  it('GIVEN a bucket that loses exclusive, TLS and network guardrails WHEN diffed THEN each loss is flagged once for the bucket', () => {
    const loosened = ACCOUNTS_YAML.replace('  reports:\n    account: data\n    network:\n      sourceVpc: [vpc-0abc]\n', '  reports:\n    account: data\n    exclusive: false\n    enforceTls: false\n');
    const after = registry(loosened, { uploader: uploaderYaml(), archiver: archiverYaml() });

    expect(messages(after)).toEqual([
      'widened reports: exclusive turned off: principals outside the registry are no longer denied',
      'widened reports: enforceTls turned off: plain-HTTP requests are no longer denied',
      'widened reports: network restriction removed (was vpc-0abc)',
    ]);
    expect(diffRegistries(BASE, after).apps.map((a) => a.id)).toEqual(['archiver', 'uploader']);
  });

  it('GIVEN a new breakGlass principal WHEN diffed THEN exclusive buckets of its account flag it and only that workspace is touched', () => {
    const accounts = ACCOUNTS_YAML.replace('    deployRole: arn:aws:iam::111111111111:role/terraform-deploy\n', '    deployRole: arn:aws:iam::111111111111:role/terraform-deploy\n    breakGlass: [arn:aws:iam::111111111111:role/admin]\n');
    const diff = diffRegistries(BASE, registry(accounts, { uploader: uploaderYaml(), archiver: archiverYaml() }));

    expect(diff.warnings.map((w) => `${w.subject}: ${w.message}`)).toEqual([
      'reports: exclusive bucket now also admits arn:aws:iam::111111111111:role/admin',
      'drop: exclusive bucket now also admits arn:aws:iam::111111111111:role/admin',
    ]);
    expect(diff.workspaces).toEqual(['data']);
    expect(diff.apps).toEqual([]);
  });

  it('GIVEN a bucket and an account that leave the registry WHEN diffed THEN the deleted guardrails and the orphaned workspace are flagged', () => {
    const accounts = `
accounts:
  data:
    id: "111111111111"
    region: eu-central-1
buckets:
  reports:
    account: data
`;
    const before = registry(ACCOUNTS_YAML, {});
    const warnings = messages(registry(accounts, {}), before);

    expect(warnings).toContain('removed drop: bucket left the registry: it keeps its last guardrail policy; before applying, run terraform state rm '
      + 'on its aws_s3_bucket_policy in workspace data (terraform state list shows the address): the deploy role may not delete bucket policies, '
      + 'so a breakGlass principal or the root deletes the policy if the bucket should lose its guardrails');
    expect(warnings).toContain('removed swarm: account left the registry: workspace swarm is no longer planned; run terraform destroy in it to remove what it deployed');
  });
});
