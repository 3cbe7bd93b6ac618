import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { isScalar, parseDocument, stringify, visit } from 'yaml';
import { fastParse } from '../../src/registry/fast-yaml';
import { YamlSource } from '../../src/registry/yaml-source';
import { ROOT } from '../e2e';

/** Random cases per property; FC_RUNS=100000 (and FC_SEED=<n>) searches further, as the subset was searched. */
const runs = (cases: number) => Number(process.env.FC_RUNS ?? cases);
const SEED = Number(process.env.FC_SEED ?? 13);

/** What `yaml` makes of a file, as yaml-source.ts reads it: the value, or that it has a problem. */
function fullParse(text: string): { readonly value: unknown } | 'problem' {
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true });
  let complexKey = false;
  visit(doc, { Pair: (_, pair) => void (complexKey ||= pair.key !== null && !isScalar(pair.key)) });
  if (doc.errors.length || doc.warnings.length || complexKey) return 'problem';
  try {
    return { value: doc.toJS() };
  } catch {
    return 'problem';
  }
}

/** The contract: whatever js-yaml is trusted with, `yaml` reads without a problem, to the same value. */
function expectSameAsFull(text: string): void {
  const fast = fastParse(text);
  if (fast) expect({ text, value: fast.value }).toEqual({ text, value: (fullParse(text) as { value: unknown }).value });
  if (fast) expect(fullParse(text)).not.toBe('problem');
}

const appTexts = () => readdirSync(join(ROOT, 'apps')).map((f) => readFileSync(join(ROOT, 'apps', f), 'utf8'));
const registryTexts = () => [readFileSync(join(ROOT, 'accounts.yaml'), 'utf8'), ...appTexts()];

/** Scalars and shapes where YAML parsers are known to differ, each inside the subset the fast path accepts. */
const EDGE_CASES = [
  'a: 012345678901', 'a: 0o17', 'a: 0x1F', 'a: 0b101', 'a: 1_000', 'a: +12', 'a: -0', 'a: 1e3', 'a: 1.5E-2', 'a: .5',
  'a: 1.', 'a: .inf', '0x1F: a', '.inf: a', '1e3: a', '0o17: a', '-0: a', '12345678901234567890: a', '"": a', 'a: -.Inf', 'a: .NaN', 'a: nan', 'a: 12345678901234567890', 'a: 0.10',
  'a: yes', 'a: No', 'a: on', 'a: TRUE', 'a: tRue', 'a: ~', 'a: Null', 'a: NULL', 'a:', 'a: ""', "a: ''",
  'a: 2024-01-01', 'a: 12:30:00', 'a: 1:2', 'a: =', 'a: <<', '<<: {b: 1}', '1: a', '1.0: a', 'true: a', 'null: a',
  '~: a', '"1": a', '__proto__: {polluted: 1}', 'constructor: a', 'a: [1, "2", three, ]', 'a: {b: 1, c: [d]}',
  'a: "\\x41\\u00e9\\t\\N\\_"', "a: 'it''s'", 'a: "multi\n  line"', 'a: plain\n  continued\n\n  para',
  'a: |\n  keep\n  lines\n', 'a: >-\n  folded\n  text\n\n', 'a: |2\n   indented\n', 'a: |+\n  x\n\n',
  '- a\n- - b\n  - c\n-\n  d: 1', 'a:\n- b\n- c', 'a:\n  - b\n - c', 'a: b: c', 'a: b\n a: c', 'a: 1\na: 2',
  '1: a\n"1": b', 'a: 1 # c', 'a: 1#c', 'a: "x" y', '---\na: 1', 'a: 1\n...', '---\na: 1\n---\nb: 2', '',
  '# only a comment', '[1, 2]', '"scalar"', 'a: [b\n  c]', 'a: {b: 1\n  , c: 2}', 'a: [b: 1]', 'a: {b}', 'a: {b: }',
  'a: -', 'a: - b', '- - -', 'a:\n  b:\n    c: 1\n  d: 2', 'a: "\\/"', 'a: "\\e"', 'a: "\\q"', 'a: \'\\q\'',
  'a: "unterminated', 'a: x\r\nb: y\r\n', '\ufeffa: 1', '\ufeff- a', 'a: "\u0085"', 'a: \u2028', 'a\u00a0: 1', 'a: -1.5e+3',
].map((text) => [JSON.stringify(text), text]);

