import { CaBundles } from '../ca-bundle';
import { Diagnostic } from '../diagnostics';
import { AccountsFile, AppFile } from '../schema';
import { Parsed, YamlSource } from '../yaml-source';

/** What the registry checks see: every file that passed its schema (accounts.yaml may have failed). */
export interface CheckInput {
  readonly accounts?: Parsed<AccountsFile>;
  /** App files that passed their schema, in file name order. */
  readonly apps: readonly Parsed<AppFile>[];
  readonly env: NodeJS.ProcessEnv;
  /** The CA bundle files accounts.yaml declares, as read from the registry root. */
  readonly bundles: CaBundles;
  /** The time certificate validity is judged at. */
  readonly now: Date;
}

/** A rule across fields or files, in the style of cdk-nag: one rule per file in this directory. */
export type Check = (input: CheckInput) => Diagnostic[];

/** `apps/a.yaml:3:5`, to name the other file of a conflict. */
export function where(source: YamlSource, path: readonly (string | number)[]): string {
  const { file, line, column } = source.locate(path);
  return `${file}:${line}:${column}`;
}
