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

export function error(location: SourceLocation, message: string): Diagnostic {
  return { severity: 'error', location, message };
}

export function warning(location: SourceLocation, message: string): Diagnostic {
  return { severity: 'warning', location, message };
}

/** `1 warning`, `3 errors`. */
export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** `3 errors, 1 warning`: the summary line of validate and synth. */
export function summary(diagnostics: readonly Diagnostic[]): string {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  return `${plural(errors, 'error')}, ${plural(diagnostics.length - errors, 'warning')}`;
}

/** Reading order: accounts.yaml first, then apps by file name, each by position. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const rank = (d: Diagnostic) => (d.location.file.includes('/') ? 1 : 0);
  return [...diagnostics].sort((a, b) =>
    rank(a) - rank(b) ||
    a.location.file.localeCompare(b.location.file) ||
    a.location.line - b.location.line ||
    a.location.column - b.location.column);
}
