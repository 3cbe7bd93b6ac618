import { actorFor, principalContext } from '../../../src/tools/verify/actor';
import { uniqueId } from '../../../src/tools/verify/stand-ins';

describe('actorFor', () => {
  it('GIVEN a role with a path WHEN it acts THEN it signs as a session of the role name while aws:PrincipalArn keeps the path', () => {
    const actor = actorFor('arn:aws:iam::222222222222:role/platform/node-role', [], { tags: { AppId: 'x' }, sourceIdentity: 'x-1' });

    expect(actor.arn).toBe('arn:aws:sts::222222222222:assumed-role/node-role/keyless-verify');
    expect(principalContext(actor)).toEqual({
      'aws:PrincipalArn': 'arn:aws:iam::222222222222:role/platform/node-role',
      'aws:PrincipalAccount': '222222222222',
      'aws:userid': `${uniqueId('arn:aws:iam::222222222222:role/platform/node-role')}:keyless-verify`,
      'aws:PrincipalTag/AppId': 'x',
      'aws:SourceIdentity': 'x-1',
    });
  });

  it('GIVEN a user and an account root WHEN they act THEN they sign as themselves with a user id and the account id', () => {
    const user = actorFor('arn:aws:iam::444444444444:user/exporter', []);
    const root = actorFor('arn:aws:iam::111111111111:root', []);

    expect([user.arn, user.userId]).toEqual(['arn:aws:iam::444444444444:user/exporter', uniqueId('arn:aws:iam::444444444444:user/exporter')]);
    expect(user.userId).toMatch(/^AIDA[A-Z0-9]{17}$/);
    expect([root.arn, root.userId]).toEqual(['arn:aws:iam::111111111111:root', '111111111111']);
  });

  it('GIVEN a principal pattern WHEN it acts THEN a concrete principal matching the pattern acts', () => {
    expect(actorFor('arn:aws:iam::111111111111:role/AWSReservedSSO_Admin_*', []).principalArn).toBe('arn:aws:iam::111111111111:role/AWSReservedSSO_Admin_verify');
  });
});
