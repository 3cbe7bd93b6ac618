import { cidrsOverlap, parseCidr } from '../../registry/cidr';
import { Bucket } from '../../registry/model';
import { ContextValue } from './scenario';
import { INTERNET_IP, OUTSIDE_IPS, STAND_IN_VPC, STAND_IN_VPCE } from './stand-ins';

/** Network context keys of a request; `aws:SourceIp` is absent for traffic through a VPC endpoint. */
export type NetworkContext = Readonly<Record<string, ContextValue>>;

/** Over TLS, from the internet: where callers of STS and of unrestricted buckets are. */
export const FROM_INTERNET: NetworkContext = { 'aws:SecureTransport': 'true', 'aws:SourceIp': INTERNET_IP };

/**
 * Over TLS, from an address outside the bucket's network: the first stand-in address none of its `sourceIp` ranges
 * covers (a registry may well list a documentation range such as 198.51.100.0/24 itself).
 */
export function fromOutsideNetwork(bucket: Bucket): NetworkContext {
  const ranges = (bucket.network?.sourceIp ?? []).flatMap((text) => parseCidr(text) ?? []);
  const outside = OUTSIDE_IPS.find((ip) => !ranges.some((r) => cidrsOverlap(r, parseCidr(ip)!))) ?? OUTSIDE_IPS[0];
  return { 'aws:SecureTransport': 'true', 'aws:SourceIp': outside };
}

/** Over TLS, from the first source the bucket's network restriction allows (the internet when it has none). */
export function fromInsideNetwork(bucket: Bucket): NetworkContext {
  const n = bucket.network;
  if (n?.sourceVpc.length) return { 'aws:SecureTransport': 'true', 'aws:SourceVpc': n.sourceVpc[0], 'aws:SourceVpce': STAND_IN_VPCE };
  if (n?.sourceVpce.length) return { 'aws:SecureTransport': 'true', 'aws:SourceVpc': STAND_IN_VPC, 'aws:SourceVpce': n.sourceVpce[0] };
  // The network address of a listed CIDR lies inside it.
  if (n?.sourceIp.length) return { 'aws:SecureTransport': 'true', 'aws:SourceIp': n.sourceIp[0].split('/')[0] };
  return FROM_INTERNET;
}

/** The same place without TLS. */
export function overPlainHttp(network: NetworkContext): NetworkContext {
  return { ...network, 'aws:SecureTransport': 'false' };
}
