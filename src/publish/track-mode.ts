// The Action's `mode: track`: the pushed commit against its anchor (src/track/track.ts), published as
// any run is (job summary, outputs, annotations, the failed step when the creep gate fails), then kept
// as one file on the history branch with the trend page regenerated, and a small trend added to the
// job summary. The push uses the credentials actions/checkout left in the clone (`contents: write`).
import { trendSummary } from '../history/page.js';
import { readHistory } from '../history/store.js';
import { finishRemoval } from '../pipeline.js';
import { exitOutcome } from '../report/infrastructure.js';
import type { Settings } from '../settings.js';
import { entryOf, keepRun, runTrack } from '../track/track.js';
import { appendSummary, log } from './actions.js';
import { type PublishOptions, publishRun } from './run.js';

export interface TrackModeOptions extends PublishOptions {
  anchor?: string;
  historyBranch?: string;
}

export async function runTrackMode(settings: Settings, options: TrackModeOptions): Promise<void> {
  const run = await runTrack(settings, { anchor: options.anchor, say: (line) => log.info(line) });
  const { result } = run;
  try {
    await publishRun(result, { ...options, pullNumber: undefined });
    // No verdict (flamegate's fault, or nothing measured): nothing worth keeping in the history.
    if (exitOutcome(result.report).code === 2) return;
    const branch = options.historyBranch ?? run.historyBranch;
    const { stored, repoRoot } = await keepRun(entryOf(run, options.runUrl), settings.cwd, {
      branch,
      repoUrl: `${options.serverUrl}/${options.owner}/${options.repo}`,
      title: `${options.owner}/${options.repo}`,
    });
    log.info(
      `History: ${stored.file} on ${branch} (commit ${stored.commit.slice(0, 7)}, attempt ${stored.attempts}).`,
    );
    const { entries } = await readHistory(repoRoot, { branch, fetch: false });
    await appendSummary(trendSummary(entries));
  } finally {
    await finishRemoval(result, (line) => log.info(line));
  }
}
