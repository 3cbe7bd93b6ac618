import { Diagnostic, error } from '../diagnostics';
import { SyntaxProblem, YamlSource } from '../yaml-source';

/** YAML syntax: a file's first parse error (later ones mostly follow from it) and every duplicate key. */
export function yamlSyntax(source: YamlSource): Diagnostic[] {
  const [first, ...rest] = [...source.syntaxProblems].sort((a, b) => a.offset - b.offset);
  if (!first) return [];
  const shown = [first, ...rest.filter((p) => p.code === 'DUPLICATE_KEY')];
  return shown.map((p) => error(source.position(p.offset), describe(p, source.text)));
}

function describe(problem: SyntaxProblem, text: string): string {
  switch (problem.code) {
    case 'DUPLICATE_KEY': {
      const key = keyAt(text, problem.offset);
      return `${key ? `field "${key}"` : 'a key'} appears twice in the same mapping; keep one of them`;
    }
    case 'MULTIPLE_DOCS':
      return 'the file holds more than one YAML document (a second "---" line); keep one document per file';
    case 'NON_STRING_KEY':
      return 'a key is a list or a mapping, often a stray "?" or a value moved left of its colon; keys are plain names such as "bucket"';
    case 'TAB_AS_INDENT':
      return 'a tab is used for indentation; YAML indents with spaces only';
    default:
      return `invalid YAML: ${problem.message.split('\n')[0]}`;
  }
}

/** The key text starting at `offset`, up to its colon or the end of the line. */
function keyAt(text: string, offset: number): string {
  return text.slice(offset).split(/[:\n]/)[0].trim().replace(/^["']|["']$/g, '');
}
