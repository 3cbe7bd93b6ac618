import { PolicyDocument } from '../../../src/policy/document';
import { PolicyResolver } from '../../../src/tools/verify/policy-resolver';
import { SimRequest } from '../../../src/tools/verify/scenario';
import { indexSynthesized } from '../../../src/tools/verify/synthesized';

/** Valid as a resource policy; an identity policy names no Principal (it is the identity's own). */
const WITH_PRINCIPAL: PolicyDocument = {
  Version: '2012-10-17',
  Statement: [{ Sid: 'ReadAll', Effect: 'Allow', Principal: { AWS: '111111111111' }, Action: 's3:GetObject', Resource: '*' }],
};

function request(identity: SimRequest['identity'], resourcePolicy: SimRequest['resourcePolicy']): SimRequest {
  return {
    principal: 'arn:aws:iam::111111111111:role/caller',
    action: 's3:GetObject',
    resource: 'arn:aws:s3:::bucket/key',
    resourceAccount: '222222222222',
    context: {},
    identity,
    resourcePolicy,
  };
}

describe('PolicyResolver', () => {
  test('GIVEN one stand-in document used as a resource policy, then as an identity policy WHEN prepared THEN it is validated as each kind', () => {
    const resolver = new PolicyResolver(indexSynthesized([]));
    const asResource = resolver.prepare(request([], { kind: 'stand-in', name: 'StandIn', policy: WITH_PRINCIPAL }));
    expect('value' in asResource).toBe(true);
    const asIdentity = resolver.prepare(request([{ kind: 'stand-in', name: 'StandIn', policy: WITH_PRINCIPAL }], { kind: 'none' }));
    expect('error' in asIdentity && asIdentity.error).toMatch(/stand-in policy is not a valid identity policy/);
  });
});
