import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { checkRegistry } from '../../../src/registry/load';
import { benchAccounts, generateRegistry } from '../../../src/tools/bench/generate-registry';

describe('generateRegistry', () => {
  const roots: string[] = [];
  const generate = (apps: number) => {
    const root = generateRegistry(apps);
    roots.push(root);
    return root;
  };
  afterAll(() => roots.forEach((r) => rmSync(r, { recursive: true, force: true })));

  it('GIVEN 40 apps WHEN the generated YAML is loaded THEN it is a valid registry of 40 apps with no diagnostics', () => {
    const { registry, diagnostics } = checkRegistry(generate(40), {});
    expect(diagnostics).toEqual([]);
    expect(registry?.apps).toHaveLength(40);
    expect(new Set(registry?.apps.map((a) => a.id)).size).toBe(40);
    expect(new Set(registry?.apps.map((a) => a.externalId)).size).toBe(40);
  });

  it('GIVEN 40 apps WHEN loaded THEN two bucket accounts own one bucket each and four node roles consume the apps', () => {
    const { registry } = checkRegistry(generate(40), {});
    const bucketOwners = registry!.buckets.map((b) => b.account);
    expect(new Set(bucketOwners).size).toBe(2);
    expect(bucketOwners).toHaveLength(2);
    const consumers = registry!.apps.map((a) => a.consumer);
    expect(new Set(consumers.map((c) => c.kind === 'principal' && c.principalArn)).size).toBe(4);
    expect(consumers.every((c) => c.kind === 'principal' && c.principalType === 'role' && c.account)).toBe(true);
  });

  it('GIVEN 40 apps WHEN loaded THEN each node role consumes apps of both buckets', () => {
    const { registry } = checkRegistry(generate(40), {});
    const bucketsByPrincipal = new Map<string, Set<string>>();
    for (const app of registry!.apps) {
      const principal = app.consumer.kind === 'principal' ? app.consumer.principalArn : '';
      const buckets = bucketsByPrincipal.get(principal) ?? new Set();
      app.access.forEach((a) => buckets.add(a.bucket));
      bucketsByPrincipal.set(principal, buckets);
    }
    expect([...bucketsByPrincipal.values()].map((b) => b.size)).toEqual([2, 2, 2, 2]);
  });

  it('GIVEN the same app count twice WHEN generated THEN the files are identical, so runs are comparable', () => {
    const [a, b] = [generate(12), generate(12)];
    const files = readdirSync(join(a, 'apps')).sort();
    expect(readdirSync(join(b, 'apps')).sort()).toEqual(files);
    for (const f of ['accounts.yaml', ...files.map((x) => join('apps', x))]) {
      expect(readFileSync(join(b, f), 'utf8')).toBe(readFileSync(join(a, f), 'utf8'));
    }
  });

  it('GIVEN more apps than the default roles per account WHEN the accounts are generated THEN the bucket accounts declare the raised quota', () => {
    const quotas = (apps: number) => Object.fromEntries(Object.entries(benchAccounts(apps).accounts).map(([alias, a]) => [alias, a.roleQuota]));

    expect(Object.values(quotas(1000)).filter(Boolean)).toEqual([]);
    expect(quotas(5000)).toMatchObject({ 'storage-eu': 5000, 'storage-us': 5000, batch: undefined });
  });
});
