import { TerraformStack } from 'cdktf';
import { Construct } from 'constructs';

/** A resource argument known when the resource is constructed: never a token. */
export type PlainValue = string | number | boolean | Readonly<Record<string, string>> | undefined;

/** Arguments as Terraform JSON names them (snake_case); undefined ones are left out, as cdktf leaves them out. */
export type PlainArguments = Readonly<Record<string, PlainValue>>;

const PLAIN_RESOURCE = Symbol.for('keyless/PlainResource');

/**
 * A Terraform resource whose arguments are all plain values. While writing a stack, cdktf resolves each resource's
 * JSON twice, walking every value with a fresh resolution context and three token searches per string: at a thousand
 * app roles, most of the synth. Such a resource has no token to resolve, so PlainResourceStack writes it as it is,
 * under the logical id and `//` metadata cdktf gives a resource at the same construct path: the output is
 * byte-identical. Use it only for many-per-stack resources that need nothing from cdktf (no import, moved block,
 * lifecycle or override).
 */
export class PlainResource extends Construct {
  private logicalId?: string;

  static isPlainResource(x: unknown): x is PlainResource {
    return typeof x === 'object' && x !== null && PLAIN_RESOURCE in x;
  }

  constructor(
    scope: Construct,
    id: string,
    /** e.g. `aws_iam_role`. */
    readonly terraformResourceType: string,
    private readonly args: PlainArguments,
  ) {
    super(scope, id);
    Object.defineProperty(this, PLAIN_RESOURCE, { value: true });
  }

  /** The logical id cdktf allocates for this construct path (its stack's addressing scheme). */
  get friendlyUniqueId(): string {
    this.logicalId ??= TerraformStack.of(this).getLogicalId(this.node);
    return this.logicalId;
  }

  /** `${type.logical_id.attribute}`: a reference to an attribute of this resource, as a plain string. */
  ref(attribute: string): string {
    return `\${${this.terraformResourceType}.${this.friendlyUniqueId}.${attribute}}`;
  }

  /** This resource's block of the stack's `resource` section, as cdktf writes a resource. */
  toTerraform(): Record<string, unknown> {
    const block: Record<string, unknown> = {};
    for (const [name, value] of Object.entries(this.args)) if (value !== undefined) block[name] = value;
    block['//'] = { metadata: { path: this.node.path, uniqueId: this.friendlyUniqueId } };
    return block;
  }
}

/**
 * A stack that writes its PlainResources without resolving them: cdktf writes everything else (provider, backend,
 * variables, outputs, resources of provider classes) as usual.
 */
export class PlainResourceStack extends TerraformStack {
  toTerraform(): Record<string, unknown> {
    const tf = super.toTerraform() as { resource?: Record<string, Record<string, unknown>> };
    for (const plain of this.node.findAll().filter(PlainResource.isPlainResource)) {
      const resources = (tf.resource ??= {});
      (resources[plain.terraformResourceType] ??= {})[plain.friendlyUniqueId] = plain.toTerraform();
    }
    return tf;
  }

  /** keyless writes Terraform JSON only: verify and review read `cdk.tf.json`, and plain resources have no HCL form here. */
  toHclTerraform(): never {
    throw new Error('keyless writes Terraform JSON (cdk.tf.json) only: unset SYNTH_HCL_OUTPUT');
  }
}
