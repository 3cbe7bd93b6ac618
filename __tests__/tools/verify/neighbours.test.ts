import fc from 'fast-check';
import { prefixesOverlap } from '../../../src/registry/prefix';
import { loadRegistry } from '../../../src/registry/load';
import { Access, App, Registry } from '../../../src/registry/model';
import { generateRegistry } from '../../../src/tools/bench/generate-registry';
import { externalIdNeighbour, neighbourApp, neighbourPrefix, otherKindApp } from '../../../src/tools/verify/neighbours';
import { BUNDLED_ROOT, fixture, UNSEEN_ENV } from '../../helpers';
import { ACCOUNTS, app, registryOnDisk } from '../../registry/fixtures';
import { validate, validRegistry } from '../../property/registry-arbitrary';
import { settings } from '../../property/settings';

/**
 * What the neighbours were before they were indexed: a scan of every app for each app, which is what they must still
 * answer (the index only finds the same app sooner).
 */
const scan = {
  neighbourApp(registry: Registry, app: App): string | undefined {
    const others = registry.apps.filter((a) => a.id !== app.id);
    const sameKind = others.filter((a) => a.consumer.kind === app.consumer.kind);
    const closest = sameKind.find((a) => JSON.stringify(a.consumer) === JSON.stringify(app.consumer)
      || (a.consumer.kind === 'principal' && app.consumer.kind === 'principal' && a.consumer.principalArn === app.consumer.principalArn));
    return (closest ?? sameKind[0] ?? scan.otherKindApp(registry, app) ?? others[0])?.id;
  },
  otherKindApp(registry: Registry, app: App): App | undefined {
    const others = registry.apps.filter((a) => a.consumer.kind !== app.consumer.kind);
    const buckets = new Set(app.access.map((a) => a.bucket));
    return others.find((a) => a.access.some((x) => buckets.has(x.bucket))) ?? others[0];
  },
  externalIdNeighbour(registry: Registry, app: App): string | undefined {
    const id = scan.neighbourApp(registry, app);
    if (registry.apps.find((a) => a.id === id)?.externalId !== undefined) return id;
    return registry.apps.find((a) => a.id !== app.id && a.externalId !== undefined)?.id;
  },
  neighbourPrefix(registry: Registry, app: App, access: Access): { app: string; prefix: string } | undefined {
    for (const other of registry.apps) {
      if (other.id === app.id || other.id === access.from) continue;
      const reaches = (prefix: string) => app.access.some((a) => a.bucket === access.bucket && prefixesOverlap(a.prefix, prefix));
      const found = other.access.find((a) => !a.from && a.bucket === access.bucket && !reaches(a.prefix));
      if (found) return { app: other.id, prefix: found.prefix };
    }
    return undefined;
  },
};

/** Every neighbour of every app (and of each of its entries), as the indexed functions and the scan find them. */
function neighbours(registry: Registry): { indexed: unknown[]; scanned: unknown[] } {
  const known = (id: string) => (registry.apps.some((a) => a.id === id) ? id : undefined);
  return {
    indexed: registry.apps.map((app) => [
      known(neighbourApp(registry, app).id), otherKindApp(registry, app)?.id, known(externalIdNeighbour(registry, app).id),
      app.access.map((access) => neighbourPrefix(registry, app, access)),
    ]),
    scanned: registry.apps.map((app) => [
      scan.neighbourApp(registry, app), scan.otherKindApp(registry, app)?.id, scan.externalIdNeighbour(registry, app),
      app.access.map((access) => scan.neighbourPrefix(registry, app, access)),
    ]),
  };
}

describe('neighbours', () => {
  it.each([
    ['the bundled registry', () => loadRegistry(BUNDLED_ROOT, {})],
    ['the unseen fixture', () => loadRegistry(fixture('unseen'), UNSEEN_ENV)],
    ['a 40-app bench registry', () => loadRegistry(generateRegistry(40), {})],
    // c's consumer is a's principal, written with accountId: the same ARN, another consumer (no account alias).
    ['apps naming one principal by account and by accountId, another between them', () => registryOnDisk(ACCOUNTS, {
      a: app('a'),
      b: app('b').replace('principal: role/node', 'principal: role/other'),
      c: app('c').replace('  account: swarm\n', '  accountId: "222222222222"\n'),
    })],
  ])('GIVEN %s WHEN every app\'s neighbours are found THEN they are those a scan of every app finds', (_name, load) => {
    const { indexed, scanned } = neighbours(load());
    expect(indexed).toEqual(scanned);
  });

  it('GIVEN random valid registries WHEN every app\'s neighbours are found THEN they are those a scan of every app finds', () => {
    fc.assert(fc.property(validRegistry, (spec) => {
      const { registry } = validate(spec);
      const { indexed, scanned } = neighbours(registry!);
      expect(indexed).toEqual(scanned);
    }), settings);
  });
});
