import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from 'yaml';

const PROJECT = join(__dirname, '..');
const WORKFLOWS = join(PROJECT, '.github/workflows');

interface Step { readonly name?: string; readonly uses?: string; readonly run?: string; readonly with?: Record<string, unknown>; readonly 'working-directory'?: string }
interface Job { readonly steps: readonly Step[]; readonly environment?: string; readonly permissions?: Record<string, string>; readonly defaults?: { run?: { 'working-directory'?: string } } }
interface Workflow { readonly on: Record<string, unknown>; readonly jobs: Record<string, Job> }

function workflow(file: string): Workflow {
  const doc = parseDocument(readFileSync(join(WORKFLOWS, file), 'utf8'), { uniqueKeys: true });
  if (doc.errors.length) throw new Error(`${file}: ${doc.errors.map((e) => e.message).join('; ')}`);
  return doc.toJS() as Workflow;
}

const files = readdirSync(WORKFLOWS).filter((f) => /\.ya?ml$/.test(f)).sort();
const runs = (w: Workflow) => Object.values(w.jobs).flatMap((j) => j.steps.flatMap((s) => (s.run ? [s.run] : [])));
/** `npm run X`, also with npm's own options such as `--silent` before X. */
const npmScripts = (script: string) => [...script.matchAll(/\bnpm run((?:\s+-{1,2}[\w-]+)*)\s+([\w:.-]+)/g)].map((m) => m[2]);

describe('GitHub Actions workflows', () => {
  it('GIVEN .github/workflows WHEN listed THEN the pull-request and deploy workflows are there', () => {
    expect(files).toEqual(['deploy.yml', 'pull-request.yml']);
  });

  it.each(files)('GIVEN %s WHEN parsed THEN it is valid YAML with jobs made of steps', (file) => {
    const w = workflow(file);

    expect(Object.keys(w.jobs).length).toBeGreaterThan(0);
    for (const job of Object.values(w.jobs)) expect(job.steps.every((s) => Boolean(s.run) !== Boolean(s.uses))).toBe(true);
  });

  it.each(files)('GIVEN %s WHEN its `npm run` commands are listed THEN each is a script of package.json', (file) => {
    const scripts = Object.keys((JSON.parse(readFileSync(join(PROJECT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts);

    const referenced = [...new Set(runs(workflow(file)).flatMap(npmScripts))];
    const missing = referenced.filter((name) => !scripts.includes(name));

    expect(referenced.length).toBeGreaterThan(0);
    expect(missing).toEqual([]);
  });
});

describe('pull-request workflow', () => {
  const w = workflow('pull-request.yml');
  const commands = runs(w).join('\n');

  it('GIVEN a pull request WHEN it runs THEN it checks, synthesizes, verifies and reviews in that order, against the base branch', () => {
    const order = ['npm ci', 'npm run validate', 'npm test', 'npm run synth', 'npm run verify -- --out cdktf.out', 'npm run review -- --base "origin/$BASE_REF"'];
    const positions = order.map((c) => commands.indexOf(c));

    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(w.jobs.review.steps.find((s) => s.name === 'review')).toMatchObject({ env: { BASE_REF: '${{ github.base_ref }}' } });
    expect(w.jobs.review.steps[0]).toMatchObject({ uses: 'actions/checkout@v4', with: { 'fetch-depth': 0 } });
  });

  it('GIVEN the plan job WHEN it runs THEN each workspace plans in its stack directory with its OIDC role and keeps the plan file', () => {
    const plan = w.jobs.plan;
    const uses = plan.steps.map((s) => s.uses).filter(Boolean);

    expect(plan.permissions).toMatchObject({ 'id-token': 'write' });
    expect(plan.defaults?.run?.['working-directory']).toBe('cdktf.out/stacks/${{ matrix.workspace.alias }}');
    expect(plan.steps.find((s) => s.uses?.startsWith('aws-actions/configure-aws-credentials@'))?.with).toMatchObject({ 'role-to-assume': '${{ vars[matrix.workspace.roleVar] }}' });
    expect(runs({ ...w, jobs: { plan } }).join('\n')).toMatch(/terraform plan .*-out=tfplan/);
    expect(uses).toContain('actions/upload-artifact@v4');
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

  it('GIVEN a push to main WHEN a workspace has changes THEN it is applied from the saved plan in its protected environment', () => {
    expect(w.on).toEqual({ push: { branches: ['main'] } });
    expect(w.jobs.apply.environment).toBe('keyless-${{ matrix.workspace.alias }}');
    expect(runs({ ...w, jobs: { apply: w.jobs.apply } })).toContain('terraform apply -input=false -no-color -lock-timeout=5m tfplan');
    expect(w.jobs.apply.steps.some((s) => s.uses === 'actions/download-artifact@v4' && s.with?.name === 'plan-${{ matrix.workspace.alias }}')).toBe(true);
  });
});
