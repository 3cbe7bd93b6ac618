import { normalizePrefix, prefixesOverlap } from '../../src/registry/prefix';

describe('prefixesOverlap', () => {
  test.each([
    ['uploads/', 'uploads/b/'],
    ['vendor-sync/', 'vendor-sync/inner/'],
    ['x/', 'x/'],
  ])('GIVEN %s and %s, one inside the other WHEN compared in either order THEN they overlap', (a, b) => {
    expect(prefixesOverlap(a, b)).toBe(true);
    expect(prefixesOverlap(b, a)).toBe(true);
  });

  test.each([
    ['reports/', 'reports-archive/'],
    ['a/', 'b/'],
    ['app/', 'app-x/'],
  ])('GIVEN siblings %s and %s WHEN compared in either order THEN they do not overlap', (a, b) => {
    expect(prefixesOverlap(a, b)).toBe(false);
    expect(prefixesOverlap(b, a)).toBe(false);
  });
});

describe('normalizePrefix', () => {
  test.each([
    ['uploads', 'uploads/'],
    ['uploads/', 'uploads/'],
    ['/uploads/', 'uploads/'],
    ['//a/b', 'a/b/'],
  ])('GIVEN %s WHEN normalised THEN %s: leading slashes dropped, one trailing slash', (given, expected) => {
    expect(normalizePrefix(given)).toBe(expected);
  });
});
