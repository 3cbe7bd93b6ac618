import { TerraformOutput, Token } from 'cdktf';
import { Construct } from 'constructs';

export interface MapOutputProps {
  /** The map, e.g. app id → role ARN; values may hold `${…}` references within the stack. */
  readonly value: Readonly<Record<string, string>>;
  readonly description: string;
}

/**
 * A Terraform output whose value is a map. cdktf 0.21 checks an output's object value with `util.isArray`, which Node
 * 22 deprecates at run time (DEP0044): every synth on Node 22 printed a DeprecationWarning on stderr, which the cdktf
 * CLI shows as an error. Passed as a token, the value skips that check and resolves to the same JSON.
 */
export function mapOutput(scope: Construct, id: string, props: MapOutputProps): TerraformOutput {
  return new TerraformOutput(scope, id, { value: Token.asAny(props.value), description: props.description });
}
