import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ts from 'typescript';

/** The fenced code blocks of a Markdown text with the given info string, in order. */
export function codeBlocks(markdown: string, language: string): string[] {
  return [...markdown.matchAll(new RegExp(`^\`\`\`${language}\\n([\\s\\S]*?)^\`\`\`$`, 'gm'))].map((m) => m[1]);
}

/**
 * Parses a Python snippet with Python's own parser and returns the keyword arguments of its assume_role call:
 * literals as values, anything else as `<expr>` plus its source.
 */
export function pythonAssumeRoleArgs(code: string): Record<string, unknown> {
  const script = `
import ast, json, sys
tree = ast.parse(sys.stdin.read())
call = next(n for n in ast.walk(tree) if isinstance(n, ast.Call) and getattr(n.func, "attr", None) == "assume_role")
def value(node):
    try:
        return ast.literal_eval(node)
    except ValueError:
        return "<expr>" + ast.unparse(node)
print(json.dumps({k.arg: value(k.value) for k in call.keywords}))
`;
  return JSON.parse(execFileSync('python3', ['-c', script], { input: code, encoding: 'utf8' })) as Record<string, unknown>;
}

/**
 * Runs the ExternalId argument of a Python snippet's assume_role call with Python, in a namespace made of the
 * snippet's own standard-library imports and top-level constants, and returns the value it evaluates to.
 */
export function pythonExternalId(code: string, env: Record<string, string> = {}): string {
  const script = `
import ast, sys
tree = ast.parse(sys.stdin.read())
namespace = {}
def run(node):
    exec(compile(ast.Module(body=[node], type_ignores=[]), "snippet", "exec"), namespace)
for node in tree.body:
    if isinstance(node, ast.Import) and not any(a.name.split(".")[0] in ("boto3", "botocore") for a in node.names):
        run(node)
    elif isinstance(node, ast.ImportFrom) and node.module.split(".")[0] not in ("boto3", "botocore"):
        run(node)
    elif isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant):
        run(node)
call = next(n for n in ast.walk(tree) if isinstance(n, ast.Call) and getattr(n.func, "attr", None) == "assume_role")
expression = next(k.value for k in call.keywords if k.arg == "ExternalId")
sys.stdout.write(eval(compile(ast.Expression(body=expression), "snippet", "eval"), namespace))
`;
  return execFileSync('python3', ['-c', script], { input: code, encoding: 'utf8', env: { PATH: process.env.PATH, ...env } });
}

/**
 * Evaluates the ExternalId parameter of a TypeScript snippet's fromTemporaryCredentials call, with Node's
 * readFileSync, the given environment as process.env and the snippet's own top-level string constants.
 */
export function typescriptExternalId(code: string, env: Record<string, string> = {}): unknown {
  const file = ts.createSourceFile('snippet.ts', code, ts.ScriptTarget.ES2022, true);
  const constants: Record<string, string> = {};
  for (const statement of file.statements) {
    if (!ts.isVariableStatement(statement)) continue;
    for (const d of statement.declarationList.declarations) {
      if (d.initializer && ts.isStringLiteral(d.initializer)) constants[d.name.getText()] = d.initializer.text;
    }
  }
  const param = fromTemporaryCredentialsParams(code).ExternalId;
  if (typeof param !== 'string' || !param.startsWith('<expr>')) return param;
  const expression = param.slice('<expr>'.length);
  const evaluate = new Function('readFileSync', 'process', ...Object.keys(constants), `return (${expression});`) as (...args: unknown[]) => unknown;
  return evaluate(readFileSync, { env }, ...Object.values(constants));
}

/**
 * The snippet with its secret file path pointed at a fresh file holding `value` and a trailing newline, as
 * `echo value > file` writes it: the snippet must name the path exactly once, as the one place to change it.
 */
export function mountSecret(code: string, path: string, value: string): string {
  const occurrences = code.split(path).length - 1;
  if (occurrences !== 1) throw new Error(`expected ${path} exactly once in the snippet, found ${occurrences}:\n${code}`);
  const file = join(mkdtempSync(join(tmpdir(), 'keyless-secret-')), 'external-id');
  writeFileSync(file, `${value}\n`);
  return code.replace(path, file);
}

/** Syntax errors of a TypeScript snippet, as TypeScript reports them. */
export function typescriptSyntaxErrors(code: string): string[] {
  const { diagnostics = [] } = ts.transpileModule(code, { reportDiagnostics: true, compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } });
  return diagnostics.map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

/** The `params` object passed to fromTemporaryCredentials: literals as values, anything else as `<expr>` plus its source. */
export function fromTemporaryCredentialsParams(code: string): Record<string, unknown> {
  const file = ts.createSourceFile('snippet.ts', code, ts.ScriptTarget.ES2022, true);
  let params: ts.ObjectLiteralExpression | undefined;
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && node.expression.getText() === 'fromTemporaryCredentials') {
      const options = node.arguments[0] as ts.ObjectLiteralExpression;
      const prop = options.properties.find((p) => p.name?.getText() === 'params') as ts.PropertyAssignment;
      params = prop.initializer as ts.ObjectLiteralExpression;
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  if (!params) throw new Error(`no fromTemporaryCredentials({ params }) in:\n${code}`);
  return literal(params) as Record<string, unknown>;
}

function literal(node: ts.Node): unknown {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isNumericLiteral(node)) return Number(node.text);
  if (ts.isArrayLiteralExpression(node)) return node.elements.map(literal);
  if (ts.isObjectLiteralExpression(node)) {
    return Object.fromEntries(node.properties.map((p) => [p.name!.getText(), literal((p as ts.PropertyAssignment).initializer)]));
  }
  return `<expr>${node.getText()}`;
}

/**
 * Runs a shell snippet under bash with `aws` and `hostname` replaced by functions that record their arguments,
 * and returns each recorded `aws` call's arguments plus the exported credentials.
 */
export function runShellSnippet(code: string, env: Record<string, string> = {}): { calls: string[][]; exported: string } {
  const log = join(mkdtempSync(join(tmpdir(), 'keyless-sh-')), 'aws.log');
  const prelude = [
    'set -euo pipefail',
    `aws() { printf '%s\\x1f' "$@" >> "$AWS_LOG"; printf '\\n' >> "$AWS_LOG"; if [ "$1" = sts ]; then printf 'AKIAEXAMPLE\\tsecret-key\\tsession-token\\n'; fi; }`,
    'hostname() { echo node-1; }',
  ].join('\n');
  const script = `${prelude}\n${code}\nprintf '%s %s %s' "$AWS_ACCESS_KEY_ID" "$AWS_SECRET_ACCESS_KEY" "$AWS_SESSION_TOKEN"`;
  // stdin closed: bash reads ~/.bashrc when stdin looks like a remote shell's socket.
  const exported = execFileSync('bash', ['--norc', '--noprofile', '-c', script], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { PATH: process.env.PATH, AWS_LOG: log, ...env },
  });
  const calls = readFileSync(log, 'utf8').trim().split('\n').map((line) => line.split('\x1f').slice(0, -1));
  return { calls, exported };
}

/** `--name value` pairs of a recorded CLI call. */
export function cliOptions(args: readonly string[]): Record<string, string> {
  const options: Record<string, string> = {};
  for (let i = 0; i < args.length; i++) if (args[i].startsWith('--')) options[args[i]] = args[++i];
  return options;
}
