import { FAILSAFE_SCHEMA, load, Type } from 'js-yaml';
import { Scalar, Schema } from 'yaml';
import { groupBy } from './collections';

/**
 * The registry's YAML parser is the `yaml` package: it keeps every node's position, for file:line:col in messages.
 * It is also about 4× slower than js-yaml, and a registry that validates never needs a position. So a file is first
 * read with js-yaml, and the result is used only when it is what `yaml` would build without a problem; anything else
 * (a js-yaml error or warning, or a feature outside the subset below) is read by `yaml` as before, so every message
 * and position is unchanged. `__tests__/registry/fast-yaml.test.ts` holds the two parsers to the same value on the
 * subset: edge cases, the bundled registry, random edits of it and random documents.
 */

/** Escapes both read alike: not \U, nor a \u surrogate (js-yaml builds a string of an invalid code point). */
const DOUBLE_QUOTED = String.raw`"(?:[^"\\]|\\(?:["\\/bfnrt0aveN_LP ]|x[0-9a-fA-F]{2}|u(?![dD][89a-fA-F])[0-9a-fA-F]{4}))*"`;
const SINGLE_QUOTED = String.raw`'(?:[^']|'')*'`;
/** A plain scalar starts with no indicator (but `-` or `:` before a word, as in -1). */
const PLAIN_START = String.raw`(?:[^\s\-?:,\[\]{}#&*!|>'"%@\x60]|[-:](?=[^\s\-,\[\]{}]))`;
/** No ": " or " #" inside. */
const PLAIN = String.raw`${PLAIN_START}(?:[^\s:]|:(?=\S)| +(?=[^\s#]))*`;
/** Inside [ ] or { }, commas and brackets end a plain scalar too. */
const FLOW_PLAIN = String.raw`${PLAIN_START}(?:[^\s:,\[\]{}]|:(?=[^\s,\[\]{}])| +(?=[^\s#,\[\]{}]))*`;
const SCALAR = `(?:${PLAIN}|${DOUBLE_QUOTED}|${SINGLE_QUOTED})`;
const FLOW_SCALAR = `(?:${FLOW_PLAIN}|${DOUBLE_QUOTED}|${SINGLE_QUOTED})`;
const FLOW_LIST = String.raw`\[ *(?:${FLOW_SCALAR}(?: *, *${FLOW_SCALAR})*)? *\]`;
const FLOW_MAPPING = String.raw`\{ *(?:${FLOW_SCALAR}: +${FLOW_SCALAR}(?: *, *${FLOW_SCALAR}: +${FLOW_SCALAR})*)? *\}`;
const VALUE = `(?:${SCALAR}|${FLOW_LIST}|${FLOW_MAPPING})`;
const COMMENT = '(?: +#.*)?';
/**
 * The subset is YAML with one node per line: every line is blank, a comment, `key: value`, `key:` (a block below it),
 * or list items (`- value`, `- key: value`), where a value is a scalar on that line (plain, "double" or 'single'
 * quoted) or a flow list or mapping of such scalars on that line, and a comment follows a space. So no scalar or
 * flow collection spans lines, which is where the two parsers were found to fold, or to report, differently.
 */
const SUBSET_LINE = new RegExp(`^(?: *(?:#.*)?| *(?:- +)*${SCALAR}:(?: +${VALUE})?${COMMENT}| *(?:- +)+${VALUE}${COMMENT})$`);

/**
 * Within such lines, text that still leaves the subset:
 * - `&` `*` anchors and aliases (`yaml` limits alias expansion, js-yaml does not), `!` tags, `?` explicit keys and
 *   `|` `>` block scalars, each where a token starts (inside a word, as in `role/*`, they are text);
 * - `---` and `...` document markers, and `%` directives;
 * - a line ending in a space, tabs (the two differ on tabs before indicators), a carriage return that does not end
 *   a line with `\n`, and a byte order mark anywhere (`yaml` counts one that starts the file as a column of the
 *   first line's indentation, js-yaml skips it; `yaml` skips one on a later line, js-yaml reads it as text);
 * - a line of 1024 characters or more (YAML's limit on implicit keys, which only `yaml` enforces).
 * The same characters in a comment or a quoted string are harmless: those files just take the slow path.
 */
const OUTSIDE_SUBSET = /(?:^|[ [{,])[&*!?|>]|^(?:---|\.\.\.|%)| \r?$|\t|\r(?!\n)|\ufeff/m;
/** YAML's limit on an implicit key's length, in characters. */
const IMPLICIT_KEY_LIMIT = 1024;

/** A plain scalar's resolution as `yaml` does it: its test and what it builds. */
interface ScalarRule {
  readonly test: RegExp;
  readonly build: (text: string) => unknown;
}

/**
 * js-yaml with `yaml`'s own YAML 1.2 core scalar tags, tried in `yaml`'s order: a plain scalar resolves to the same
 * null, boolean or number under both (e.g. `012345678901` to 12345678901, `1_000` to a string). js-yaml keeps one type
 * per tag, so the rules of one tag (decimal, octal and hex ints) share a type.
 */
const CORE_SCHEMA = FAILSAFE_SCHEMA.extend({
  implicit: [...groupBy(coreScalarRules(), (rule) => rule.tag)].map(([tag, rules]) => new Type(tag, {
    kind: 'scalar',
    resolve: (text: string) => rules.some((rule) => rule.test.test(text)),
    construct: (text: string) => rules.find((rule) => rule.test.test(text))!.build(text),
  })),
});

function coreScalarRules(): (ScalarRule & { readonly tag: string })[] {
  return new Schema({ schema: 'core' }).tags.flatMap((tag) => {
    if (!('test' in tag) || !tag.test || !tag.resolve) return [];
    const { test, resolve } = tag;
    const build = (text: string) => {
      const value = resolve(text, () => undefined, {});
      return value instanceof Scalar ? value.value : value;
    };
    return [{ tag: tag.tag, test, build }];
  });
}

/** The file as plain data when js-yaml reads it within the subset without an error or a warning; else undefined. */
export function fastParse(text: string): { readonly value: unknown } | undefined {
  if (OUTSIDE_SUBSET.test(text) || !inLineSubset(text)) return undefined;
  let warned = false;
  try {
    const value = load(text, { schema: CORE_SCHEMA, onWarning: () => (warned = true) });
    // An empty file is undefined here and null under `yaml`; empty-file.ts words that case, so `yaml` reads it.
    return warned || value === undefined || hasNullKey(value) ? undefined : { value };
  } catch {
    return undefined;
  }
}

/** Whether every line is one of the subset's and shorter than an implicit key may be. */
function inLineSubset(text: string): boolean {
  for (let start = 0; start <= text.length;) {
    const newline = text.indexOf('\n', start);
    const end = newline === -1 ? text.length : newline;
    const line = text.charCodeAt(end - 1) === 13 ? text.slice(start, end - 1) : text.slice(start, end);
    if (line.length >= IMPLICIT_KEY_LIMIT || !SUBSET_LINE.test(line)) return false;
    start = end + 1;
  }
  return true;
}

/** A `null` or `~` key is "null" to js-yaml and "" to `yaml`; a key written "null" cannot be told from it, so both go. */
function hasNullKey(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(hasNullKey);
  if (value === null || typeof value !== 'object') return false;
  return Object.entries(value).some(([key, item]) => key === 'null' || hasNullKey(item));
}
