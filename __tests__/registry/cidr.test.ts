import { cidrsOverlap, parseCidr } from '../../src/registry/cidr';

describe('cidr', () => {
  test('GIVEN a CIDR with host bits WHEN parsed THEN it starts at its network address', () => {
    expect(parseCidr('10.1.2.3/8')).toEqual({ start: 10 * 2 ** 24, bits: 8 });
    expect(parseCidr('8.8.8.8')).toEqual({ start: ((8 * 256 + 8) * 256 + 8) * 256 + 8, bits: 32 });
  });

  test.each(['256.0.0.0', '1.2.3.4/33', '1.2.3', 'a.b.c.d'])('GIVEN %s WHEN parsed THEN it is refused', (text) => {
    expect(parseCidr(text)).toBeUndefined();
  });

  test('GIVEN ranges WHEN compared THEN containment and adjacency are told apart', () => {
    const p = (t: string) => parseCidr(t)!;
    expect(cidrsOverlap(p('8.0.0.0/6'), p('10.0.0.0/8'))).toBe(true);
    expect(cidrsOverlap(p('11.0.0.0/8'), p('10.0.0.0/8'))).toBe(false);
    expect(cidrsOverlap(p('172.31.255.255'), p('172.16.0.0/12'))).toBe(true);
    expect(cidrsOverlap(p('172.32.0.0'), p('172.16.0.0/12'))).toBe(false);
  });
});
