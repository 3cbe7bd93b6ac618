import { Diagnostic, error } from '../diagnostics';
import { YamlSource } from '../yaml-source';

/** Empty files: nothing but comments or whitespace, which YAML reads as no value at all. */
export function emptyFile(source: YamlSource, whatToWrite: string): Diagnostic[] {
  if (source.syntaxProblems.length || (source.value !== null && source.value !== undefined)) return [];
  return [error({ file: source.file, line: 1, column: 1 }, `the file is empty; ${whatToWrite}`)];
}
