import { BUNDLED_ROOT, statement } from '../helpers';
import { loadRegistry } from '../../src/registry/load';
import { trustPolicy } from '../../src/policy/trust-policy';

const registry = loadRegistry(BUNDLED_ROOT);
const app = (id: string) => registry.apps.find((a) => a.id === id)!;

describe('trustPolicy', () => {
  test('GIVEN an app with SourceIdentity WHEN its trust is built THEN AssumeRole needs ExternalId, AppId tag and SourceIdentity in one statement', () => {
    const doc = trustPolicy(app('swarm-uploader'));
    const assume = statement(doc, 'AssumeWithExternalIdAndAppIdTag');
    expect(assume).toMatchObject({
      Effect: 'Allow',
      Principal: { AWS: 'arn:aws:iam::222222222222:role/ec2-node-base-role' },
      Action: 'sts:AssumeRole',
      Condition: {
        StringEquals: { 'sts:ExternalId': 'swarm-uploader-7f3c9a2e41d84b6c', 'aws:RequestTag/AppId': 'swarm-uploader' },
        StringLike: { 'sts:SourceIdentity': 'swarm-uploader-*' },
      },
    });
    expect(doc.Statement.filter((s) => s.Action === 'sts:AssumeRole')).toHaveLength(1);
  });

  test('GIVEN any app WHEN its trust is built THEN TagSession allows only the AppId key with the app\'s own value', () => {
    const tag = statement(trustPolicy(app('vendor-sync')), 'TagSessionWithOwnAppIdOnly');
    expect(tag.Action).toBe('sts:TagSession');
    expect(tag.Condition).toEqual({
      StringEquals: { 'aws:RequestTag/AppId': 'vendor-sync' },
      'ForAllValues:StringEquals': { 'aws:TagKeys': ['AppId'] },
    });
  });

  test('GIVEN an app with SourceIdentity WHEN its trust is built THEN SetSourceIdentity is allowed only for the pattern', () => {
    const set = statement(trustPolicy(app('ledger-archiver')), 'SetMatchingSourceIdentity');
    expect(set.Condition).toEqual({ StringLike: { 'sts:SourceIdentity': 'ledger-archiver-*' } });
  });

  test('GIVEN an app without SourceIdentity WHEN its trust is built THEN a SourceIdentity set upstream may be passed on, unchecked', () => {
    const doc = trustPolicy(app('partner-ingest'));
    expect(doc.Statement.map((s) => s.Action)).toEqual(['sts:AssumeRole', 'sts:TagSession', 'sts:SetSourceIdentity']);
    expect(statement(doc, 'PassOnAnySourceIdentity')).toEqual({
      Sid: 'PassOnAnySourceIdentity', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::333333333333:root' }, Action: 'sts:SetSourceIdentity',
    });
    expect(JSON.stringify(statement(doc, 'AssumeWithExternalIdAndAppIdTag'))).not.toContain('SourceIdentity');
  });

  test('GIVEN a consumer trusted by account root WHEN its trust is built THEN every statement names only that root', () => {
    const doc = trustPolicy(app('partner-ingest'));
    expect(new Set(doc.Statement.map((s) => JSON.stringify(s.Principal)))).toEqual(new Set(['{"AWS":"arn:aws:iam::333333333333:root"}']));
  });
});
