import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const GIT_IDENTITY = ['-c', 'user.name=keyless-test', '-c', 'user.email=test@example.com', '-c', 'commit.gpgsign=false'];

const created: string[] = [];

/** Deletes every repository the fixtures made; call from afterAll. */
export function removeGitFixtures(): void {
  for (const repo of created.splice(0)) rmSync(repo, { recursive: true, force: true });
}

/** A throw-away git repository whose registry lives in `subdir`; tests commit versions of it. */
export class GitFixture {
  readonly repo: string;
  readonly root: string;

  constructor(subdir = '') {
    this.repo = mkdtempSync(join(tmpdir(), 'keyless-git-'));
    created.push(this.repo);
    this.root = join(this.repo, subdir);
    this.git('init', '-q');
  }

  write(files: Record<string, string>): this {
    for (const [path, text] of Object.entries(files)) {
      const target = join(this.root, path);
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, text);
    }
    return this;
  }

  remove(path: string): this {
    rmSync(join(this.root, path));
    return this;
  }

  commit(message: string): this {
    this.git('add', '-A');
    this.git(...GIT_IDENTITY, 'commit', '-q', '--allow-empty', '-m', message);
    return this;
  }

  git(...args: string[]): string {
    return execFileSync('git', args, { cwd: this.repo, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  }
}
