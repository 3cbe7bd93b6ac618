import { Construct } from 'constructs';
import { RolePlan } from '../src/policy/account-plan';
import { mapOutput } from './map-output';

export interface RoleArnsOutputProps {
  /** The app roles of this workspace. */
  readonly roles: readonly RolePlan[];
}

/**
 * `role_arns`: one output per workspace mapping app id → role ARN, instead of one output per role: a construct
 * per app costs synth time at hundreds of apps. The ARNs are the planned ones (deterministic from account id,
 * path and name), so they need no reference to the role resources.
 */
export class RoleArnsOutput extends Construct {
  constructor(scope: Construct, id: string, props: RoleArnsOutputProps) {
    super(scope, id);
    mapOutput(this, 'output', {
      value: Object.fromEntries(props.roles.map((r) => [r.appId, r.arn])),
      description: 'Role ARN of each app: pass it to sts:AssumeRole with the ExternalId and the AppId session tag',
    }).overrideLogicalId('role_arns');
  }
}
