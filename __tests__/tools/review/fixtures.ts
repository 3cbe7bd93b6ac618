import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** A small registry: a bucket account, a workload account, two buckets, apps written per test. */
export const ACCOUNTS_YAML = `
accounts:
  data:
    id: "111111111111"
    region: eu-central-1
    deployRole: arn:aws:iam::111111111111:role/terraform-deploy
  swarm:
    id: "222222222222"
    region: eu-central-1
buckets:
  reports:
    account: data
    network:
      sourceVpc: [vpc-0abc]
  drop:
    account: data
`;

/** ExternalId values that must never show up in a review. */
export const UPLOADER_SECRET = 'uploader-secret-7f3c9a2e';
export const ARCHIVER_SECRET = 'archiver-secret-94d1e7b3';

export function uploaderYaml(overrides: { prefix?: string; permissions?: string; externalId?: string } = {}): string {
  return `
id: uploader
owner: team-swarm
consumer:
  account: swarm
  principal: role/node
externalId: ${overrides.externalId ?? UPLOADER_SECRET}
sourceIdentity: uploader-*
access:
  - bucket: reports
    prefix: ${overrides.prefix ?? 'uploads/'}
    permissions: [${overrides.permissions ?? 'read, write'}]
`;
}

export function archiverYaml(prefix = 'archive/reports/'): string {
  return `
id: archiver
owner: team-finance
consumer:
  account: swarm
  principal: role/node
externalId: ${ARCHIVER_SECRET}
access:
  - bucket: reports
    prefix: ${prefix}
    permissions: [read, list]
`;
}

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
