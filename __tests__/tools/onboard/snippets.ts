import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
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
