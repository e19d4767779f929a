// What the data branch holds and what it keeps, as pure functions over names (store.ts does the git).
//
//   runs/<time>-<short sha>-<random hex>.json   one file per track run (a HistoryEntry)
//   index.html                                  the trend page, rewritten by every run that has one
//
// One file per run, named by the run and a random suffix, so two runs that race never write the same
// path: the loser of a push rebuilds its commit on the winner's and adds its own file beside it.

/** The branch flamegate keeps its history on, unless told otherwise. */
export const DEFAULT_HISTORY_BRANCH = 'flamegate-data';
/**
 * The run files the branch keeps: the newest 1000. A file is ~1–50 KB (20 benchmarks with their
 * movers ~15 KB), so the tip tree stays within a few tens of MB whatever the history's length.
 */
export const DEFAULT_MAX_RUNS = 1000;
export const RUNS_DIR = 'runs';
export const PAGE_FILE = 'index.html';

/**
 * `20250102T030405.678Z-abc1234-1f2e3d4c.json`: the time first, in UTC without `:` (a Windows checkout
 * of the branch must work), so the names sort as the runs' times do.
 */
export function runFileName(isoTime: string, sha: string, randomHex: string): string {
  const compact = new Date(isoTime).toISOString().replace(/[-:]/g, '');
  return `${compact}-${sha.slice(0, 7)}-${randomHex}.json`;
}

/** Whether a name in runs/ is one of flamegate's run files (others are left alone, never pruned). */
export function isRunFileName(name: string): boolean {
  return /^\d{8}T\d{6}(\.\d+)?Z-[0-9a-f]{7}-[0-9a-f]+\.json$/.test(name);
}

/**
 * The pruning rule: the branch keeps the `maxRuns` newest run files by name (which is by the run's
 * time); the older ones are removed by the run that adds the file over the limit. Names, not contents:
 * an unreadable file ages out like the others.
 */
export function runFilesToPrune(names: readonly string[], maxRuns: number): string[] {
  const runs = names.filter(isRunFileName).sort();
  return runs.slice(0, Math.max(0, runs.length - maxRuns));
}
