import { Registry } from '../../registry/model';
import { AppView, appViews } from './access-view';
import { appRows, Row } from './rows';
import { bucketWarnings, changedAppWarnings, removedAppWarnings, shareWarnings, Warning, workspaceWarnings } from './warnings';
import { touchedWorkspaces } from './workspaces';

export type AppStatus = 'added' | 'changed' | 'removed';

export interface AppChange {
  readonly id: string;
  readonly status: AppStatus;
  readonly before?: AppView;
  readonly after?: AppView;
  readonly rows: readonly Row[];
}

/** What a pull request changes in who can reach what. */
export interface ReviewDiff {
  /** Added, then changed, then removed apps, each group by id. */
  readonly apps: readonly AppChange[];
  readonly workspaces: readonly string[];
  readonly warnings: readonly Warning[];
}

const STATUS_ORDER: readonly AppStatus[] = ['added', 'changed', 'removed'];

export function diffRegistries(before: Registry, after: Registry): ReviewDiff {
  const b = appViews(before);
  const a = appViews(after);
  const ids = [...new Set([...b.keys(), ...a.keys()])].sort();
  const apps = ids
    .map((id) => appChange(id, b.get(id), a.get(id)))
    .filter((c): c is AppChange => c !== undefined)
    .sort((x, y) => STATUS_ORDER.indexOf(x.status) - STATUS_ORDER.indexOf(y.status));
  const warnings = [
    ...apps.flatMap(appWarnings),
    ...shareWarnings(b, a),
    ...bucketWarnings(before, after),
    ...workspaceWarnings(before, after),
  ];
  return { apps, workspaces: touchedWorkspaces(before, after), warnings };
}

/** A new app is what the pull request is for: its access is in the headline and its table, not a warning. */
function appWarnings(change: AppChange): Warning[] {
  if (change.status === 'removed') return removedAppWarnings(change.before!);
  if (change.status === 'changed') return changedAppWarnings(change.before!, change.after!);
  return [];
}

function appChange(id: string, before: AppView | undefined, after: AppView | undefined): AppChange | undefined {
  if (before && after && JSON.stringify(before) === JSON.stringify(after)) return undefined;
  const status: AppStatus = !before ? 'added' : !after ? 'removed' : 'changed';
  return { id, status, before, after, rows: appRows(before, after) };
}
