import { ACCOUNTS, problems } from '../fixtures';

const withSourceIp = (cidr: string) => ACCOUNTS.replace('    account: data\n', `    account: data\n    network:\n      sourceIp: ["${cidr}"]\n`);

describe('sourceIpPublic', () => {
  test.each(['203.0.113.0/24', '8.8.8.8', '52.94.76.0/22'])('GIVEN public range %s WHEN validated THEN no problem (compliance)', (cidr) => {
    expect(problems(withSourceIp(cidr), {})).toEqual([]);
  });

  test('GIVEN an RFC 1918 range WHEN validated THEN the message explains VPC endpoints and points to sourceVpc/sourceVpce', () => {
    expect(problems(withSourceIp('10.1.0.0/16'), {})).toEqual([
      'accounts.yaml:13:18: error: sourceIp "10.1.0.0/16" covers private (RFC 1918) range 10.0.0.0/8, which never matches: requests through a VPC endpoint carry no aws:SourceIp and private addresses never reach S3 without one; restrict by network.sourceVpc or network.sourceVpce instead, and keep sourceIp for public NAT or office addresses',
    ]);
  });

  test.each([
    ['172.20.0.0/16', 'private (RFC 1918) range 172.16.0.0/12'],
    ['192.168.1.10', 'private (RFC 1918) range 192.168.0.0/16'],
    ['100.64.1.0/24', 'carrier-grade NAT (RFC 6598) range 100.64.0.0/10'],
    ['127.0.0.1', 'loopback range 127.0.0.0/8'],
    ['169.254.169.254', 'link-local range 169.254.0.0/16'],
    ['0.0.0.0/0', 'private (RFC 1918) range 10.0.0.0/8'],
  ])('GIVEN %s WHEN validated THEN it is reported as covering %s', (cidr, covered) => {
    expect(problems(withSourceIp(cidr), {})).toEqual([expect.stringContaining(`sourceIp "${cidr}" covers ${covered}, which never matches`)]);
  });

  test('GIVEN an octet over 255 WHEN validated THEN the CIDR form is stated', () => {
    expect(problems(withSourceIp('203.0.113.300/24'), {})).toEqual([
      'accounts.yaml:13:18: error: sourceIp "203.0.113.300/24" is not an IPv4 CIDR (octets 0-255, mask 0-32); write e.g. 203.0.113.0/24',
    ]);
  });
});
