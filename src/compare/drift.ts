// The creep line of a pull request's comment: what the newest track run in base's history found
// against its anchor (a release), next to this pull request's own change. Pure: the history entry is
// read by the pipeline (before any of the pull request's code runs), the report is compare's.
import type { DriftNote, HistoryEntry, Report } from '../model.js';

/** At most this many drifted benchmarks are listed: the comment is about the pull request. */
export const DRIFT_SHOWN = 10;

/**
 * The benchmarks of `entry` that drifted (their interval excludes zero) and that this run knows,
 * largest drift first; undefined when none did, so nothing is shown when nothing has drifted.
 */
export function driftNote(entry: HistoryEntry, report: Pick<Report, 'benchmarks'>): DriftNote | undefined {
  const ours = new Map(report.benchmarks.map((b) => [`${b.file}\0${b.name}`, b]));
  const benchmarks = entry.benchmarks
    .filter((b) => b.change !== undefined && b.ci !== undefined && (b.ci[0] > 0 || b.ci[1] < 0))
    .filter((b) => ours.has(`${b.file}\0${b.name}`))
    .map((b) => {
      const pr = ours.get(`${b.file}\0${b.name}`);
      const measured =
        pr && (pr.status === 'regressed' || pr.status === 'improved' || pr.status === 'unchanged');
      return {
        name: b.name,
        file: b.file,
        change: b.change as number,
        ci: b.ci as [number, number],
        ...(measured ? { prChange: pr.change } : {}),
      };
    })
    .sort((x, y) => Math.abs(y.change) - Math.abs(x.change))
    .slice(0, DRIFT_SHOWN);
  if (benchmarks.length === 0) return undefined;
  return {
    anchor: { ref: entry.anchor.tag ?? entry.anchor.ref, sha: entry.anchor.sha },
    commit: entry.commit.sha,
    time: entry.time,
    benchmarks,
  };
}
