import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { COMMANDS } from '../src/tools/commands';

const PROJECT = join(__dirname, '..');
const WORKFLOWS = join(PROJECT, '.github/workflows');

interface Step {
  readonly id?: string;
  readonly name?: string;
  readonly uses?: string;
  readonly run?: string;
  readonly with?: Record<string, unknown>;
  readonly env?: Record<string, string>;
  readonly 'working-directory'?: string;
}
interface Job {
  readonly steps: readonly Step[];
  readonly environment?: string;
  readonly env?: Record<string, string>;
  readonly permissions?: Record<string, string>;
  readonly defaults?: { run?: { 'working-directory'?: string } };
}
interface Workflow { readonly on: Record<string, unknown>; readonly jobs: Record<string, Job> }

function workflow(file: string): Workflow {
  const doc = parseDocument(readFileSync(join(WORKFLOWS, file), 'utf8'), { uniqueKeys: true });
  if (doc.errors.length) throw new Error(`${file}: ${doc.errors.map((e) => e.message).join('; ')}`);
  return doc.toJS() as Workflow;
}

const files = readdirSync(WORKFLOWS).filter((f) => /\.ya?ml$/.test(f)).sort();
const steps = (w: Workflow) => Object.values(w.jobs).flatMap((j) => j.steps);
const runs = (w: Workflow) => Object.values(w.jobs).flatMap((j) => j.steps.flatMap((s) => (s.run ? [s.run] : [])));
/** `npx --no-install keyless X`: the form that runs the installed keyless, here and in a registry repository. */
const keylessCommands = (script: string) => [...script.matchAll(/\bnpx --no-install keyless\s+([\w:.-]+)/g)].map((m) => m[1]);

