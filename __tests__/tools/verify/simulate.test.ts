import { SimRequest } from '../../../src/tools/verify/scenario';
import { simulate, validatePolicy } from '../../../src/tools/verify/simulate';

const SESSION = 'arn:aws:sts::111111111111:assumed-role/keyless-app/keyless-verify';
const CONTEXT = {
  'aws:PrincipalArn': 'arn:aws:iam::111111111111:role/keyless/keyless-app',
  'aws:PrincipalAccount': '111111111111',
  'aws:userid': 'AROAEXAMPLE:keyless-verify',
  'aws:SecureTransport': 'true',
};
const IDENTITY = validatePolicy({ Version: '2012-10-17', Statement: [{ Sid: 'ReadAll', Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' }] }, 'identity');
const BUCKET = validatePolicy({
  Version: '2012-10-17',
  Statement: [{ Sid: 'DenyInsecureTransport', Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: 'arn:aws:s3:::b/*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }],
}, 'resource');

function request(overrides: Partial<SimRequest>): SimRequest {
  return {
    principal: SESSION, action: 's3:GetObject', resource: 'arn:aws:s3:::b/k', resourceAccount: '111111111111', context: CONTEXT,
    identity: [], resourcePolicy: { kind: 'none' }, ...overrides,
  };
}

describe('simulate', () => {
  it('GIVEN an identity Allow WHEN simulated THEN it is allowed and the granting statement is named', async () => {
    const result = await simulate({ request: request({}), identityPolicies: [{ name: 'perm', policy: IDENTITY }], resourcePolicy: BUCKET });

    expect(result).toEqual({ outcome: { result: 'Allowed', reason: 'allowed by identity ReadAll' } });
  });

  it('GIVEN a bucket Deny that matches WHEN simulated THEN the deciding Sid is reported', async () => {
    const insecure = request({ context: { ...CONTEXT, 'aws:SecureTransport': 'false' } });

    const result = await simulate({ request: insecure, identityPolicies: [{ name: 'perm', policy: IDENTITY }], resourcePolicy: BUCKET });

    expect(result).toEqual({
      outcome: {
        result: 'ExplicitlyDenied',
        decidingSid: 'DenyInsecureTransport',
        denyingSids: ['DenyInsecureTransport'],
        reason: 'explicit Deny DenyInsecureTransport in the resource policy',
      },
    });
  });

  it('GIVEN two bucket Denies that both match WHEN simulated THEN every matching Sid is reported, in policy order', async () => {
    const twoDenies = validatePolicy({
      Version: '2012-10-17',
      Statement: [
        { Sid: 'DenyFromOutside', Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: 'arn:aws:s3:::b/*', Condition: { NotIpAddress: { 'aws:SourceIp': '192.0.2.0/24' } } },
        { Sid: 'DenyInsecureTransport', Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: 'arn:aws:s3:::b/*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } },
      ],
    }, 'resource');
    const insecureFromOutside = request({ context: { ...CONTEXT, 'aws:SecureTransport': 'false', 'aws:SourceIp': '198.51.100.10' } });

    const result = await simulate({ request: insecureFromOutside, identityPolicies: [{ name: 'perm', policy: IDENTITY }], resourcePolicy: twoDenies });

    expect(result).toEqual({
      outcome: {
        result: 'ExplicitlyDenied',
        decidingSid: 'DenyFromOutside',
        denyingSids: ['DenyFromOutside', 'DenyInsecureTransport'],
        reason: 'explicit Deny DenyFromOutside in the resource policy, DenyInsecureTransport in the resource policy',
      },
    });
  });

  it('GIVEN no Allow anywhere WHEN simulated THEN it is implicitly denied without a Sid', async () => {
    const result = await simulate({ request: request({}), identityPolicies: [], resourcePolicy: BUCKET });

    expect(result).toEqual({ outcome: { result: 'ImplicitlyDenied', reason: expect.stringMatching(/^no Allow in the identity/) } });
  });

  it('GIVEN a context key the action does not take WHEN simulated THEN it is a scenario bug, not a decision', async () => {
    const wrongKey = request({ context: { ...CONTEXT, 's3:prefix': 'uploads/' } });

    const result = await simulate({ request: wrongKey, identityPolicies: [{ name: 'perm', policy: IDENTITY }] });

    expect(result).toEqual({ error: 'scenario bug: s3:GetObject does not take context keys s3:prefix; remove them from the scenario' });
  });
});
