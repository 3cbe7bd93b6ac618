import { FAILSAFE_SCHEMA, load, Type } from 'js-yaml';
import { Scalar, Schema } from 'yaml';
import { groupBy } from './collections';

/**
 * The registry's YAML parser is the `yaml` package: it keeps every node's position, for file:line:col in messages.
 * It is also about 4× slower than js-yaml, and a registry that validates never needs a position. So a file is first
 * read with js-yaml, and the result is used only when it is what `yaml` would build without a problem; anything else
 * (a js-yaml error or warning, or a feature outside the subset below) is read by `yaml` as before, so every message
 * and position is unchanged. `__tests__/registry/fast-yaml.test.ts` holds the two parsers to the same value on the
 * subset, on the bundled registry and on random edits of it.
 */

/**
 * Text that leaves the subset, read by `yaml` only:
 * - `&` `*` anchors and aliases (`yaml` limits alias expansion, js-yaml does not), `!` tags, `?` explicit keys and
 *   `|` `>` block scalars (the two fold some of them differently), each where a token starts (inside a word, as in
 *   `role/*`, they are text), and `%` directives;
 * - `]:` or `}:`, a flow collection as an implicit key: js-yaml turns such a key into a string, `yaml` reports it
 *   (yaml-source.ts, NON_STRING_KEY);
 * - a backslash or a space that ends a line: where a quoted string spans lines, the two fold an escaped line break,
 *   and a space after an escape, differently;
 * - a comment right after a flow collection or a quoted string (`]#`), which only `yaml` reports;
 * - tabs (the two differ on tabs before indicators), a carriage return that does not end a line with `\n`, and a
 *   byte order mark after the start (`yaml` skips it, js-yaml reads it as text);
 * - a line of 1024 characters or more (YAML's limit on implicit keys, which only `yaml` enforces).
 * The same characters in a comment or a quoted string are harmless: those files just take the slow path.
 */
const OUTSIDE_SUBSET = /(?:^|[ [{,])[&*!?|>]|^%|[\]}][ ]*:(?:[ \r\n]|$)|[\]}"']#|[\\ ]\r?$|\t|\r(?!\n)|\ufeff/m;
const BYTE_ORDER_MARK = '\ufeff';
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
  // Both skip a byte order mark that starts the file.
  const body = text.startsWith(BYTE_ORDER_MARK) ? text.slice(1) : text;
  if (OUTSIDE_SUBSET.test(body) || hasLineOf(IMPLICIT_KEY_LIMIT, body)) return undefined;
  let warned = false;
  try {
    const value = load(text, { schema: CORE_SCHEMA, onWarning: () => (warned = true) });
    // An empty file is undefined here and null under `yaml`; empty-file.ts words that case, so `yaml` reads it.
    return warned || value === undefined || hasNullKey(value) ? undefined : { value };
  } catch {
    return undefined;
  }
}

function hasLineOf(length: number, text: string): boolean {
  for (let start = 0; start < text.length;) {
    const end = text.indexOf('\n', start);
    if ((end === -1 ? text.length : end) - start >= length) return true;
    if (end === -1) return false;
    start = end + 1;
  }
  return false;
}

/** A `null` or `~` key is "null" to js-yaml and "" to `yaml`; a key written "null" cannot be told from it, so both go. */
function hasNullKey(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(hasNullKey);
  if (value === null || typeof value !== 'object') return false;
  return Object.entries(value).some(([key, item]) => key === 'null' || hasNullKey(item));
}
