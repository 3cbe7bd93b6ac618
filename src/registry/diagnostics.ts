/** A position in a registry file, 1-based, as editors and CI annotations expect. */
export interface SourceLocation {
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

export type Severity = 'error' | 'warning';

/** One problem found in the registry, located in the file that causes it. */
export interface Diagnostic {
  readonly severity: Severity;
  readonly location: SourceLocation;
  readonly message: string;
}

/** `apps/x.yaml:7:3: error: message`, the form compilers use so editors and CI can link it. */
export function formatDiagnostic(d: Diagnostic): string {
  const { file, line, column } = d.location;
  return `${file}:${line}:${column}: ${d.severity}: ${d.message}`;
}

/** Thrown when the registry cannot be turned into a model; carries every problem found, not just the first. */
export class RegistryError extends Error {
  constructor(readonly diagnostics: readonly Diagnostic[]) {
    super(diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic).join('\n'));
    this.name = 'RegistryError';
  }
}