describe('fastParse', () => {
  it('reads every app of the bundled registry as yaml does', () => {
    // GIVEN the app files THEN each takes the fast path, with yaml's value (accounts.yaml has a `*` in a comment).
    for (const text of appTexts()) {
      expect(fastParse(text)).toBeDefined();
      expectSameAsFull(text);
    }
  });

  it.each(EDGE_CASES)('agrees with yaml, or leaves it to yaml: %s', (_, text) => expectSameAsFull(text));

  it.each([
    ['an alias', 'a: &x 1\nb: *x'],
    ['a tag', 'a: !!str 1'],
    ['a block scalar', 'a: |\n  b\n'],
    ['a folded scalar', 'a: >\n  b\n'],
    ['a null key', '~: 1'],
    ['a key written "null"', '"null": 1'],
    ['a lone carriage return', 'a: 1\rb: 2'],
    ['a comment right after a list', 'a: [b]# c'],
    ['a comment right after a quoted string', 'a: "b"# c'],
    ['an escaped line break before an empty line', 'a:\n  " b\\\n  \n  c"'],
    ['a space after an escape at the end of a line', '[\n "\n\n  \\\\ \n\n  a"\n]'],
    ['a byte order mark after the start', '\n\ufeff# c: d\na: 1'],
    ['a byte order mark before an indented first line', '\ufeff  consumer:\n  principal: root\n'],
    // Found by a red-team read of the first subset: js-yaml reads each, yaml reports it or reads it otherwise.
    ['a document marker with content on its line', "--- 1: 'q'\n"],
    ['a comment line between a key and its scalar on the next line', 'k:\n#c\n  b\nc: v\n'],
    ['a list item continued after a comment line', '-\n#1\n h\n- +1\n'],
    ['a \\U escape beyond U+10FFFF', 'a: "\\U00c00004"'],
    ['a document marker glued to a key', '---prefix: x'],
    ['an empty list item, then an item further left', '- -\n- y'],
    ['a flow list as a key with no space after its colon', '{[a]:b}'],
    ['a comment without a space before it in a flow list', '[b,#c\n d]'],
    ['an explicit key', '? a\n: 1'],
    ['a list as a key', '[a, b]: 1'],
    ['a mapping as a key', '{a: 1}: 2'],
    ['a directive', '%YAML 1.2\n---\na: 1'],
    ['a tab', 'a:\t1'],
    ['a 1024-character key', `${'k'.repeat(1024)}: 1`],
    ['a duplicate key', 'a: 1\na: 2'],
    ['two documents', 'a: 1\n---\nb: 2'],
    ['an empty file', ''],
  ])('leaves %s to yaml', (_, text) => {
    // GIVEN a feature outside the subset, or a file yaml reports THEN js-yaml's reading is not used.
    expect(fastParse(text)).toBeUndefined();
  });

  it('agrees with yaml on random edits of the registry files', () => {
    // GIVEN registry files with characters YAML gives meaning to inserted, removed or repeated at random
    const texts = registryTexts();
    const alphabet = [...':-#\'"[]{},|>.0123456789abe+_~ \n\n   \r\\'];
    const edit = fc.record({
      file: fc.nat(texts.length - 1),
      edits: fc.array(fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), cut: fc.nat(3), insert: fc.array(fc.constantFrom(...alphabet), { maxLength: 4 }) }), { minLength: 1, maxLength: 3 }),
    });
    // THEN whatever the fast path accepts, yaml reads without a problem, to the same value.
    fc.assert(fc.property(edit, ({ file, edits }) => {
      let text = texts[file];
      for (const e of edits) {
        const at = Math.floor(e.at * text.length);
        text = text.slice(0, at) + e.insert.join('') + text.slice(at + e.cut);
      }
      expectSameAsFull(text);
    }), { numRuns: runs(3000), seed: SEED });
  });

  it('agrees with yaml on random documents written in every style yaml writes', () => {
    // GIVEN random values, with strings of YAML's indicators and scalars that resolve to other types, written with
    // random string styles, flow or block collections, indents and line widths (folding long strings)
    const units = [...'ab :-#\'"[]{},\\.0123456789xeE+_~\u00e9\u2028\u0085', 'null', 'true', '0x', '.inf', '  '];
    const values = (text: fc.Arbitrary<string>) => fc.letrec((tie) => ({
      value: fc.oneof({ depthSize: 'small' }, text, fc.integer(), fc.double(), fc.boolean(), fc.constant(null),
        fc.array(tie('value'), { maxLength: 4 }), fc.dictionary(text, tie('value'), { maxKeys: 4 })),
    })).value;
    const anyStyle = fc.record({
      defaultStringType: fc.constantFrom(...(['PLAIN', 'QUOTE_DOUBLE', 'QUOTE_SINGLE', 'BLOCK_FOLDED', 'BLOCK_LITERAL'] as const)),
      defaultKeyType: fc.constantFrom(...([null, 'PLAIN', 'QUOTE_DOUBLE', 'QUOTE_SINGLE'] as const)),
      lineWidth: fc.integer({ min: 0, max: 40 }),
      minContentWidth: fc.integer({ min: 0, max: 20 }),
      collectionStyle: fc.constantFrom(...(['any', 'block', 'flow'] as const)),
      indent: fc.integer({ min: 1, max: 4 }),
      indentSeq: fc.boolean(),
    });
    // Half the documents in the fast path's own style: a mapping of block collections, no folding, strings without
    // line breaks.
    const registryStyle = fc.record({
      defaultStringType: fc.constantFrom(...(['PLAIN', 'QUOTE_DOUBLE', 'QUOTE_SINGLE'] as const)),
      lineWidth: fc.constant(0),
      collectionStyle: fc.constantFrom(...(['any', 'block'] as const)),
      indent: fc.integer({ min: 1, max: 4 }),
      indentSeq: fc.boolean(),
    });
    const documents = fc.oneof(
      fc.tuple(values(fc.string({ unit: fc.constantFrom(...units, '\n') })), anyStyle),
      fc.tuple(fc.dictionary(fc.string({ unit: fc.constantFrom(...units) }), values(fc.string({ unit: fc.constantFrom(...units) })), { minKeys: 1 }), registryStyle),
    );
    // THEN whatever the fast path accepts, yaml reads without a problem, to the same value.
    fc.assert(fc.property(documents, ([v, o]) => expectSameAsFull(stringify(v, o))), { numRuns: runs(1500), seed: SEED });
  });
});

describe('YamlSource', () => {
  it('locates a value of a fast-parsed file as of a fully parsed one', () => {
    // GIVEN one file on the fast path and the same text with a comment that sends it to yaml
    const text = 'id: web\naccess:\n  - bucket: data\n    prefix: web/\n';
    const fast = YamlSource.parse('apps/web.yaml', text);
    const full = YamlSource.parse('apps/web.yaml', `${text}# & `);
    expect(fastParse(text)).toBeDefined();
    // THEN both give the same values, locations and source text
    expect(fast.value).toEqual(full.value);
    for (const [path, key] of [[['access', 0, 'prefix'], false], [['access', 0, 'prefix'], true], [['missing'], false], [['id'], true]] as const) {
      expect({ ...fast.locate(path, key) }).toEqual({ ...full.locate(path, key) });
    }
    expect({ ...fast.locate(['access', 0, 'prefix'], true) }).toEqual({ file: 'apps/web.yaml', line: 4, column: 5 });
    expect(fast.sourceText(['id'])).toBe('web');
  });
});
