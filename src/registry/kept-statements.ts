import { isRecord, partitionPoint } from './collections';
import { Diagnostic, error, SourceLocation } from './diagnostics';
import { KeptStatement, KeptStatements } from './model';
import { AccountsFile } from './schema';
import { Parsed, YamlPath, YamlSource } from './yaml-source';

/** Reads a registry file by its path relative to the registry root; throws as fs.readFileSync does. */
export type ReadRegistryFile = (file: string) => string;

/**
 * The keepStatements files of every bucket, read and checked on their own: valid JSON without duplicate keys, a
 * policy document or an array of statements, each an object with a unique Sid and an Effect. Problems are located in
 * the JSON file itself, or at the keepStatements field when the file cannot be read.
 */
export function readKeptStatements(accounts: Parsed<AccountsFile>, read: ReadRegistryFile): { kept: Map<string, KeptStatements>; diagnostics: Diagnostic[] } {
  const kept = new Map<string, KeptStatements>();
  const diagnostics: Diagnostic[] = [];
  for (const [bucket, b] of Object.entries(accounts.data.buckets ?? {})) {
    if (b.keepStatements === undefined) continue;
    const file = b.keepStatements;
    let text: string;
    try {
      text = read(file);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      diagnostics.push(error(accounts.source.locate(['buckets', bucket, 'keepStatements']),
        `keepStatements file ${file} ${code === 'ENOENT' ? 'does not exist' : `cannot be read (${code ?? String(e)})`}; ` +
        `create it, e.g. from the live policy: aws s3api get-bucket-policy --bucket ${bucket} --query Policy --output text > ${file}, or remove keepStatements`));
      continue;
    }
    const parsed = parseKeepFile(file, text);
    diagnostics.push(...parsed.diagnostics);
    if (!parsed.diagnostics.length) kept.set(bucket, { file, statements: parsed.statements });
  }
  return { kept, diagnostics };
}

/** One keepStatements file's statements, or every problem found in it. */
export function parseKeepFile(file: string, text: string): { statements: KeptStatement[]; diagnostics: Diagnostic[] } {
  // YAML 1.2 reads any JSON document: its parser gives line and column for every value of the file.
  const source = YamlSource.parse(file, text);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    const { message, offset } = jsonError((e as Error).message, text);
    return { statements: [], diagnostics: [error(source.position(offset), `not valid JSON: ${message}; fix the syntax (jq . ${file} points at it)`)] };
  }
  const duplicates = source.syntaxProblems.filter((p) => p.code === 'DUPLICATE_KEY').map((p) => error(source.position(p.offset),
    'duplicate key: JSON readers keep only one of the values, so the statement would not be what it says; remove one'));
  if (duplicates.length) return { statements: [], diagnostics: duplicates };
  const list = statementList(value);
  if (!list) {
    return {
      statements: [],
      diagnostics: [error(source.position(0),
        'must hold a bucket policy ({ "Version": "2012-10-17", "Statement": [ … ] }) or an array of statements, as aws s3api get-bucket-policy prints it')],
    };
  }
  return statementsOf(source, list);
}

/** Where the statements are: `Statement` of a policy document (a list, or a single statement), or the top-level array. */
function statementList(value: unknown): { item: unknown; path: YamlPath }[] | undefined {
  if (Array.isArray(value)) return value.map((item, i) => ({ item, path: [i] }));
  if (!isRecord(value) || !('Statement' in value)) return undefined;
  const statement = value.Statement;
  if (Array.isArray(statement)) return statement.map((item, i) => ({ item, path: ['Statement', i] }));
  return isRecord(statement) ? [{ item: statement, path: ['Statement'] }] : undefined;
}

function statementsOf(source: YamlSource, list: { item: unknown; path: YamlPath }[]): { statements: KeptStatement[]; diagnostics: Diagnostic[] } {
  const statements: KeptStatement[] = [];
  const diagnostics: Diagnostic[] = [];
  const seen = new Map<string, SourceLocation>();
  list.forEach(({ item, path }, i) => {
    const at = source.locate(path);
    const n = `statement ${i + 1}`;
    if (!isRecord(item)) {
      diagnostics.push(error(at, `${n} is not a JSON object; write each statement as { "Sid": …, "Effect": …, … }`));
      return;
    }
    const sid = item.Sid;
    if (typeof sid !== 'string' || !sid) {
      diagnostics.push(error(at, `${n} has no Sid; give each kept statement a unique Sid, by which validation and review name it`));
      return;
    }
    if (item.Effect !== 'Allow' && item.Effect !== 'Deny') {
      diagnostics.push(error(source.locate([...path, 'Effect']), `statement "${sid}" has Effect ${JSON.stringify(item.Effect)}; write "Allow" or "Deny"`));
      return;
    }
    const earlier = seen.get(sid);
    if (earlier) {
      diagnostics.push(error(source.locate([...path, 'Sid']),
        `Sid "${sid}" is used twice (also at ${earlier.file}:${earlier.line}:${earlier.column}); Sids must be unique in a bucket policy, rename one`));
      return;
    }
    seen.set(sid, at);
    statements.push({ sid, statement: item, location: at });
  });
  return { statements, diagnostics };
}

/**
 * JSON.parse's message on one line without its position, and the offset of the problem: the one the message names
 * ("… at position 42", Node 20 and 22), else the shortest prefix of the text that fails for another reason than
 * ending early (Node 20 names no position for "Unexpected token").
 */
function jsonError(message: string, text: string): { message: string; offset: number } {
  const at = / at position (\d+)(?: \(line \d+ column \d+\))?/.exec(message);
  const clean = message.replace(at?.[0] ?? '', '').replace(/, (\.\.\.)?".*" is not valid JSON$/s, '').replace(/\s+/g, ' ');
  if (at) return { message: clean, offset: Math.min(Number(at[1]), text.length) };
  return { message: clean, offset: firstBadOffset(text) };
}

function firstBadOffset(text: string): number {
  const failsInside = (length: number) => {
    try {
      JSON.parse(text.slice(0, length));
      return false;
    } catch (e) {
      // A prefix that only stops too early fails at its end ("end of JSON input", or a position equal to its length).
      const { message } = e as Error;
      const at = / at position (\d+)/.exec(message);
      return at ? Number(at[1]) < length : !/end of JSON input/.test(message);
    }
  };
  return Math.max(0, partitionPoint(text.length, (length) => !failsInside(length)) - 1);
}
