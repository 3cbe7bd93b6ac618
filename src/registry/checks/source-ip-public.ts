import { error } from '../diagnostics';
import { Cidr, cidrsOverlap, parseCidr } from '../cidr';
import { Check } from './check';

/** Ranges never seen as aws:SourceIp by S3 (IANA special-purpose registry); RFC 1918 first, the likeliest mistake. */
const NON_PUBLIC: readonly { readonly cidr: string; readonly what: string }[] = [
  { cidr: '10.0.0.0/8', what: 'private (RFC 1918)' },
  { cidr: '172.16.0.0/12', what: 'private (RFC 1918)' },
  { cidr: '192.168.0.0/16', what: 'private (RFC 1918)' },
  { cidr: '0.0.0.0/8', what: '"this network"' },
  { cidr: '100.64.0.0/10', what: 'carrier-grade NAT (RFC 6598)' },
  { cidr: '127.0.0.0/8', what: 'loopback' },
  { cidr: '169.254.0.0/16', what: 'link-local' },
  { cidr: '198.18.0.0/15', what: 'benchmarking (RFC 2544)' },
  { cidr: '224.0.0.0/4', what: 'multicast' },
  { cidr: '240.0.0.0/4', what: 'reserved' },
];
const RANGES = NON_PUBLIC.map((r) => ({ ...r, range: parseCidr(r.cidr) as Cidr }));

/** network.sourceIp lists valid public ranges only: aws:SourceIp is absent for traffic through VPC endpoints. */
export const sourceIpPublic: Check = ({ accounts }) => {
  if (!accounts) return [];
  return Object.entries(accounts.data.buckets ?? {}).flatMap(([name, bucket]) =>
    (bucket.network?.sourceIp ?? []).flatMap((text, i) => {
      const at = accounts.source.locate(['buckets', name, 'network', 'sourceIp', i]);
      const cidr = parseCidr(text);
      if (!cidr) return [error(at, `sourceIp "${text}" is not an IPv4 CIDR (octets 0-255, mask 0-32); write e.g. 203.0.113.0/24`)];
      const hit = RANGES.find((r) => cidrsOverlap(cidr, r.range));
      if (!hit) return [];
      return [error(at,
        `sourceIp "${text}" covers ${hit.what} range ${hit.cidr}, which never matches: requests through a VPC endpoint carry no aws:SourceIp ` +
        'and private addresses never reach S3 without one; restrict by network.sourceVpc or network.sourceVpce instead, and keep sourceIp for public NAT or office addresses')];
    }));
};
