// What a pull request's comment says of creep: the newest track run, on the history branch, of a
// commit in base's history (base itself, or an ancestor: main has moved on since, or not yet been
// tracked). Read before any of the pull request's code runs, like the diff.

import { readHistory } from '../history/store.js';
import type { HistoryEntry } from '../model.js';
import { runGit } from '../workspace/git.js';

/** Newest entries tried against base's history: an older run is stale news anyway. */
const TRIED = 20;

export async function historyForBase(
  repoRoot: string,
  baseSha: string,
  options: { branch: string; fetch: boolean },
): Promise<HistoryEntry | undefined> {
  let entries: HistoryEntry[];
  try {
    ({ entries } = await readHistory(repoRoot, { branch: options.branch, fetch: options.fetch }));
  } catch {
    // No history branch (no track runs yet, or none fetched): the comment says nothing of creep.
    return undefined;
  }
  const newest = [...entries].sort((a, b) => b.time.localeCompare(a.time)).slice(0, TRIED);
  for (const entry of newest) {
    if (entry.commit.sha === baseSha) return entry;
    const ancestor = await runGit(repoRoot, ['merge-base', '--is-ancestor', entry.commit.sha, baseSha]);
    if (ancestor.code === 0) return entry;
  }
  return undefined;
}
