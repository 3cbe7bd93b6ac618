import { Diagnostic, error } from '../diagnostics';
import { YamlSource } from '../yaml-source';

/** Empty files: nothing but comments or whitespace, which YAML reads as no value at all. */
export function emptyFile(source: YamlSource, whatToWrite: string): Diagnostic[] {
  // Without syntax problems the value is built, and YAML builds an empty document as null.
  if (source.syntaxProblems.length || source.value !== null) return [];
  return [error({ file: source.file, line: 1, column: 1 }, `the file is empty; ${whatToWrite}`)];
}
