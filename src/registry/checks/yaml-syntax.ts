import { Diagnostic, error } from '../diagnostics';
import { SyntaxProblem, YamlSource } from '../yaml-source';

/** YAML syntax: every parse error and warning of a file, located, in words a registry editor can act on. */
export function yamlSyntax(source: YamlSource): Diagnostic[] {
  return source.syntaxProblems.map((p) => error(source.position(p.offset), describe(p, source.text)));
}

function describe(problem: SyntaxProblem, text: string): string {
  switch (problem.code) {
    case 'DUPLICATE_KEY':
      return `field "${keyAt(text, problem.offset)}" appears twice in the same mapping; keep one of them`;
    case 'MULTIPLE_DOCS':
      return 'the file holds more than one YAML document (a second "---" line); keep one document per file';
    case 'TAB_AS_INDENT':
      return 'a tab is used for indentation; YAML indents with spaces only';
    case 'RESOURCE_EXHAUSTION':
      return 'YAML aliases expand to too many values; write the values out instead of nesting aliases';
    default:
      return `invalid YAML: ${problem.message.split('\n')[0]}`;
  }
}

/** The key text starting at `offset`, up to its colon or the end of the line. */
function keyAt(text: string, offset: number): string {
  return /^[^:\n]*/.exec(text.slice(offset))![0].trim().replace(/^["']|["']$/g, '');
}
