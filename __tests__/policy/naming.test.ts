import {
  APP_ROLE_PATH, appRoleArn, appRoleName, consumerPolicyNames, iamRoleArn, managedPolicyArn, secretArn, trustAnchorArnPlaceholder, trustAnchorName,
} from '../../src/policy/naming';

describe('ARN helpers', () => {
  it('GIVEN a role name without a path WHEN its ARN is built THEN it sits at the root path, as IAM stores it', () => {
    expect(iamRoleArn('111111111111', 'terraform-deploy')).toBe('arn:aws:iam::111111111111:role/terraform-deploy');
  });

  it('GIVEN an app role name and path WHEN its ARN is built THEN it is the app role ARN', () => {
    expect(iamRoleArn('111111111111', appRoleName('swarm-uploader'), APP_ROLE_PATH)).toBe(appRoleArn('111111111111', 'swarm-uploader'));
  });

  it('GIVEN a managed policy with a path and a secret WHEN their ARNs are built THEN path and region are where AWS puts them', () => {
    expect(managedPolicyArn('222222222222', 'keyless-consume-node', '/keyless/')).toBe('arn:aws:iam::222222222222:policy/keyless/keyless-consume-node');
    expect(managedPolicyArn('222222222222', 'keyless-consume-node')).toBe('arn:aws:iam::222222222222:policy/keyless-consume-node');
    expect(secretArn('eu-central-1', '111111111111', 'vendor-api-key-AbCdEf')).toBe('arn:aws:secretsmanager:eu-central-1:111111111111:secret:vendor-api-key-AbCdEf');
  });
});

describe('trust anchors', () => {
  it('GIVEN a certificate authority WHEN its trust anchor is named THEN the name says keyless and the CA', () => {
    expect(trustAnchorName('swarm-ca')).toBe('keyless-swarm-ca');
  });

  it('GIVEN short and long CA names WHEN the anchor ARN stand-in is built THEN its id has the 36 characters of the UUID AWS assigns, and says which CA', () => {
    // A real one: arn:aws:rolesanywhere:eu-central-1:111111111111:trust-anchor/0c3a5f2e-8e1b-4c6d-9f7a-2b4e6d8f0a1c
    expect(trustAnchorArnPlaceholder('eu-central-1', '111111111111', 'swarm-ca'))
      .toBe('arn:aws:rolesanywhere:eu-central-1:111111111111:trust-anchor/keyless-trust-anchor-swarm-ca_______');
    expect(trustAnchorArnPlaceholder('eu-central-1', '111111111111', 'the-certificate-authority-of-the-swarm-cluster'))
      .toBe('arn:aws:rolesanywhere:eu-central-1:111111111111:trust-anchor/keyless-trust-anchor-the-certificate');
  });
});

describe('consumerPolicyNames', () => {
  it('GIVEN role node with two policies and role node-1 with one WHEN named THEN no name is shared', () => {
    const node = consumerPolicyNames({ principalType: 'role', principalName: 'node' }, 2);
    const node1 = consumerPolicyNames({ principalType: 'role', principalName: 'node-1' }, 1);

    expect(node).toEqual(['keyless-consume-1-role-node', 'keyless-consume-2-role-node']);
    expect(node1).toEqual(['keyless-consume-role-node-1']);
    expect(node.filter((n) => node1.includes(n))).toEqual([]);
  });

  it('GIVEN a role and a user of one name, and a root WHEN named THEN each keeps its own name', () => {
    expect([
      ...consumerPolicyNames({ principalType: 'role', principalName: 'batch' }, 1),
      ...consumerPolicyNames({ principalType: 'user', principalName: 'batch' }, 1),
      ...consumerPolicyNames({ principalType: 'root' }, 1),
    ]).toEqual(['keyless-consume-role-batch', 'keyless-consume-user-batch', 'keyless-consume-root']);
  });
});
