import { z } from 'zod';
import { AccountPlan, planAccounts } from '../policy/account-plan';
import { keptStatementDiagnostics } from '../policy/kept-statement-checks';
import { quotaDiagnostics } from '../policy/quotas';
import { buildRegistry } from './build';
import { readCaBundles } from './ca-bundle';
import { accountIdUnique } from './checks/account-id-unique';
import { appIdUnique } from './checks/app-id-unique';
import { breakGlassAccount } from './checks/break-glass-account';
import { bucketOwner } from './checks/bucket-owner';
import { ciRoleDistinct } from './checks/ci-role-distinct';
import { certificateAuthority } from './checks/certificate-authority';
import { certificateConsumer } from './checks/certificate-consumer';
import { Check } from './checks/check';
import { consumerAccount } from './checks/consumer-account';
import { consumerAccountIdManaged } from './checks/consumer-account-id-managed';
import { consumerKind } from './checks/consumer-kind';
import { consumerPrincipal } from './checks/consumer-principal';
import { deployRoleAccount } from './checks/deploy-role-account';
import { emptyFile } from './checks/empty-file';
import { exclusiveWithoutDeployRole } from './checks/exclusive-without-deploy-role';
import { externalIdEnv } from './checks/external-id-env';
import { externalIdShort } from './checks/external-id-short';
import { externalIdUnique } from './checks/external-id-unique';
import { kmsKeyAccount } from './checks/kms-key-account';
import { kmsKeyRegion } from './checks/kms-key-region';
import { organizationAccount } from './checks/organization-account';
import { organizationAccountBuckets } from './checks/organization-account-buckets';
import { prefixOverlap } from './checks/prefix-overlap';
import { checkSchema } from './checks/schema';
import { secretAccount } from './checks/secret-account';
import { secretKeyRegion } from './checks/secret-key-region';
import { serviceSourceCondition } from './checks/service-source-condition';
import { shareFrom } from './checks/share-from';
import { shareOffer } from './checks/share-offer';
import { shareUntaken } from './checks/share-untaken';
import { sessionDurationChaining } from './checks/session-duration-chaining';
import { sourceIpPublic } from './checks/source-ip-public';
import { unknownBucket } from './checks/unknown-bucket';
import { yamlSyntax } from './checks/yaml-syntax';
import { Diagnostic, error, sortDiagnostics } from './diagnostics';
import { readKeptStatements } from './kept-statements';
import { JsonSchemaNode, toJsonSchema } from './json-schema';
import { ACCOUNTS_FILE, type RegistryFile, type RegistryFiles } from './load';
import { Registry } from './model';
import { accountsFileSchema, appFileSchema } from './schema';
import { Parsed, YamlSource } from './yaml-source';

/** The rules across fields and files; each sees every file that passed its schema. */
export const CHECKS: readonly Check[] = [
  accountIdUnique,
  organizationAccount,
  organizationAccountBuckets,
  deployRoleAccount,
  breakGlassAccount,
  ciRoleDistinct,
  exclusiveWithoutDeployRole,
  bucketOwner,
  kmsKeyAccount,
  kmsKeyRegion,
  sourceIpPublic,
  serviceSourceCondition,
  certificateAuthority,
  appIdUnique,
  consumerKind,
  consumerAccount,
  consumerAccountIdManaged,
  consumerPrincipal,
  sessionDurationChaining,
  externalIdEnv,
  externalIdUnique,
  externalIdShort,
  unknownBucket,
  prefixOverlap,
  shareOffer,
  shareFrom,
  shareUntaken,
  secretAccount,
  secretKeyRegion,
  certificateConsumer,
];

interface FileKind<T> {
  readonly schema: z.ZodType<T>;
  readonly json: JsonSchemaNode;
  /** The fix for an empty file. */
  readonly whatToWrite: string;
}

const ACCOUNTS_KIND: FileKind<z.infer<typeof accountsFileSchema>> = {
  schema: accountsFileSchema,
  json: toJsonSchema(accountsFileSchema),
  whatToWrite: 'declare "accounts:" and "buckets:" (see schema/accounts.schema.json)',
};
const APP_KIND: FileKind<z.infer<typeof appFileSchema>> = {
  schema: appFileSchema,
  json: toJsonSchema(appFileSchema),
  whatToWrite: 'declare the app (id, owner, consumer, externalId or a certificate consumer, access) or delete the file',
};

/** The outcome of validation: every diagnostic, and the model with its plans when there is no error. */
export interface CheckedRegistry {
  readonly registry?: Registry;
  /** The plans the quota checks were run on: what synth writes, so it need not plan again. */
  readonly plans?: readonly AccountPlan[];
  readonly diagnostics: Diagnostic[];
}

/**
 * Every check on the registry, in stages: each file alone (YAML, empty, schema), then the checks across
 * files, then the AWS quotas of the policies the model would generate. Reports every problem found;
 * the model comes back only when there is no error.
 */
export function validateRegistry(root: string, files: RegistryFiles, env: NodeJS.ProcessEnv, now: Date = new Date()): CheckedRegistry {
  const diagnostics: Diagnostic[] = [...files.diagnostics];
  if (!files.accounts && !diagnostics.some((d) => d.location.file === ACCOUNTS_FILE)) {
    diagnostics.push(error({ file: ACCOUNTS_FILE, line: 1, column: 1 }, `file not found; create ${ACCOUNTS_FILE} in the registry root ${root}`));
  }
  const accounts = files.accounts && parseFile(files.accounts, ACCOUNTS_KIND, diagnostics);
  const apps = files.apps.flatMap((f) => parseFile(f, APP_KIND, diagnostics) ?? []);
  const bundles = readCaBundles(root, accounts);
  for (const check of CHECKS) diagnostics.push(...check({ accounts, apps, env, bundles, now }));
  const kept = accounts && readKeptStatements(accounts, files.readFile ?? noFiles);
  diagnostics.push(...(kept?.diagnostics ?? []));
  if (accounts && !hasErrors(diagnostics)) {
    const registry = buildRegistry(root, accounts, apps, env, bundles, kept?.kept);
    const plans = planAccounts(registry);
    diagnostics.push(...keptStatementDiagnostics(registry), ...quotaDiagnostics(registry, plans));
    if (!hasErrors(diagnostics)) return { registry, plans, diagnostics: sortDiagnostics(diagnostics) };
  }
  return { diagnostics: sortDiagnostics(diagnostics) };
}

function parseFile<T>(file: RegistryFile, kind: FileKind<T>, out: Diagnostic[]): Parsed<T> | undefined {
  const source = YamlSource.parse(file.file, file.text);
  const problems = [...yamlSyntax(source), ...emptyFile(source, kind.whatToWrite)];
  out.push(...problems);
  if (problems.length) return undefined;
  const { parsed, diagnostics } = checkSchema(source, kind.schema, kind.json);
  out.push(...diagnostics);
  return parsed;
}

/** For registries given as texts only (tests): every other file is missing. */
function noFiles(file: string): never {
  throw Object.assign(new Error(`${file} not provided`), { code: 'ENOENT' });
}

function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}
