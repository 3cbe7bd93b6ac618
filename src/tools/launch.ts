import { spawn } from 'node:child_process';
import { join, relative } from 'node:path';
import { ENTRY_EXT, PACKAGE_ROOT, TREE_ROOT } from './package';

/** The `keyless` command's entry: `keyless synth` is `launch(KEYLESS_ENTRY, { args: ['synth'] })`. */
export const KEYLESS_ENTRY = 'src/tools/keyless';

export interface LaunchOptions {
  /** Command-line arguments after the entry. */
  readonly args?: readonly string[];
  /** Variables added to this process's environment. */
  readonly env?: Readonly<Record<string, string>>;
  /** Modules loaded before the entry with `--import` (file URLs or specifiers). */
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
 * Runs an entry of this project (a path without extension, e.g. KEYLESS_ENTRY or `modules/empty-app`) in its own
 * node process, the way this process runs: compiled as `node dist/<entry>.js`, or from sources as
 * `node --import tsx <entry>.ts` (what `tsx <entry>` runs, without npx's start-up). Resolves with the exit code
 * whatever it is; the caller decides what is a failure.
 */
export function launch(entry: string, options: LaunchOptions = {}): Promise<Launched> {
  const file = relative(PACKAGE_ROOT, join(TREE_ROOT, `${entry}${ENTRY_EXT}`));
  const loader = ENTRY_EXT === '.ts' ? ['--import', 'tsx'] : [];
  const args = [...loader, ...(options.preload ?? []).flatMap((p) => ['--import', p]), file, ...(options.args ?? [])];
  const command = `node ${args.join(' ')}`;
  const passThrough = options.output === 'stderr';
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, args, {
      cwd: PACKAGE_ROOT,
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
