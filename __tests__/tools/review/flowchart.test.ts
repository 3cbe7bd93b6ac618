import { loadRegistry } from '../../../src/registry/load';
import { diffRegistries } from '../../../src/tools/review/diff';
import { drawingOrder, flowchart, FLOWCHART_MAX_APPS, mermaidLabel } from '../../../src/tools/review/flowchart';
import { placeholderEnv } from '../../../src/tools/placeholder-env';
import { writeRegistry } from '../../helpers';
import { ACCOUNTS_YAML, archiverYaml, numberedAppYaml, uploaderYaml } from '../fixtures';

const load = (apps: Record<string, string>) => loadRegistry(writeRegistry(ACCOUNTS_YAML, apps), placeholderEnv());

describe('mermaidLabel', () => {
  it('GIVEN characters that end a quoted label or start HTML WHEN escaped THEN they become Mermaid entity codes', () => {
    expect(mermaidLabel('a "b" <c> & #d | `e`')).toBe('a #quot;b#quot; #lt;c#gt; #38; #35;d #124; #96;e#96;');
  });

  it('GIVEN an ARN WHEN escaped THEN it is unchanged', () => {
    expect(mermaidLabel('arn:aws:iam::111111111111:role/keyless/keyless-*')).toBe('arn:aws:iam::111111111111:role/keyless/keyless-*');
  });
});

describe('flowchart', () => {
  it('GIVEN two added apps of one principal WHEN drawn THEN the principal is one node with an edge to each app role', () => {
    const diff = diffRegistries(load({}), load({ uploader: uploaderYaml(), archiver: archiverYaml() }));

    const chart = flowchart(diff.apps);

    expect(chart.nodes.filter((n) => n.kind === 'principal').map((n) => n.label)).toEqual(['role/node @ swarm']);
    expect(chart.nodes.filter((n) => n.kind === 'role').map((n) => n.label)).toEqual(['keyless-archiver @ data', 'keyless-uploader @ data']);
    expect(chart.edges.filter((e) => e.label.startsWith('AppId=')).map((e) => e.from)).toEqual(['n1', 'n1']);
    expect(chart.edges.every((e) => !e.removed)).toBe(true);
  });

  it('GIVEN changed permissions on the same prefix WHEN drawn THEN one solid edge shows the new and the old permissions', () => {
    const diff = diffRegistries(load({ uploader: uploaderYaml() }), load({ uploader: uploaderYaml({ permissions: 'read' }) }));

    expect(flowchart(diff.apps).edges.map((e) => [e.label, e.removed])).toEqual([
      ['AppId=uploader', false],
      ['read (was: read, write)', false],
    ]);
  });

  it('GIVEN more changed apps than a diagram can hold WHEN drawn THEN the rest are counted, not drawn', () => {
    const apps = Object.fromEntries(Array.from({ length: FLOWCHART_MAX_APPS + 2 }, (_, i) => [`a${i}`, numberedAppYaml(i)]));
    const diff = diffRegistries(load({}), load(apps));

    const chart = flowchart(diff.apps);

    expect(chart.omitted).toHaveLength(2);
    expect(chart.nodes.filter((n) => n.kind === 'role')).toHaveLength(FLOWCHART_MAX_APPS);
  });

  it('GIVEN a change adding more apps than a diagram holds and cutting one permission WHEN drawn THEN the cut is drawn first and the left-out apps are named', () => {
    const added = Object.fromEntries(Array.from({ length: FLOWCHART_MAX_APPS + 4 }, (_, i) => [`a${i}`, numberedAppYaml(i)]));
    const diff = diffRegistries(load({ uploader: uploaderYaml() }), load({ ...added, uploader: uploaderYaml({ permissions: 'read' }) }));

    const chart = flowchart(diff.apps, diff.warnings);

    expect(chart.edges.slice(0, 2).map((e) => [e.label, e.removed])).toEqual([['AppId=uploader', false], ['read (was: read, write)', false]]);
    expect(chart.omitted).toHaveLength(5);
    expect(chart.omitted).not.toContain('uploader');
  });

  it('GIVEN removed, widened and added apps WHEN ordered for drawing THEN removed or narrowed access comes first, then widened, then added', () => {
    const other = (id: string) => uploaderYaml({ prefix: `${id}/`, externalId: `${id}-external-id-0123456789` }).replace('id: uploader', `id: ${id}`);
    const before = load({ uploader: uploaderYaml(), archiver: archiverYaml('archive/reports/'), gone: other('gone') });
    const after = load({ uploader: uploaderYaml({ prefix: 'uploads/daily/' }), archiver: archiverYaml('archive/'), fresh: other('fresh') });
    const diff = diffRegistries(before, after);

    expect(drawingOrder(diff.apps, diff.warnings).map((c) => `${c.status} ${c.id}`)).toEqual([
      'changed uploader', 'removed gone', 'changed archiver', 'added fresh',
    ]);
  });
});
