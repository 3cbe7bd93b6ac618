import { spawn } from 'node:child_process';
import { resolve } from 'node:path';

/** The project root: where `tsx` resolves and the entry points live, whatever the registry root is. */
export const PROJECT_ROOT = resolve(__dirname, '../..');
/** What `npm run synth` runs. */
export const MAIN_ENTRY = 'main.ts';

export interface LaunchOptions {
  /** Command-line arguments after the entry. */
  readonly args?: readonly string[];
  /** Variables added to this process's environment. */
  readonly env?: Readonly<Record<string, string>>;
  /** Modules loaded before the entry with `--import`, after tsx (file URLs or specifiers). */
  readonly preload?: readonly string[];
  /**
   * `capture` (default): the child's stdout and stderr are returned. `stderr`: both go straight to this process's
   * stderr as the child writes them, keeping this process's stdout for its own report.
   */
  readonly output?: 'capture' | 'stderr';
}

export interface Launched {
  /** -1 when the child was killed by a signal: never a code an entry exits with. */
  readonly exitCode: number;
  /** What the child printed; empty with `output: 'stderr'`. */
  readonly stdout: string;
  readonly stderr: string;
  /** The command line, for messages. */
  readonly command: string;
}

/**
 * Runs a TypeScript entry of this project as `node --import tsx <entry>` in PROJECT_ROOT: what `tsx <entry>` runs,
 * without npx's own start-up. Resolves with the exit code whatever it is; the caller decides what is a failure.
 */
export function launch(entry: string, options: LaunchOptions = {}): Promise<Launched> {
  const args = ['--import', 'tsx', ...(options.preload ?? []).flatMap((p) => ['--import', p]), entry, ...(options.args ?? [])];
  const command = `node ${args.join(' ')}`;
  const passThrough = options.output === 'stderr';
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, args, {
      cwd: PROJECT_ROOT,
      env: { ...process.env, ...options.env },
      // fd 2 for stdout too: the child's progress lines must not mix with this process's report on stdout.
      stdio: passThrough ? ['ignore', 2, 'inherit'] : ['ignore', 'pipe', 'pipe'],
    });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout?.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr?.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.on('error', fail);
    child.on('close', (code) =>
      done({ exitCode: code ?? -1, stdout: Buffer.concat(stdout).toString(), stderr: Buffer.concat(stderr).toString(), command }));
  });
}
