/** IAM policy documents as plain objects, serialised with JSON.stringify. */

export type ConditionBlock = Record<string, Record<string, string | readonly string[]>>;

export interface Statement {
  readonly Sid: string;
  readonly Effect: 'Allow' | 'Deny';
  readonly Principal?: '*' | { readonly AWS: string | readonly string[] } | { readonly Service: string | readonly string[] };
  /** Exactly one of Action and NotAction. */
  readonly Action?: string | readonly string[];
  readonly NotAction?: string | readonly string[];
  readonly Resource?: string | readonly string[];
  readonly Condition?: ConditionBlock;
}

export interface PolicyDocument {
  readonly Version: '2012-10-17';
  readonly Statement: readonly Statement[];
}

export function policy(...statements: Statement[]): PolicyDocument {
  return { Version: '2012-10-17', Statement: statements };
}

/** Characters IAM counts against its size quotas: the document without insignificant whitespace. */
export function policySize(doc: PolicyDocument): number {
  return JSON.stringify(doc).length;
}
