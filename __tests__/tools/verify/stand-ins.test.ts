import { matchesPattern } from '../../../src/policy/arn-pattern';
import { concreteInstance, uniqueId } from '../../../src/tools/verify/stand-ins';

describe('stand-ins', () => {
  it('GIVEN a role ARN WHEN its unique id is taken twice THEN it is the same AROA id, and differs for another role', () => {
    const id = uniqueId('arn:aws:iam::111111111111:role/a');

    expect(id).toMatch(/^AROA[A-Z0-9]{17}$/);
    expect(uniqueId('arn:aws:iam::111111111111:role/a')).toBe(id);
    expect(uniqueId('arn:aws:iam::111111111111:role/b')).not.toBe(id);
  });

  it.each([
    ['swarm-uploader-*', 'swarm-uploader-7', true],
    ['swarm-uploader-*', 'other-swarm-uploader-7', false],
    ['key-??????', 'key-AbCdEf', true],
    ['key-??????', 'key-AbCdE', false],
    ['a.b', 'aXb', false],
  ])('GIVEN pattern %s WHEN matched against %s THEN the StringLike result is %s', (pattern, value, expected) => {
    expect(matchesPattern(pattern, value)).toBe(expected);
  });

  it('GIVEN a pattern WHEN made concrete THEN the result matches it and has no wildcards', () => {
    const value = concreteInstance('secret:api-key-??????*');

    expect(matchesPattern('secret:api-key-??????*', value)).toBe(true);
    expect(value).not.toMatch(/[*?]/);
  });
});
