import { dirname } from 'node:path';
import { installResourceTypeCache, uninstallResourceTypeCache } from '../../../src/tools/verify/resource-type-cache';

type Matcher = (resource: string, patterns: string[]) => string[];

/** iam-utils as iam-simulate resolves it: the binding the simulator calls. */
function simulatorMatcher(): Matcher {
  const utils = require.resolve('@cloud-copilot/iam-utils', { paths: [dirname(require.resolve('@cloud-copilot/iam-simulate'))] });
  return (require(utils) as { mostSpecificMatchingResourceTypePatterns: Matcher }).mostSpecificMatchingResourceTypePatterns;
}

const S3_PATTERNS = ['arn:${Partition}:s3:::${BucketName}', 'arn:${Partition}:s3:::${BucketName}/${ObjectName}'];
const RESOURCES = ['arn:aws:s3:::bucket', 'arn:aws:s3:::bucket/uploads/key', 'arn:aws:s3:::bucket/*', 'arn:aws:iam::111111111111:role/x'];

afterAll(() => installResourceTypeCache());

describe('installResourceTypeCache', () => {
  it('GIVEN the pinned iam-simulate WHEN installed THEN the simulator calls the memo (false means the layout changed upstream: update or drop the layer)', () => {
    uninstallResourceTypeCache();
    const plain = simulatorMatcher();

    expect(installResourceTypeCache()).toBe(true);
    expect(simulatorMatcher()).not.toBe(plain);
  });

  it('GIVEN the memo WHEN asked twice about each resource THEN it answers as the plain matcher, with arrays the caller may change', () => {
    uninstallResourceTypeCache();
    const expected = RESOURCES.map((r) => simulatorMatcher()(r, S3_PATTERNS));
    installResourceTypeCache();
    const cached = simulatorMatcher();

    const first = RESOURCES.map((r) => cached(r, S3_PATTERNS));
    first.forEach((answer) => answer.push('changed by a caller'));
    const second = RESOURCES.map((r) => cached(r, S3_PATTERNS));

    expect(second).toEqual(expected);
    expect(expected).toEqual([[S3_PATTERNS[0]], [S3_PATTERNS[1]], [S3_PATTERNS[1]], []]);
  });

  it('GIVEN the memo WHEN uninstalled THEN the simulator calls its own matcher again', () => {
    installResourceTypeCache();
    const cached = simulatorMatcher();

    uninstallResourceTypeCache();

    expect(simulatorMatcher()).not.toBe(cached);
  });
});
