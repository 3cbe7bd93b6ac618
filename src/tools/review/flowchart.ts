import { AppView } from './access-view';
import { AppChange } from './diff';

/** GitHub stops rendering diagrams long before the comment limit; past this many apps the picture is cut. */
export const FLOWCHART_MAX_APPS = 30;

export type NodeKind = 'principal' | 'role' | 'target';

export interface FlowNode {
  readonly id: string;
  readonly kind: NodeKind;
  /** Escaped for a quoted Mermaid label. */
  readonly label: string;
}

export interface FlowEdge {
  readonly from: string;
  readonly to: string;
  /** Escaped for a quoted Mermaid edge label. */
  readonly label: string;
  /** Access that goes away with this change: drawn dashed. */
  readonly removed: boolean;
}

/** Consumer principal → app role → bucket/prefix for the changed apps; the template draws it as `flowchart LR`. */
export interface Flowchart {
  readonly nodes: readonly FlowNode[];
  readonly edges: readonly FlowEdge[];
  /** Changed apps left out to keep the diagram renderable. */
  readonly omittedApps: number;
}

interface RawEdge {
  readonly from: { key: string; kind: NodeKind; label: string };
  readonly to: { key: string; kind: NodeKind; label: string };
  readonly label: string;
}

export function flowchart(changes: readonly AppChange[]): Flowchart {
  const nodes = new Map<string, FlowNode>();
  const nodeId = (n: RawEdge['from']) => {
    const found = nodes.get(n.key);
    if (found) return found.id;
    const id = `n${nodes.size + 1}`;
    nodes.set(n.key, { id, kind: n.kind, label: mermaidLabel(n.label) });
    return id;
  };
  const edges: FlowEdge[] = [];
  const shown = changes.slice(0, FLOWCHART_MAX_APPS);
  for (const change of shown) {
    const now = change.after ? appEdges(change.after) : [];
    const was = new Map((change.before ? appEdges(change.before) : []).map((e) => [edgeKey(e), e]));
    for (const e of now) {
      const old = was.get(edgeKey(e));
      const label = old && old.label !== e.label ? `${e.label} (was: ${old.label})` : e.label;
      edges.push({ from: nodeId(e.from), to: nodeId(e.to), label: mermaidLabel(label), removed: false });
      was.delete(edgeKey(e));
    }
    for (const e of was.values()) {
      edges.push({ from: nodeId(e.from), to: nodeId(e.to), label: mermaidLabel(`removed: ${e.label}`), removed: true });
    }
  }
  return { nodes: [...nodes.values()], edges, omittedApps: changes.length - shown.length };
}

function appEdges(app: AppView): RawEdge[] {
  const principal = { key: `p:${app.principalArn}`, kind: 'principal' as const, label: `${app.principalArn.split(':').pop()} @ ${app.consumerAccount}` };
  const roles = new Map(app.grants.map((g) => [g.roleArn, { key: `r:${g.roleArn}`, kind: 'role' as const, label: `${g.roleArn.split('/').pop()} @ ${g.workspace}` }]));
  return [
    ...[...roles.values()].map((role) => ({ from: principal, to: role, label: `AppId=${app.id}` })),
    ...app.grants.map((g) => ({
      from: roles.get(g.roleArn)!,
      to: { key: `t:${g.bucket}/${g.prefix}`, kind: 'target' as const, label: `s3://${g.bucket}/${g.prefix}` },
      // A share's edge ends at the owner's prefix node, the one the owner's own edge reaches.
      label: g.sharedBy ? `shared by ${g.sharedBy}: ${g.permissions.join(', ')}` : g.permissions.join(', '),
    })),
  ];
}

function edgeKey(e: RawEdge): string {
  return `${e.from.key} -> ${e.to.key}`;
}

/**
 * Text inside a quoted Mermaid label: `"` would end it, and `#`, `&`, `<`, `>` start entities or HTML.
 * Mermaid's own escape is `#code;`; `#` goes first so the codes themselves stay intact.
 */
export function mermaidLabel(text: string): string {
  return text
    .replace(/#/g, '#35;')
    .replace(/"/g, '#quot;')
    .replace(/&/g, '#38;')
    .replace(/</g, '#lt;')
    .replace(/>/g, '#gt;')
    .replace(/\|/g, '#124;')
    .replace(/`/g, '#96;')
    .replace(/\r?\n/g, ' ');
}
