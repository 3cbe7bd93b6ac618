import { groupBy, isRecord, partitionPoint } from '../../src/registry/collections';

describe('partitionPoint', () => {
  test('GIVEN every split of every length up to 9 WHEN searched THEN it finds the first index where the predicate turns false', () => {
    for (let length = 0; length <= 9; length++) {
      for (let split = 0; split <= length; split++) {
        const calls: number[] = [];
        const found = partitionPoint(length, (i) => {
          calls.push(i);
          return i < split;
        });
        expect(found).toBe(split);
        expect(calls.every((i) => i >= 0 && i < length)).toBe(true);
        expect(calls.length).toBeLessThanOrEqual(Math.ceil(Math.log2(length + 1)));
      }
    }
  });
});

describe('groupBy', () => {
  test('GIVEN items with repeated keys WHEN grouped THEN groups follow their first item and keep input order', () => {
    const groups = groupBy(['b1', 'a1', 'b2', 'c1', 'a2'], (s) => s[0]);
    expect([...groups]).toEqual([['b', ['b1', 'b2']], ['a', ['a1', 'a2']], ['c', ['c1']]]);
  });
});

describe('isRecord', () => {
  test('GIVEN JSON values WHEN asked THEN only objects are records', () => {
    expect([{}, { a: 1 }, [], null, 'x', 1, undefined].map(isRecord)).toEqual([true, true, false, false, false, false, false]);
  });
});
