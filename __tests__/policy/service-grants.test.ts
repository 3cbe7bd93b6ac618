import { bucketPolicy } from '../../src/policy/bucket-policy';
import { exclusiveExemptions, outsideRegistryCondition } from '../../src/policy/exclusive-guardrail';
import { loadRegistry } from '../../src/registry/load';
import { Registry } from '../../src/registry/model';
import { BUNDLED_ROOT, statement, writeRegistry } from '../helpers';

function policyOf(registry: Registry, bucket: string) {
  const b = registry.buckets.find((x) => x.name === bucket)!;
  return bucketPolicy(b, registry.accounts.find((a) => a.alias === b.account)!);
}

const bundled = loadRegistry(BUNDLED_ROOT);

const ACCOUNTS = `accounts:
  data:
    id: "111111111111"
    region: eu-central-1
buckets:
  logs:
    account: data
    exclusive: false
    services:
      - service: logging.s3.amazonaws.com
        prefix: in
        permissions: [write, list]
        sourceArn: arn:aws:s3:::source-*
        sourceAccount: "222222222222"
`;

describe('service grants in the bucket policy', () => {
  test('GIVEN CloudFront reading public/ WHEN built THEN one Allow for the service principal on public/* held to the distribution', () => {
    expect(statement(policyOf(bundled, 'acme-web-assets'), 'AllowService1Objects')).toEqual({
      Sid: 'AllowService1Objects',
      Effect: 'Allow',
      Principal: { Service: 'cloudfront.amazonaws.com' },
      Action: ['s3:GetObject'],
      Resource: 'arn:aws:s3:::acme-web-assets/public/*',
      Condition: { ArnLike: { 'aws:SourceArn': 'arn:aws:cloudfront::111111111111:distribution/E2QWRUHEXAMPLE' } },
    });
  });

  test('GIVEN S3 log delivery without sourceAccount WHEN built THEN aws:SourceAccount defaults to the bucket account, beside the source buckets', () => {
    expect(statement(policyOf(bundled, 'acme-web-assets'), 'AllowService2Objects').Condition).toEqual({
      ArnLike: { 'aws:SourceArn': ['arn:aws:s3:::assumed-with-external-id', 'arn:aws:s3:::acme-partner-drop'] },
      StringEquals: { 'aws:SourceAccount': '111111111111' },
    });
  });

  test('GIVEN a grant with list and a prefix without slash WHEN built THEN listing is held to the prefix and to the source', () => {
    const registry = loadRegistry(writeRegistry(ACCOUNTS, {}), {});
    expect(statement(policyOf(registry, 'logs'), 'AllowService1List')).toEqual({
      Sid: 'AllowService1List',
      Effect: 'Allow',
      Principal: { Service: 'logging.s3.amazonaws.com' },
      Action: 's3:ListBucket',
      Resource: 'arn:aws:s3:::logs',
      Condition: {
        ArnLike: { 'aws:SourceArn': 'arn:aws:s3:::source-*' },
        StringEquals: { 'aws:SourceAccount': '222222222222' },
        StringLike: { 's3:prefix': 'in/*' },
      },
    });
    expect(policyOf(registry, 'logs').Statement.map((s) => s.Sid)).not.toContain('DenyPrincipalsOutsideRegistry');
  });
});

describe('which service Allows a grant gets', () => {
  const allowSids = (registry: Registry, bucket: string) => policyOf(registry, bucket).Statement.filter((s) => s.Effect === 'Allow').map((s) => s.Sid);

  test('GIVEN grants to read and to write, without list WHEN built THEN each gets its object Allow and no service may list', () => {
    expect(allowSids(bundled, 'acme-web-assets')).toEqual(['AllowService1Objects', 'AllowService2Objects']);
  });

  test('GIVEN a grant to list only WHEN built THEN its one Allow is the listing under its prefix, with no object Allow', () => {
    const registry = loadRegistry(writeRegistry(ACCOUNTS.replace('[write, list]', '[list]'), {}), {});
    expect(allowSids(registry, 'logs')).toEqual(['AllowService1List']);
  });
});

describe('exclusive guardrail with services', () => {
  test('GIVEN an exclusive bucket with services WHEN built THEN the outsider Deny exempts exactly the declared service names', () => {
    expect(statement(policyOf(bundled, 'acme-web-assets'), 'DenyPrincipalsOutsideRegistry').Condition).toEqual({
      ArnNotLike: { 'aws:PrincipalArn': expect.arrayContaining(['arn:aws:iam::111111111111:role/keyless/keyless-*']) },
      StringNotEqualsIfExists: { 'aws:PrincipalServiceName': ['cloudfront.amazonaws.com', 'logging.s3.amazonaws.com'] },
    });
  });

  test('GIVEN an exclusive bucket without services WHEN built THEN no service is exempt, so every service principal stays denied', () => {
    expect(Object.keys(statement(policyOf(bundled, 'acme-ledger-archive'), 'DenyPrincipalsOutsideRegistry').Condition!)).toEqual(['ArnNotLike']);
  });

  test('GIVEN a bucket WHEN its exemptions are asked for THEN they are what the Deny statement is built from (one function for every guardrail copy)', () => {
    const bucket = bundled.buckets.find((b) => b.name === 'acme-web-assets')!;
    const owner = bundled.accounts.find((a) => a.alias === 'data')!;
    const exemptions = exclusiveExemptions(bucket, owner);
    expect(exemptions.serviceNames).toEqual(['cloudfront.amazonaws.com', 'logging.s3.amazonaws.com']);
    expect(statement(policyOf(bundled, 'acme-web-assets'), 'DenyPrincipalsOutsideRegistry').Condition).toEqual(outsideRegistryCondition(exemptions));
  });
});
