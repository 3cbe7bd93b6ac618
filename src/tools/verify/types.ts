/** What `verify` reports; shared by the verify CLI, `review` and `bench`. */

export type Decision = 'Allowed' | 'Denied';

export interface ScenarioResult {
  /** App id, or undefined for per-bucket scenarios. */
  readonly app?: string;
  /** Bucket name for per-bucket scenarios and object/list scenarios. */
  readonly bucket?: string;
  /** Account alias for account-wide scenarios (who may change keyless roles). */
  readonly account?: string;
  /** Human-readable scenario, e.g. "AssumeRole without the AppId tag". */
  readonly scenario: string;
  readonly expected: Decision;
  /** For a guardrail scenario: the Sid of the Deny statement that must decide the denial. */
  readonly expectedSid?: string;
  /** `Error` when the scenario could not be evaluated (unresolvable policy, ignored context keys). */
  readonly actual: Decision | 'Error';
  readonly pass: boolean;
  /** Sid of the statement that decided a denial (explicit Deny), when there is one. */
  readonly decidingSid?: string;
  readonly detail?: string;
}

export interface VerifyReport {
  readonly results: readonly ScenarioResult[];
  readonly passed: number;
  readonly failed: number;
  /** Problems that stop verification as a whole, such as an unresolvable Terraform reference. */
  readonly errors: readonly string[];
}
