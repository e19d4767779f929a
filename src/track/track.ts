// Track mode: is the default branch getting slower? The pushed commit is measured against its anchor
// (the latest release by default) in one paired run, exactly as a pull request is, and the result is
// kept as one file on the history branch. Used by `flamegate track` and the Action's `mode: track`.
import { loadConfig } from '../config/load.js';
import { entryFromReport } from '../history/entry.js';
import { DEFAULT_HISTORY_BRANCH } from '../history/layout.js';
import { renderTrendPage } from '../history/page.js';
import { type AppendResult, appendRun } from '../history/store.js';
import type { HistoryEntry } from '../model.js';
import { type PipelineResult, runPipeline } from '../pipeline.js';
import type { Settings } from '../settings.js';
import { findRepo, readAtRevision, resolveRevision } from '../workspace/workspace.js';
import { type Anchor, resolveAnchor } from './anchor.js';

export interface TrackOptions {
  /** The anchor as `--anchor` gives it; wins over `baseline:` in the config. */
  anchor?: string;
  say?: (line: string) => void;
}

export interface TrackRun {
  result: PipelineResult;
  anchor: Anchor;
  /** The history branch the config names (`history.branch`), or the default. */
  historyBranch: string;
  /** `thresholds.drift` of the config, when set. */
  drift?: number;
}

/**
 * Finds the anchor and measures `settings.head` against it. The config is read from the pushed
 * commit (it is on the default branch already; the anchor may predate the config), once here for the
 * anchor and the branch, once in the pipeline as every run reads it.
 */
export async function runTrack(settings: Settings, options: TrackOptions = {}): Promise<TrackRun> {
  const { repoRoot } = await findRepo(settings.cwd);
  const head = await resolveRevision(repoRoot, settings.head);
  const config = await loadConfig(settings, {
    sha: head.sha,
    read: (path) => readAtRevision(repoRoot, head.sha, path),
  });
  const anchor = await resolveAnchor(repoRoot, head.sha, options.anchor ?? config.baseline);
  options.say?.(
    `track: ${head.sha.slice(0, 7)} against ${anchor.tag ?? anchor.ref} (${anchor.sha.slice(0, 7)}), the ${anchor.chosenBy}`,
  );
  const result = await runPipeline({
    ...settings,
    base: anchor.sha,
    head: head.sha,
    track: true,
    // Creep can come from anywhere since the anchor: every benchmark is measured unless the config says otherwise.
    defaultSelect: 'all',
  });
  // The report names the revisions as the user knows them: the tag, and the ref that was pushed.
  result.report.base = { ref: anchor.tag ?? anchor.ref, sha: anchor.sha };
  result.report.head = { ref: settings.head, sha: head.sha };
  return {
    result,
    anchor,
    historyBranch: config.historyBranch ?? DEFAULT_HISTORY_BRANCH,
    ...(config.thresholds.drift !== undefined ? { drift: config.thresholds.drift } : {}),
  };
}

/** A finished track run as its history entry (`runUrl`: where its flame graphs are). */
export function entryOf(run: TrackRun, runUrl?: string): HistoryEntry {
  return entryFromReport(run.result.report, {
    time: new Date().toISOString(),
    ...(run.anchor.tag ? { anchorTag: run.anchor.tag } : {}),
    ...(runUrl ? { runUrl } : {}),
    ...(run.drift !== undefined ? { drift: run.drift } : {}),
  });
}

export interface KeepOptions {
  /** The history branch (the config's `history.branch`, else flamegate-data: `TrackRun.historyBranch`). */
  branch: string;
  /** The repository on GitHub, for the trend page's links to each commit. */
  repoUrl?: string;
  title?: string;
}

/**
 * Adds a track run's entry to the history branch of origin, with the trend page regenerated: the one
 * way the CLI and the Action keep a run.
 */
export async function keepRun(
  entry: HistoryEntry,
  cwd: string,
  options: KeepOptions,
): Promise<{ stored: AppendResult; repoRoot: string }> {
  const { repoRoot } = await findRepo(cwd);
  const stored = await appendRun(repoRoot, entry, {
    branch: options.branch,
    page: (entries) => renderTrendPage(entries, { repoUrl: options.repoUrl, title: options.title }),
  });
  return { stored, repoRoot };
}

/** `+4.1% since v2.3.0 (95% CI +3.2% … +5.0%)`-style lines are the page's and the comment's; this is the log's. */
export function trackSummary(entry: HistoryEntry): string {
  const moved = entry.benchmarks.filter(
    (b) => b.change !== undefined && b.ci && (b.ci[0] > 0 || b.ci[1] < 0),
  );
  return `track: ${entry.benchmarks.length} benchmark${entry.benchmarks.length === 1 ? '' : 's'} against ${entry.anchor.tag ?? entry.anchor.ref}; ${moved.length} moved beyond their interval; verdict ${entry.verdict}`;
}
