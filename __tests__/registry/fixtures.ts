import { formatDiagnostic } from '../../src/registry/diagnostics';
import { validateRegistry } from '../../src/registry/validate';

/** A small valid registry, written out so that tests can name exact lines and columns. */
export const ACCOUNTS = `accounts:
  data:
    id: "111111111111"
    region: eu-central-1
    deployRole: arn:aws:iam::111111111111:role/terraform
  swarm:
    id: "222222222222"
    region: eu-central-1
buckets:
  shared:
    account: data
`;

/** A valid app on bucket "shared" under `<id>/`; line 1 id, 6 externalId, 7 access, 9 prefix. */
export function app(id: string): string {
  return `id: ${id}
owner: team-${id}
consumer:
  account: swarm
  principal: role/node
externalId: ${id}-0123456789abcdef
access:
  - bucket: shared
    prefix: ${id}/
    permissions: [read, write]
`;
}

/** Every diagnostic of a registry given as texts, formatted as `validate` prints them. */
export function problems(accounts: string, apps: Record<string, string>, env: NodeJS.ProcessEnv = {}): string[] {
  const files = {
    accounts: { file: 'accounts.yaml', text: accounts },
    apps: Object.entries(apps).map(([name, text]) => ({ file: `apps/${name}.yaml`, text })),
    diagnostics: [],
  };
  return validateRegistry('/registry', files, env).diagnostics.map(formatDiagnostic);
}
