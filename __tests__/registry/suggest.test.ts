import { closest, editDistance } from '../../src/registry/suggest';

describe('suggest', () => {
  test.each([
    ['acess', 'access', 1],
    ['prmissions', 'permissions', 1],
    ['wirte', 'write', 1],
    ['read', 'read', 0],
    ['abc', 'xyz', 3],
  ])('GIVEN %s and %s WHEN compared THEN the edit distance is %d (a swap of neighbours counts once)', (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
  });

  test('GIVEN a typo WHEN the closest name is looked up THEN the nearest candidate wins', () => {
    expect(closest('acess', ['id', 'access', 'secrets'])).toBe('access');
  });

  test('GIVEN a word unlike every candidate WHEN looked up THEN nothing is suggested', () => {
    expect(closest('color', ['account', 'exclusive', 'network'])).toBeUndefined();
  });
});
