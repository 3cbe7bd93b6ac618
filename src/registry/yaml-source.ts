import { Document, isMap, LineCounter, parseDocument } from 'yaml';
import { Diagnostic, SourceLocation } from './diagnostics';

export type YamlPath = readonly (string | number)[];

/** A parsed registry file that can point back at the line of any value in it. */
export class YamlSource {
  private constructor(
    readonly file: string,
    private readonly doc: Document,
    private readonly lines: LineCounter,
  ) {}

  /** Parses `text`; YAML syntax errors come back as diagnostics, not exceptions. */
  static parse(file: string, text: string): { source: YamlSource; diagnostics: Diagnostic[] } {
    const lines = new LineCounter();
    const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
    const source = new YamlSource(file, doc, lines);
    const diagnostics = [...doc.errors, ...doc.warnings].map((e): Diagnostic => ({
      severity: 'error',
      location: source.at(e.pos[0]),
      message: `invalid YAML: ${e.message.split('\n')[0]}`,
    }));
    return { source, diagnostics };
  }

  get value(): unknown {
    return this.doc.toJS();
  }

  /** Location of the value at `path`, or of its nearest existing ancestor; `key` points at the key instead. */
  locate(path: YamlPath, key = false): SourceLocation {
    for (let depth = path.length; depth > 0; depth--) {
      const prefix = path.slice(0, depth);
      const range = key ? this.keyRange(prefix) : undefined;
      const node = this.doc.getIn(prefix, true) as { range?: [number, number, number] } | undefined;
      const offset = range ?? node?.range?.[0];
      if (offset !== undefined) return this.at(offset);
    }
    return this.at(this.doc.contents?.range?.[0] ?? 0);
  }

  private keyRange(path: YamlPath): number | undefined {
    const parent = path.length === 1 ? this.doc.contents : this.doc.getIn(path.slice(0, -1), true);
    if (!isMap(parent)) return undefined;
    const pair = parent.items.find((p) => (p.key as { value?: unknown } | null)?.value === path[path.length - 1]);
    return (pair?.key as { range?: [number, number, number] } | undefined)?.range?.[0];
  }

  private at(offset: number): SourceLocation {
    const { line, col } = this.lines.linePos(offset);
    return { file: this.file, line, column: col };
  }
}
