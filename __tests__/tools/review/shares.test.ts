import { loadRegistry } from '../../../src/registry/load';
import { diffRegistries } from '../../../src/tools/review/diff';
import { flowchart } from '../../../src/tools/review/flowchart';
import { renderReview } from '../../../src/tools/review/render';
import { placeholderEnv } from '../../../src/tools/placeholder-env';
import { writeRegistry } from '../../helpers';
import { ACCOUNTS_YAML } from '../fixtures';

const load = (apps: Record<string, string>) => loadRegistry(writeRegistry(ACCOUNTS_YAML, apps), placeholderEnv());

const app = (id: string, access: string) =>
  `id: ${id}\nowner: team-${id}\nconsumer: { account: swarm, principal: role/${id} }\nexternalId: ${id}-external-id-0123\naccess:\n${access}`;
/** ingest owns drop/events/; `offer` is its shareWith list, empty for none. */
const ingest = (offer = '') => app('ingest', `  - bucket: drop\n    prefix: events/\n    permissions: [write, list]\n${offer ? `    shareWith: ${offer}\n` : ''}`);
const etl = (permissions = 'read', ownPrefix = true) => app('analytics-etl',
  `  - { bucket: drop, prefix: events/, from: ingest, permissions: [${permissions}] }\n${ownPrefix ? '  - { bucket: drop, prefix: curated/, permissions: [write] }\n' : ''}`);
const READ_OFFER = '[{ app: analytics-etl, permissions: [read] }]';

const unshared = () => load({ ingest: ingest(), 'analytics-etl': app('analytics-etl', '  - { bucket: drop, prefix: curated/, permissions: [write] }\n') });
const shared = (offer = READ_OFFER, permissions = 'read') => load({ ingest: ingest(offer), 'analytics-etl': etl(permissions) });
const warnings = (before: ReturnType<typeof load>, after: ReturnType<typeof load>) =>
  diffRegistries(before, after).warnings.map((w) => `${w.kind} ${w.subject}: ${w.message}`);

describe('review of shares', () => {
  it('GIVEN both sides of a share added WHEN reviewed THEN "new share" is under access widened, app ids as code, and nothing else widens', () => {
    const diff = diffRegistries(unshared(), shared());

    expect(warnings(unshared(), shared())).toEqual(['widened analytics-etl: new share: ingest → analytics-etl, read on s3://drop/events/']);
    const md = renderReview(diff, { base: 'main' });
    const widened = md.slice(md.indexOf('**Access widened**'));
    expect(widened).toContain('> - `analytics-etl`: new share: `ingest` → `analytics-etl`, read on s3://drop/events/\n');
  });

  it('GIVEN a new app that takes a share WHEN reviewed THEN the share is still listed as widened access', () => {
    const before = load({ ingest: ingest() });
    const after = load({ ingest: ingest(READ_OFFER), 'analytics-etl': etl('read', false) });

    expect(diffRegistries(before, after).apps.map((a) => `${a.status} ${a.id}`)).toEqual(['added analytics-etl', 'changed ingest']);
    expect(warnings(before, after)).toEqual(['widened analytics-etl: new share: ingest → analytics-etl, read on s3://drop/events/']);
  });

  it('GIVEN a share removed WHEN reviewed THEN it is under access removed', () => {
    const diff = diffRegistries(shared(), unshared());

    expect(warnings(shared(), unshared())).toEqual(['removed analytics-etl: share removed: ingest → analytics-etl, no longer read on s3://drop/events/']);
    expect(renderReview(diff, { base: 'main' })).toContain('**Access removed**\n> - `analytics-etl`: share removed: `ingest` → `analytics-etl`, no longer read on s3://drop/events/\n');
  });

  it('GIVEN write shared with allowWrite WHEN reviewed THEN the widened share says that the reader can change the owner\'s objects', () => {
    const writable = '[{ app: analytics-etl, permissions: [read, write], allowWrite: true }]';

    expect(warnings(shared(), shared(writable, 'read, write'))).toEqual([
      'widened analytics-etl: share widened: ingest → analytics-etl, write on s3://drop/events/ (allowWrite: analytics-etl can write objects of ingest)',
    ]);
  });

  it('GIVEN a share WHEN the tables are built THEN the reader\'s says who shares its prefix and the owner\'s whom it offers it to', () => {
    const diff = diffRegistries(unshared(), shared());
    const rows = (id: string) => diff.apps.find((a) => a.id === id)!.rows.filter((r) => r.field.includes('shared'));

    expect(rows('analytics-etl')).toEqual([{ field: 'drop: shared by', after: 'ingest', change: 'added' }]);
    expect(rows('ingest')).toEqual([{ field: 'drop: shared with', after: 'analytics-etl (read)', change: 'added' }]);
  });

  it('GIVEN a share WHEN drawn THEN an edge goes from the reader\'s role to the owner\'s prefix node, labelled shared by the owner', () => {
    const chart = flowchart(diffRegistries(load({}), shared()).apps);
    const label = (id: string) => chart.nodes.find((n) => n.id === id)!.label;
    const toEvents = chart.edges.filter((e) => label(e.to) === 's3://drop/events/');

    expect(toEvents.map((e) => [label(e.from), e.label])).toEqual([
      ['keyless-analytics-etl @ data', 'shared by ingest: read'],
      ['keyless-ingest @ data', 'write, list'],
    ]);
  });
});
