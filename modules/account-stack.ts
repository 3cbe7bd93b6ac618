import { relative, resolve } from 'node:path';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { App, CloudBackend, LocalBackend, NamedCloudWorkspace, S3Backend, TerraformStack, TerraformVariable } from 'cdktf';
import { Construct } from 'constructs';
import { AccountPlan } from '../src/policy/account-plan';
import { Account } from '../src/registry/model';
import { AppRole } from './app-role';
import { BucketGuard } from './bucket-guard';
import { ConsumerAccess, consumerKey } from './consumer-access';
import { OrganizationGuardrails } from './organization-guardrails';
import { PlainResourceStack } from './plain-resource';
import { RoleArnsOutput } from './role-arns-output';
import { RolesAnywhere } from './roles-anywhere';

export interface AccountStackProps {
  /** Everything this account's workspace holds. */
  readonly plan: AccountPlan;
  /** Where the default local state file `terraform.<alias>.tfstate` lives: the registry root. */
  readonly stateDir: string;
}

/** One AWS account = one cdktf stack = one Terraform workspace, with its own backend and provider. */
export class AccountStack extends PlainResourceStack {
  constructor(scope: Construct, props: AccountStackProps) {
    const { plan } = props;
    super(scope, plan.account.alias);
    configureBackend(this, plan.account, props.stateDir);
    // Pull-request plans pass -var deploy_role_arn= to run as their read-only plan role: the AWS provider assumes
    // no role when role_arn is empty.
    const deployRoleArn = new TerraformVariable(this, 'deploy_role_arn', {
      type: 'string',
      default: plan.account.deployRole ?? '',
      description: 'Role the AWS provider assumes; empty: the caller\'s own credentials (read-only plans as planRole)',
    });
    new AwsProvider(this, 'aws', {
      region: plan.account.region,
      allowedAccountIds: [plan.account.id],
      assumeRole: [{ roleArn: deployRoleArn.stringValue, sessionName: 'keyless-deploy' }],
      defaultTags: [{ tags: { 'managed-by': 'keyless' } }],
    });
    const rolesAnywhere = plan.trustAnchors.length || plan.profile
      ? new RolesAnywhere(this, 'rolesanywhere', { trustAnchors: plan.trustAnchors, profile: plan.profile })
      : undefined;
    for (const role of plan.roles) new AppRole(this, `app-${role.appId}`, { plan: role, references: rolesAnywhere?.references });
    if (plan.roles.length) new RoleArnsOutput(this, 'role-arns', { roles: plan.roles });
    for (const bucket of plan.bucketPolicies) new BucketGuard(this, `bucket-${bucket.bucket}`, { plan: bucket });
    // Ids from the principal, not the position: adding a consumer must not rename (replace) another's policies.
    for (const consumer of plan.consumers) new ConsumerAccess(this, `consumer-${consumerKey(consumer.principal)}`, { plan: consumer });
    if (plan.organization) new OrganizationGuardrails(this, 'organization', { plan: plan.organization });
  }

  /**
   * cdktf resolves every resource once here, only to discover cross-stack references, then again to write it.
   * Workspaces never reference each other (app role ARNs are deterministic), so only the backend check stays:
   * at a thousand apps the first pass is a third of the synth.
   */
  prepareStack(): void {
    this.ensureBackendExists();
  }
}

function configureBackend(stack: TerraformStack, account: Account, stateDir: string): void {
  const backend = account.backend;
  if (!backend) {
    // In the registry root, named relative to the stack directory where terraform runs: it survives re-synthesis
    // and moves with the clone.
    const stackDir = resolve(App.of(stack).outdir, 'stacks', account.alias);
    new LocalBackend(stack, { path: relative(stackDir, resolve(stateDir, `terraform.${account.alias}.tfstate`)) });
  } else if ('s3' in backend) {
    new S3Backend(stack, { ...backend.s3 });
  } else {
    const { organization, workspace, hostname } = backend.cloud;
    new CloudBackend(stack, { organization, hostname, workspaces: new NamedCloudWorkspace(workspace) });
  }
}
