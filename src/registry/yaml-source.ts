import { Document, isMap, isScalar, LineCounter, parseDocument, visit, YAMLError } from 'yaml';
import { SourceLocation } from './diagnostics';
import { fastParse } from './fast-yaml';

export type YamlPath = readonly (string | number)[];

/** A YAML problem at an offset of the file: a parse error, a warning, or a value that cannot be built. */
export interface SyntaxProblem {
  readonly offset: number;
  readonly code: YAMLError['code'];
  readonly message: string;
}

/** A registry file that passed its schema, with the source to locate its values. */
export interface Parsed<T> {
  readonly source: YamlSource;
  readonly data: T;
}

/** A parsed registry file that can point back at the line of any value in it. */
export class YamlSource {
  private full?: FullParse;

  private constructor(
    readonly file: string,
    readonly text: string,
    /** The file as plain data; undefined when it could not be built (see syntaxProblems). */
    readonly value: unknown,
    readonly syntaxProblems: readonly SyntaxProblem[],
  ) {}

  /**
   * Parses `text`; YAML problems are collected in syntaxProblems, never thrown. A file that js-yaml reads as `yaml`
   * would (fast-yaml.ts) is parsed by `yaml` only when a position in it is asked for.
   */
  static parse(file: string, text: string): YamlSource {
    const fast = fastParse(text);
    if (fast) return new YamlSource(file, text, fast.value, []);
    const full = parseFully(text);
    const source = new YamlSource(file, text, full.value, full.problems);
    source.full = full;
    return source;
  }

  /**
   * Location of the value at `path`, or of its nearest existing ancestor; `key` points at the key instead. Its line and
   * column are found when first read: the model holds one for every app, and a valid registry reads none of them.
   */
  locate(path: YamlPath, key = false): SourceLocation {
    let found: SourceLocation | undefined;
    const at = () => (found ??= this.find(path, key));
    return { file: this.file, get line() { return at().line; }, get column() { return at().column; } };
  }

  private find(path: YamlPath, key: boolean): SourceLocation {
    for (let depth = path.length; depth > 0; depth--) {
      const prefix = path.slice(0, depth);
      const range = key ? this.keyRange(prefix) : undefined;
      const node = this.doc().getIn(prefix, true) as { range?: [number, number, number] } | undefined;
      const offset = range ?? node?.range?.[0];
      if (offset !== undefined) return this.position(offset);
    }
    return this.position(this.doc().contents?.range?.[0] ?? 0);
  }

  /** The text a scalar was written as, e.g. `012345678901` for a value YAML read as 12345678901. */
  sourceText(path: YamlPath): string | undefined {
    const node = this.doc().getIn(path, true);
    return isScalar(node) && typeof node.source === 'string' ? node.source : undefined;
  }

  position(offset: number): SourceLocation {
    const { line, col } = this.parsed().lines.linePos(offset);
    return { file: this.file, line, column: col };
  }

  private keyRange(path: YamlPath): number | undefined {
    const doc = this.doc();
    const parent = path.length === 1 ? doc.contents : doc.getIn(path.slice(0, -1), true);
    if (!isMap(parent)) return undefined;
    const pair = parent.items.find((p) => (p.key as { value?: unknown } | null)?.value === path[path.length - 1]);
    return (pair?.key as { range?: [number, number, number] } | undefined)?.range?.[0];
  }

  private parsed(): FullParse {
    return (this.full ??= parseFully(this.text));
  }

  private doc(): Document {
    return this.parsed().doc;
  }
}

/** A file as the `yaml` package reads it: every node with its position. */
interface FullParse {
  readonly doc: Document;
  readonly lines: LineCounter;
  readonly value: unknown;
  readonly problems: readonly SyntaxProblem[];
}

function parseFully(text: string): FullParse {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const problems: SyntaxProblem[] = [...doc.errors, ...doc.warnings].map((e) => ({ offset: e.pos[0], code: e.code, message: e.message }));
  problems.push(...complexKeys(doc));
  let value: unknown;
  try {
    // Complex keys would be stringified by toJS, with a warning on stderr; they are reported instead.
    if (!problems.length) value = doc.toJS();
  } catch (e) {
    // The yaml package throws here on unresolved aliases and on alias bombs.
    problems.push({ offset: 0, code: 'BAD_ALIAS', message: (e as Error).message });
  }
  return { doc, lines, value, problems };
}

/** Keys that are lists or mappings (`? [a, b]: …`): registry keys are plain names. */
function complexKeys(doc: Document): SyntaxProblem[] {
  const problems: SyntaxProblem[] = [];
  visit(doc, {
    Pair(_, pair) {
      const key = pair.key as { range?: [number, number, number] } | null;
      if (key && !isScalar(key)) {
        problems.push({ offset: key.range?.[0] ?? 0, code: 'NON_STRING_KEY', message: 'a key is a list or mapping; keys are plain names' });
      }
    },
  });
  return problems;
}
