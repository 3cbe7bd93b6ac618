import { TerraformResource } from 'cdktf';

/**
 * `${type.logical_id.attribute}` for a resource of the same stack: the JSON `resource.attribute` would
 * synthesize, as a plain string. cdktf captures a full stack trace for every reference token (source-mapped
 * under tsx), which at a thousand app roles costs a tenth of the synth time.
 */
export function sameStackRef(resource: TerraformResource, attribute: string): string {
  return `\${${resource.terraformResourceType}.${resource.friendlyUniqueId}.${attribute}}`;
}
