import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Document, isMap, isSeq, Node, parseDocument, Scalar } from 'yaml';
import { planAccounts } from '../../src/policy/account-plan';
import { formatDiagnostic } from '../../src/registry/diagnostics';
import { checkRegistry } from '../../src/registry/load';
import { Registry } from '../../src/registry/model';
import { LOCATED_ERROR, ROOT, runKeyless, STACK_FRAME } from '../e2e';

jest.setTimeout(120_000);

/** Registry files by relative path. */
type Files = Record<string, string>;
type Path = (string | number)[];
type Random = () => number;

/** mulberry32: a small seeded generator, so every failing case can be replayed from its seed. */
function seeded(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(rng: Random, items: readonly T[]): T => items[Math.floor(rng() * items.length)];

function bundledFiles(): Files {
  const files: Files = { 'accounts.yaml': readFileSync(join(ROOT, 'accounts.yaml'), 'utf8') };
  for (const f of readdirSync(join(ROOT, 'apps'))) files[`apps/${f}`] = readFileSync(join(ROOT, 'apps', f), 'utf8');
  // The CA bundle is mutated too: a broken PEM must get located errors like a broken YAML file.
  files['ca/swarm-ca.pem'] = readFileSync(join(ROOT, 'ca', 'swarm-ca.pem'), 'utf8');
  for (const f of readdirSync(join(ROOT, 'policies'))) files[`policies/${f}`] = readFileSync(join(ROOT, 'policies', f), 'utf8');
  return files;
}

/** Read once: each case edits its own copy. */
const BUNDLED: Readonly<Files> = bundledFiles();

/** Every path to a value in the document, mapping keys and list indexes alike. */
function valuePaths(node: unknown, prefix: Path = []): Path[] {
  if (isMap(node)) return node.items.flatMap((p) => {
    const key = (p.key as Scalar).value as string;
    return [[...prefix, key], ...valuePaths(p.value, [...prefix, key])];
  });
  if (isSeq(node)) return node.items.flatMap((item, i) => [[...prefix, i], ...valuePaths(item, [...prefix, i])]);
  return [];
}

/** Applies `edit` to a random value of a random file, through the YAML document so the rest stays intact. */
function editDocument(files: Files, rng: Random, edit: (doc: Document, path: Path) => string): string {
  const file = pick(rng, Object.keys(files));
  const doc = parseDocument(files[file]);
  if (doc.errors.length) return `${file} is no longer YAML, not edited`;
  const paths = valuePaths(doc.contents);
  if (!paths.length) return 'nothing to edit';
  const path = pick(rng, paths);
  const what = edit(doc, path);
  files[file] = doc.toString();
  return `${what} at ${file}:${path.join('.')}`;
}

const STRANGE_VALUES: unknown[] = [42, 111111111111, true, null, '', 'text', [], {}, [1, 'two'], { x: 1 }, '10.0.0.0/8', 'role/*', 3.5, '${aws:username}'];
const GARBAGE = [':', '- ', '[', ']', '{', '"', "'", '\t', '&a ', '*a', '---\n', '#', '\n  ', '!!int ', '? '];

/** Two different app files, or undefined when there are fewer than two. */
function twoApps(files: Files, rng: Random): [string, string] | undefined {
  const apps = Object.keys(files).filter((f) => f.startsWith('apps/'));
  if (apps.length < 2) return undefined;
  const from = pick(rng, apps);
  return [from, pick(rng, apps.filter((f) => f !== from))];
}

/** One random change a developer could make by mistake; returns what it did. */
const MUTATIONS: readonly ((files: Files, rng: Random) => string)[] = [
  // Copy-paste from another app: the same id, ExternalId, bucket or prefix, which only the checks across files catch.
  (files, rng) => {
    const pair = twoApps(files, rng);
    if (!pair) return 'no two apps';
    const [from, to] = pair.map((f) => parseDocument(files[f]));
    if (from.errors.length || to.errors.length) return 'not YAML, not copied';
    const path = pick(rng, [['id'], ['externalId'], ['access', 0, 'bucket'], ['access', 0, 'prefix'], ['access', 0]]);
    if (!from.hasIn(path) || !to.hasIn(path.slice(0, -1))) return `no ${path.join('.')} to copy`;
    to.setIn(path, from.getIn(path, true));
    files[pair[1]] = to.toString();
    return `copy ${path.join('.')} of ${pair[0]} into ${pair[1]}`;
  },
  // Nest an app's prefix inside another's on the same bucket.
  (files, rng) => {
    const pair = twoApps(files, rng);
    if (!pair) return 'no two apps';
    const [from, to] = pair.map((f) => parseDocument(files[f]));
    if (from.errors.length || to.errors.length || !isMap(from.getIn(['access', 0])) || !isMap(to.getIn(['access', 0]))) return 'nothing to nest';
    const prefix = String(from.getIn(['access', 0, 'prefix']) ?? `${String(from.get('id'))}/`).replace(/\/?$/, '/');
    to.setIn(['access', 0, 'bucket'], from.getIn(['access', 0, 'bucket']));
    to.setIn(['access', 0, 'prefix'], `${prefix}nested/`);
    files[pair[1]] = to.toString();
    return `nest ${pair[1]} under ${pair[0]}'s prefix ${prefix}`;
  },
  (files, rng) => editDocument(files, rng, (doc, path) => { doc.deleteIn(path); return 'delete key'; }),
  (files, rng) => editDocument(files, rng, (doc, path) => {
    const value = pick(rng, STRANGE_VALUES);
    doc.setIn(path, doc.createNode(value));
    return `set ${JSON.stringify(value)}`;
  }),
  (files, rng) => editDocument(files, rng, (doc, path) => {
    const parent = path.length > 1 ? doc.getIn(path.slice(0, -1), true) : doc.contents;
    if (!isMap(parent)) return 'no key to rename';
    const pair = parent.items.find((p) => (p.key as Scalar).value === path[path.length - 1])!;
    const key = String((pair.key as Scalar).value);
    const at = Math.floor(rng() * key.length);
    pair.key = new Scalar(key.slice(0, at) + key.slice(at + 1) || 'x') as unknown as Node;
    return `misspell key ${key}`;
  }),
  (files, rng) => {
    const apps = Object.keys(files).filter((f) => f.startsWith('apps/'));
    if (!apps.length) return 'no app to copy';
    const file = pick(rng, apps);
    files[file.replace('.yaml', '-copy.yaml')] = files[file];
    return `duplicate ${file}`;
  },
  (files, rng) => {
    const file = pick(rng, Object.keys(files));
    const at = Math.floor(rng() * files[file].length);
    files[file] = files[file].slice(0, at);
    return `truncate ${file} at ${at}`;
  },
  (files, rng) => {
    const file = pick(rng, Object.keys(files));
    const at = Math.floor(rng() * files[file].length);
    const garbage = pick(rng, GARBAGE);
    files[file] = files[file].slice(0, at) + garbage + files[file].slice(at);
    return `insert ${JSON.stringify(garbage)} into ${file} at ${at}`;
  },
  (files, rng) => {
    const file = pick(rng, Object.keys(files));
    delete files[file];
    return `delete ${file}`;
  },
  (files, rng) => {
    const file = pick(rng, Object.keys(files));
    const lines = files[file].split('\n');
    const i = Math.floor(rng() * lines.length);
    lines.splice(i, 0, lines[Math.floor(rng() * lines.length)]);
    files[file] = lines.join('\n');
    return `duplicate a line of ${file}`;
  },
];

interface Case {
  readonly seed: number;
  readonly steps: readonly string[];
  readonly files: Files;
}

function mutate(seed: number): Case {
  const rng = seeded(seed);
  const files = { ...BUNDLED };
  const steps = Array.from({ length: 1 + Math.floor(rng() * 3) }, () => pick(rng, MUTATIONS)(files, rng));
  return { seed, steps, files };
}

function writeFiles(root: string, files: Files): void {
  rmSync(root, { recursive: true, force: true });
  mkdirSync(join(root, 'apps'), { recursive: true });
  mkdirSync(join(root, 'ca'), { recursive: true });
  mkdirSync(join(root, 'policies'), { recursive: true });
  for (const [file, text] of Object.entries(files)) writeFileSync(join(root, file), text);
}

interface Outcome {
  /** What is wrong with the outcome, or undefined when it is a valid model or located errors. */
  readonly problem?: string;
  readonly valid: boolean;
}

/** Validates one case once: whether it gave a model, and what is wrong with how it did. */
function judge(c: Case, root: string): Outcome {
  let result: ReturnType<typeof checkRegistry>;
  try {
    result = checkRegistry(root, {});
  } catch (e) {
    return { problem: `threw ${(e as Error).stack}`, valid: false };
  }
  const valid = !!result.registry;
  return { problem: problemWith(c, result), valid };
}

function problemWith(c: Case, { registry, diagnostics }: ReturnType<typeof checkRegistry>): string | undefined {
  if (registry) {
    if (diagnostics.some((d) => d.severity === 'error')) return 'model returned despite errors';
    planAccounts(registry);
    return brokenInvariant(registry);
  }
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (!errors.length) return 'no model and no error';
  for (const d of diagnostics) {
    const lines = (c.files[d.location.file] ?? '').split('\n').length;
    const formatted = formatDiagnostic(d);
    if (!/^(accounts\.yaml|apps\/[^:\n]+|ca\/[^:\n]+\.pem|[^:\n]+\.json):\d+:\d+: (error|warning): \S[^\n]*$/.test(formatted)) return `badly formatted: ${formatted}`;
    if (d.location.line < 1 || d.location.line > lines || d.location.column < 1) return `outside its file: ${formatted}`;
  }
  return undefined;
}

/**
 * What a registry that validates must never hold, checked here without the registry's own checks: a mutation that
 * copies an app, renames a bucket or moves a prefix must be refused, not reach the model.
 */
function brokenInvariant(registry: Registry): string | undefined {
  const repeated = (values: string[]) => values.find((v, i) => values.indexOf(v) !== i);
  const id = repeated(registry.apps.map((a) => a.id));
  if (id) return `app id ${id} twice`;
  if (repeated(registry.apps.flatMap((a) => a.externalId ?? []))) return 'one ExternalId for two apps';
  if (repeated(registry.accounts.map((a) => a.id))) return 'one account id for two aliases';
  const buckets = new Set(registry.buckets.map((b) => b.name));
  const aliases = new Set(registry.accounts.map((a) => a.alias));
  for (const b of registry.buckets) if (!aliases.has(b.account)) return `bucket ${b.name} of unknown account ${b.account}`;
  // A prefix another app shares (`from`) belongs to that owner, who must offer it (`shareWith`) on a prefix above it.
  const claims = registry.apps.flatMap((app) => app.access.map((a) => ({ app: app.id, owner: a.from ?? app.id, bucket: a.bucket, prefix: a.prefix })));
  for (const c of claims) {
    if (!buckets.has(c.bucket)) return `app ${c.app} on unknown bucket ${c.bucket}`;
    const other = claims.find((o) => o.owner !== c.owner && o.bucket === c.bucket && (o.prefix.startsWith(c.prefix) || c.prefix.startsWith(o.prefix)));
    if (other) return `apps ${c.app} and ${other.app} share objects under ${c.bucket}/${c.prefix}`;
    const offered = c.owner === c.app || registry.apps.find((a) => a.id === c.owner)?.access
      .some((a) => a.bucket === c.bucket && c.prefix.startsWith(a.prefix) && a.shareWith.some((s) => s.app === c.app));
    if (!offered) return `app ${c.app} reads ${c.bucket}/${c.prefix} from ${c.owner}, who does not share it`;
  }
  for (const app of registry.apps) {
    if (app.consumer.kind === 'principal' && app.consumer.account !== undefined && !aliases.has(app.consumer.account)) return `app ${app.id} consumed from unknown account ${app.consumer.account}`;
  }
  return undefined;
}

describe('fuzz: seeded mutations of the bundled registry', () => {
  const root = join(mkdtempSync(join(tmpdir(), 'keyless-fuzz-')), 'registry');
  const cases = Array.from({ length: 400 }, (_, i) => mutate(1000 + i));
  const outcomes = cases.map((c) => {
    writeFiles(root, c.files);
    return { c, ...judge(c, root) };
  });

  test('GIVEN 400 mutated registries WHEN validated in-process THEN each is a valid model or located errors, never a crash', () => {
    const failures = outcomes.filter((o) => o.problem).map((o) => `seed ${o.c.seed} [${o.c.steps.join('; ')}]: ${o.problem}`);
    expect(failures).toEqual([]);
  });

  test('GIVEN the mutations WHEN counted THEN they exercise both outcomes', () => {
    const valid = outcomes.filter((o) => o.valid).length;
    expect(valid).toBeGreaterThan(0);
    expect(outcomes.length - valid).toBeGreaterThan(valid);
  });

  test('GIVEN the mutations WHEN counted THEN many copy an id, ExternalId or prefix from another app or nest a prefix, for the checks across files', () => {
    expect(outcomes.filter((o) => o.c.steps.some((s) => /^(copy (id|externalId|access)|nest )/.test(s))).length).toBeGreaterThan(40);
  });

  test('GIVEN mutations that copy an app file WHEN validated THEN every one is refused: the copy repeats the id and the prefixes', () => {
    const copies = outcomes.filter((o) => o.c.steps.length === 1 && o.c.steps[0].startsWith('duplicate apps/'));
    expect(copies.length).toBeGreaterThan(0);
    expect(copies.filter((o) => o.valid).map((o) => o.c.seed)).toEqual([]);
  });

  test('GIVEN a handful of them WHEN synthesized by keyless synth THEN exit 1 with located errors and nothing written, or exit 0 with output', async () => {
    const chosen = [...outcomes.filter((o) => !o.valid).slice(0, 4), ...outcomes.filter((o) => o.valid).slice(0, 2)];
    const runs = await Promise.all(chosen.map(async ({ c, valid }) => {
      const dir = mkdtempSync(join(tmpdir(), 'keyless-fuzz-e2e-'));
      writeFiles(join(dir, 'registry'), c.files);
      const outdir = join(dir, 'cdktf.out');
      const result = await runKeyless(['synth'], { REGISTRY_DIR: join(dir, 'registry'), CDKTF_OUTDIR: outdir });
      return { seed: c.seed, valid, result, written: readdirSync(dir).includes('cdktf.out') };
    }));
    for (const { seed, valid, result, written } of runs) {
      const output = `${result.stdout}${result.stderr}`;
      expect({ seed, code: result.code, written }).toEqual({ seed, code: valid ? 0 : 1, written: valid });
      if (!valid) expect(result.stderr).toMatch(LOCATED_ERROR);
      expect(output).not.toMatch(STACK_FRAME);
    }
  });
});
