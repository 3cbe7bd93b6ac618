import { renderTemplate, TEMPLATES_DIR } from '../templates';
import { VerifyReport } from '../verify/types';
import { BucketChange } from './bucket-changes';
import { AppChange, ReviewDiff } from './diff';
import { Row } from './rows';
import { Flowchart, flowchart } from './flowchart';
import { VerifySection, verifySection } from './verify-section';
import { Warning } from './warnings';

/** GitHub rejects a comment body longer than this. */
export const GITHUB_COMMENT_MAX_CHARS = 65536;

export interface RenderOptions {
  /** The git ref compared against, as the user typed it. */
  readonly base: string;
  readonly verify?: VerifyReport;
  readonly maxChars?: number;
  readonly templatesDir?: string;
  /** The base registry's errors when it did not validate (it was then compared as empty). */
  readonly baseProblems?: readonly string[];
}

/** Base errors listed in the comment; the rest are counted. */
const BASE_PROBLEMS_SHOWN = 10;

/** What templates/review.md.hbs receives. */
export interface ReviewView {
  readonly base: string;
  readonly hasChanges: boolean;
  readonly added: readonly string[];
  readonly changed: readonly string[];
  readonly removed: readonly string[];
  readonly workspaces: readonly string[];
  readonly removedWarnings: readonly Warning[];
  readonly widenedWarnings: readonly Warning[];
  readonly consumerWarnings: readonly Warning[];
  /**
   * The apps whose tables are shown: all of them unless the comment had to be truncated. A changed app's `rows`
   * are the rows that changed; the others are in `unchanged`, which the template collapses.
   */
  readonly apps: readonly AppTable[];
  /** Buckets whose AWS service grants or kept statements change. */
  readonly buckets: readonly BucketChange[];
  readonly flowchart: Flowchart;
  readonly verify: VerifySection;
  readonly truncated?: { readonly shown: number; readonly total: number };
  /** The base did not validate: its first errors, and how many more there are. */
  readonly brokenBase?: { readonly problems: readonly string[]; readonly more: number };
}

/** One app's table: rows that differ, and (for a changed app) the unchanged rest. */
export interface AppTable extends AppChange {
  readonly unchanged: readonly Row[];
}

/** Used only when even the headline and warnings exceed the limit. */
const HARD_CUT_NOTE = '\n\n> [!NOTE]\n> Truncated to fit a GitHub comment; run the review locally for the full text.\n';

/** The review as Markdown, within the comment limit: app tables are dropped from the end until it fits. */
export function renderReview(diff: ReviewDiff, options: RenderOptions): string {
  const max = options.maxChars ?? GITHUB_COMMENT_MAX_CHARS;
  const render = (shown: number) => renderTemplate('review', reviewView(diff, options, shown), options.templatesDir ?? TEMPLATES_DIR);
  const full = render(diff.apps.length);
  if (full.length <= max) return full;
  // Longest prefix of app tables that fits; the text only grows with the number of apps shown.
  let [fits, tooLong] = [-1, diff.apps.length];
  while (tooLong - fits > 1) {
    const mid = Math.floor((fits + tooLong) / 2);
    if (render(mid).length <= max) fits = mid;
    else tooLong = mid;
  }
  return fits >= 0 ? render(fits) : hardCut(render(0), max);
}

function reviewView(diff: ReviewDiff, options: RenderOptions, shown: number): ReviewView {
  const ids = (status: AppChange['status']) => diff.apps.filter((a) => a.status === status).map((a) => a.id);
  const apps = diff.apps.slice(0, shown);
  const live = apps.filter((a) => a.after);
  const buckets = [...new Set(live.flatMap((a) => a.after!.grants.map((g) => g.bucket)))];
  return {
    base: options.base,
    hasChanges: diff.apps.length > 0 || diff.workspaces.length > 0 || diff.warnings.length > 0 || diff.buckets.length > 0,
    added: ids('added'),
    changed: ids('changed'),
    removed: ids('removed'),
    workspaces: diff.workspaces,
    removedWarnings: diff.warnings.filter((w) => w.kind === 'removed'),
    widenedWarnings: diff.warnings.filter((w) => w.kind === 'widened'),
    consumerWarnings: diff.warnings.filter((w) => w.kind === 'consumer'),
    apps: apps.map(appTable),
    buckets: diff.buckets,
    // Every changed app, riskiest first, whichever tables fit.
    flowchart: flowchart(diff.apps, diff.warnings),
    verify: verifySection(options.verify, live.map((a) => a.id), buckets),
    truncated: shown < diff.apps.length ? { shown, total: diff.apps.length } : undefined,
    brokenBase: options.baseProblems?.length
      ? { problems: options.baseProblems.slice(0, BASE_PROBLEMS_SHOWN), more: Math.max(0, options.baseProblems.length - BASE_PROBLEMS_SHOWN) }
      : undefined,
  };
}

function appTable(change: AppChange): AppTable {
  if (change.status !== 'changed') return { ...change, unchanged: [] };
  return { ...change, rows: change.rows.filter((r) => r.change !== 'same'), unchanged: change.rows.filter((r) => r.change === 'same') };
}

/** Cuts at a line boundary and closes a code block left open, so the rest still renders. */
function hardCut(text: string, max: number): string {
  const budget = max - HARD_CUT_NOTE.length - '\n```'.length;
  let cut = text.slice(0, Math.max(0, text.lastIndexOf('\n', budget)));
  if ((cut.match(/^```/gm) ?? []).length % 2 === 1) cut += '\n```';
  return cut + HARD_CUT_NOTE;
}
