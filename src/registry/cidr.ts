/** IPv4 CIDR arithmetic for the network checks. */
export interface Cidr {
  readonly start: number;
  readonly bits: number;
}

/** Parses `a.b.c.d[/n]`; undefined when an octet exceeds 255 or the mask 32. */
export function parseCidr(text: string): Cidr | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})(?:\/(\d{1,2}))?$/.exec(text);
  if (!m) return undefined;
  const octets = m.slice(1, 5).map(Number);
  const bits = m[5] === undefined ? 32 : Number(m[5]);
  if (octets.some((o) => o > 255) || bits > 32) return undefined;
  const address = octets.reduce((acc, o) => acc * 256 + o, 0);
  const size = 2 ** (32 - bits);
  return { start: address - (address % size), bits };
}

/** True when the two ranges share at least one address. */
export function cidrsOverlap(a: Cidr, b: Cidr): boolean {
  const end = (c: Cidr) => c.start + 2 ** (32 - c.bits) - 1;
  return a.start <= end(b) && b.start <= end(a);
}