describe('GitHub Actions workflows', () => {
  it('GIVEN .github/workflows WHEN listed THEN the pull-request, deploy and mutation workflows are there', () => {
    expect(files).toEqual(['deploy.yml', 'mutation.yml', 'pull-request.yml']);
  });

  it('GIVEN the workflows WHEN those that synthesize are listed THEN they are pull-request and deploy', () => {
    expect(synthesizing).toEqual(['deploy.yml', 'pull-request.yml']);
  });

  it('GIVEN mutation.yml WHEN read THEN it runs npm run mutation on a schedule and pins every action to a commit with its version', () => {
    const text = readFileSync(join(WORKFLOWS, 'mutation.yml'), 'utf8');
    const uses = text.split('\n').filter((line) => /^\s*- uses:/.test(line));

    expect((workflow('mutation.yml') as unknown as { on: Record<string, unknown> }).on.schedule).toBeDefined();
    expect(runs(workflow('mutation.yml'))).toContain('npm run mutation');
    expect(uses.length).toBeGreaterThan(0);
    for (const line of uses) expect(line).toMatch(/^\s*- uses: [\w-]+\/[\w-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+$/);
  });

  // A tag can be moved by whoever controls the action's repository; a commit cannot (the PR job holds a write token).
  it.each(files)('GIVEN %s WHEN its actions are listed THEN each is pinned to a commit SHA with its version in a comment', (file) => {
    const uses = readFileSync(join(WORKFLOWS, file), 'utf8').split('\n').filter((line) => /^\s*(- )?uses:/.test(line));

    expect(uses.length).toBeGreaterThan(0);
    for (const line of uses) expect(line).toMatch(/^\s*(- )?uses: [\w-]+\/[\w-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+$/);
  });

  it.each(files)('GIVEN %s WHEN parsed THEN it is valid YAML with jobs made of steps', (file) => {
    const w = workflow(file);

    expect(Object.keys(w.jobs).length).toBeGreaterThan(0);
    for (const job of Object.values(w.jobs)) expect(job.steps.every((s) => Boolean(s.run) !== Boolean(s.uses))).toBe(true);
  });

  // mutation.yml tests keyless's own sources with `npm run mutation`; keyless init does not copy it to registries.
  it.each(files.filter((f) => f !== 'mutation.yml'))('GIVEN %s WHEN its keyless commands are listed THEN each is a keyless command, never fetched by npx, and no npm script is used', (file) => {
    const script = runs(workflow(file)).join('\n');

    const referenced = [...new Set(keylessCommands(script))];
    const missing = referenced.filter((name) => !COMMANDS.some((c) => c.name === name));

    expect(referenced.length).toBeGreaterThan(0);
    expect(missing).toEqual([]);
    expect(script).not.toMatch(/\bnpx (?!--no-install )/);
    expect(script).not.toMatch(/\bnpm run\b/);
  });

  it.each(files)('GIVEN %s WHEN its Node.js is read THEN it is Node 22 LTS', (file) => {
    const setups = steps(workflow(file)).filter((s) => s.uses?.startsWith('actions/setup-node@'));

    expect(setups.length).toBeGreaterThan(0);
    for (const step of setups) expect(step.with?.['node-version']).toBe(22);
  });
});

/** Stands in for what cdktf.out and a plan hold: a trust policy with its ExternalId. */
const EXTERNAL_ID = 'ext-id-must-not-leak-5d8e';
const PLAN_WITH_CHANGES = `
  # aws_iam_role.app will be created
  + resource "aws_iam_role" "app" {
      + assume_role_policy = jsonencode({ Condition = { StringEquals = { "sts:ExternalId" = "${EXTERNAL_ID}" } } })
    }

Plan: 1 to add, 0 to change, 0 to destroy.
`;
const PLAN_WITH_ERROR = `
╷
│ Error: creating IAM Role (keyless-app): MalformedPolicyDocument
│
│   with aws_iam_role.app,
│   on cdk.tf.json line 12, in resource "aws_iam_role" "app":
│   12:         "assume_role_policy": "{\\"sts:ExternalId\\":\\"${EXTERNAL_ID}\\"}",
╵
`;

/**
 * Runs a workflow step's script as GitHub runs it (bash -e) in a fresh directory, with a \`terraform\` on PATH
 * that prints \`plan\` and exits with \`exitCode\`, and returns the log, the step summary and the files left behind.
 */
function runPlanStep(step: Step, plan: string, exitCode: number): { status: number | null; log: string; stepSummary: string; dir: string } {
  const dir = mkdtempSync(join(tmpdir(), 'keyless-workflow-'));
  const bin = join(dir, '.bin');
  mkdirSync(bin);
  writeFileSync(join(bin, 'terraform'), `#!/bin/sh\ncat <<'PLAN'\n${plan}\nPLAN\nexit ${exitCode}\n`);
  chmodSync(join(bin, 'terraform'), 0o755);
  const summaryFile = join(dir, '.step-summary');
  writeFileSync(summaryFile, '');
  const env = Object.fromEntries(Object.keys(step.env ?? {}).map((k) => [k, k === 'ALIAS' ? 'data' : 'x']));
  const run = spawnSync('bash', ['--noprofile', '--norc', '-e', '-c', step.run!], {
    cwd: dir,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { PATH: `${bin}:${process.env.PATH}`, LC_ALL: 'C.UTF-8', GITHUB_STEP_SUMMARY: summaryFile, ...env },
  });
  return { status: run.status, log: run.stdout + run.stderr, stepSummary: readFileSync(summaryFile, 'utf8'), dir };
}

/** The workflows that synthesize, so hold ExternalIds in cdktf.out and plans (mutation.yml does neither). */
const synthesizing = files.filter((f) => runs(workflow(f)).some((r) => keylessCommands(r).includes('synth')));

describe.each(synthesizing)('%s keeps the ExternalIds in cdktf.out and the plans out of sight', (file) => {
  const w = workflow(file);
  const planSteps = steps(w).filter((s) => /^\s*terraform plan .*-detailed-exitcode/m.test(s.run ?? ''));

  it('GIVEN the upload-artifact steps WHEN their paths are read THEN each uploads only a review or a plan summary, never cdktf.out, a plan file or plan text', () => {
    const uploads = steps(w).filter((s) => s.uses?.startsWith('actions/upload-artifact@'));
    const paths = uploads.flatMap((s) => String(s.with?.path).split('\n').map((p) => p.replace(/#.*/, '').trim()).filter(Boolean));

    expect(paths.length).toBeGreaterThan(0);
    expect(paths.filter((p) => !/^(review\.md|cdktf\.out\/stacks\/\$\{\{ matrix\.workspace\.alias \}\}\/(summary\.md|summary\.txt|has-changes))$/.test(p))).toEqual([]);
  });

  it('GIVEN the workflow WHEN its steps that write the job summary are listed THEN they are the plan steps, whose output is checked below', () => {
    const writers = steps(w).filter((s) => s.run?.includes('GITHUB_STEP_SUMMARY'));

    expect(planSteps.length).toBeGreaterThan(0);
    expect(writers.every((s) => planSteps.includes(s))).toBe(true);
    for (const step of planSteps) expect(step.run).not.toContain('${{');
  });

  it('GIVEN a plan with changes WHEN the plan step runs THEN the log and summaries carry its summary line but not the plan text', () => {
    for (const step of planSteps) {
      const { status, log, stepSummary, dir } = runPlanStep(step, PLAN_WITH_CHANGES, 2);
      const summaryMd = existsSync(join(dir, 'summary.md')) ? readFileSync(join(dir, 'summary.md'), 'utf8') : '';

      expect(status).toBe(0);
      expect(`${log}${stepSummary}${summaryMd}`).not.toContain(EXTERNAL_ID);
      expect(`${log}${stepSummary}${summaryMd}`).not.toContain('assume_role_policy');
      expect(log).toContain('Plan: 1 to add, 0 to change, 0 to destroy.');
      expect(`${stepSummary}${summaryMd}`).toContain('Plan: 1 to add, 0 to change, 0 to destroy.');
      // Nothing a later step could upload by mistake.
      expect([existsSync(join(dir, 'plan.txt')), existsSync(join(dir, 'tfplan'))]).toEqual([false, false]);
    }
  });

  it('GIVEN a failed plan whose error quotes the trust policy WHEN the plan step runs THEN it fails showing only the error line', () => {
    for (const step of planSteps) {
      const { status, log, stepSummary, dir } = runPlanStep(step, PLAN_WITH_ERROR, 1);
      const summaryMd = existsSync(join(dir, 'summary.md')) ? readFileSync(join(dir, 'summary.md'), 'utf8') : '';

      expect(status).not.toBe(0);
      expect(`${log}${stepSummary}${summaryMd}`).not.toContain(EXTERNAL_ID);
      expect(log).toContain('Error: creating IAM Role (keyless-app): MalformedPolicyDocument');
      expect(`${stepSummary}${summaryMd}`).toContain('Error: creating IAM Role (keyless-app): MalformedPolicyDocument');
    }
  });
});

describe('pull-request workflow', () => {
  const w = workflow('pull-request.yml');
  const commands = runs(w).join('\n');

  it('GIVEN a pull request WHEN it runs THEN it checks, synthesizes, verifies and reviews in that order, against the base branch', () => {
    const order = ['npm ci', 'npx --no-install keyless validate', 'npm test', 'npx --no-install keyless synth', 'npx --no-install keyless verify --out cdktf.out', 'npx --no-install keyless review --base "origin/$BASE_REF"'];
    const positions = order.map((c) => commands.indexOf(c));

    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(w.jobs.review.steps.find((s) => s.name === 'review')).toMatchObject({ env: { BASE_REF: '${{ github.base_ref }}' } });
    expect(w.jobs.review.steps[0]).toMatchObject({ uses: expect.stringMatching(/^actions\/checkout@[0-9a-f]{40}$/), with: { 'fetch-depth': 0 } });
  });

  it('GIVEN the plan job WHEN it runs THEN each workspace synthesizes and plans in its stack directory with its OIDC role, in its approved environment', () => {
    const plan = w.jobs.plan;
    const planStep = plan.steps.find((s) => s.name === 'terraform plan')!;

    expect(plan.environment).toBe('keyless-plan-${{ matrix.workspace.alias }}');
    expect(plan.permissions).toMatchObject({ 'id-token': 'write' });
    expect(planStep['working-directory']).toBe('cdktf.out/stacks/${{ matrix.workspace.alias }}');
    expect(plan.steps.find((s) => s.uses?.startsWith('aws-actions/configure-aws-credentials@'))?.with).toMatchObject({ 'role-to-assume': '${{ vars[matrix.workspace.roleVar] }}' });
    expect(runs({ ...w, jobs: { plan } }).join('\n')).toMatch(/npx --no-install keyless synth[\s\S]*terraform plan .*-out=tfplan/);
  });

  it('GIVEN the ungated review job WHEN it runs the pull request\'s code THEN it has no secret, no environment, and synthesizes with stand-in ExternalIds', () => {
    const review = w.jobs.review;

    expect(review.env).toEqual({ KEYLESS_EXTERNAL_IDS: 'stand-in' });
    expect(review.environment).toBeUndefined();
    expect(JSON.stringify(review)).not.toContain('secrets.');
  });

  it('GIVEN the plan job WHEN it plans THEN it runs as the read-only plan role: its own variable, deploy_role_arn emptied', () => {
    expect(runs({ ...w, jobs: { plan: w.jobs.plan } }).join('\n')).toMatch(/terraform plan .*-var deploy_role_arn= /);
    expect(runs({ ...w, jobs: { review: w.jobs.review } }).join('\n')).toContain('roleVar: ("KEYLESS_PLAN_ROLE_"');
  });

  it('GIVEN the comment job WHEN it runs THEN review and plan summaries go into one sticky comment', () => {
    const sticky = w.jobs.comment.steps.filter((s) => s.uses?.startsWith('marocchino/sticky-pull-request-comment@'));

    expect(sticky).toHaveLength(1);
    expect(sticky[0].with).toEqual({ header: 'keyless', path: 'comment.md' });
    expect(runs({ ...w, jobs: { comment: w.jobs.comment } }).join('\n')).toMatch(/cat review\.md[\s\S]*summary\.md[\s\S]*> comment\.md/);
  });
});

describe('deploy workflow', () => {
  const w = workflow('deploy.yml');

  it('GIVEN a push to main WHEN a workspace has changes THEN it is applied in its protected environment only when its plan is the approved one', () => {
    const apply = runs({ ...w, jobs: { apply: w.jobs.apply } }).join('\n');

    expect(w.on).toEqual({ push: { branches: ['main'] } });
    expect(w.jobs.apply.environment).toBe('keyless-${{ matrix.workspace.alias }}');
    expect(w.jobs.plan.environment).toBe('keyless-main-${{ matrix.workspace.alias }}');
    expect(apply).toMatch(/terraform plan [^\n]*-out=tfplan[\s\S]*if \[ "\$summary" != "\$approved" \][\s\S]*terraform apply -input=false -no-color -lock-timeout=5m tfplan/);
    expect(w.jobs.apply.steps.some((s) => s.uses?.startsWith('actions/download-artifact@') && s.with?.name === 'plan-${{ matrix.workspace.alias }}')).toBe(true);
  });

  it('GIVEN the synth job that verifies the merge WHEN it runs THEN it holds no secret and uploads nothing', () => {
    expect(w.jobs.synth.env).toEqual({ KEYLESS_EXTERNAL_IDS: 'stand-in' });
    expect(JSON.stringify(w.jobs.synth)).not.toContain('secrets.');
    expect(w.jobs.synth.steps.some((s) => s.uses?.startsWith('actions/upload-artifact@'))).toBe(false);
  });

  it('GIVEN the deploy plan WHEN it plans THEN the provider keeps assuming the deploy role', () => {
    expect(runs(w).join('\n')).not.toContain('deploy_role_arn');
  });
});

describe.each(files)('%s pins what it runs', (file) => {
  const w = workflow(file);

  it('GIVEN every setup-terraform step WHEN read THEN its version comes from .terraform-version, the one place it is pinned', () => {
    const setups = Object.values(w.jobs).filter((j) => j.steps.some((s) => s.uses?.startsWith('hashicorp/setup-terraform@')));

    // The workflows that plan must have some (mutation.yml runs no Terraform).
    expect(setups.length > 0).toBe(synthesizing.includes(file));
    for (const job of setups) {
      expect(job.steps.find((s) => s.uses?.startsWith('hashicorp/setup-terraform@'))?.with?.terraform_version).toBe('${{ steps.terraform.outputs.version }}');
      expect(job.steps.find((s) => s.id === 'terraform')?.run).toContain('cat .terraform-version');
    }
    expect(readFileSync(join(PROJECT, '.terraform-version'), 'utf8')).toMatch(/^\d+\.\d+\.\d+\n$/);
  });

  it('GIVEN the jobs that use secrets WHEN listed THEN each runs in a GitHub environment', () => {
    const withSecrets = Object.entries(w.jobs).filter(([, job]) => /\$\{\{\s*secrets\./.test(JSON.stringify(job)));

    expect(withSecrets.filter(([, job]) => !job.environment).map(([name]) => name)).toEqual([]);
  });

  it('GIVEN setup-node WHEN read THEN it installs Node 22', () => {
    for (const step of steps(w).filter((s) => s.uses?.startsWith('actions/setup-node@'))) expect(step.with?.['node-version']).toBe(22);
  });
});
