// History entries for the trend page's tests: a series of track runs on the default branch, each the
// pushed commit against its anchor (a release tag), as `flamegate track` writes them.
import type { HistoryBenchmark, HistoryEntry } from '../../src/model.js';

export const REPO = 'https://github.com/acme/widgets';

/** A sha that reads as the run's number: easy to find in a failure message. */
export function sha(n: number, prefix = 'c'): string {
  return `${prefix}${String(n).padStart(6, '0')}`.padEnd(40, '0');
}

export function benchmark(
  name: string,
  change: number,
  halfWidth = 0.004,
  file = 'bench/parse.bench.ts',
): HistoryBenchmark {
  return {
    name,
    file,
    status: change - halfWidth > 0 ? 'regressed' : change + halfWidth < 0 ? 'improved' : 'unchanged',
    change,
    ci: [change - halfWidth, change + halfWidth],
    baseNs: 1000,
    headNs: 1000 * (1 + change),
    movers: [
      { name: 'tokenize', file: 'src/tokenizer.ts', deltaNsPerOp: 1000 * change, shareOfBenchmark: change },
    ],
  };
}

/**
 * `runs` track runs, an hour apart: `parse` creeps by +1% per commit against its anchor, `render`
 * stays flat (±0.2%). With `anchorChangeAt`, the anchor moves from v1.0.0 to v1.1.0 at that run, and
 * the creep restarts from about zero against it.
 */
export function creepEntries(runs = 12, anchorChangeAt?: number): HistoryEntry[] {
  return Array.from({ length: runs }, (_, i) => {
    const newAnchor = anchorChangeAt !== undefined && i >= anchorChangeAt;
    const sinceAnchor = newAnchor ? i - (anchorChangeAt ?? 0) : i;
    return {
      schemaVersion: 1,
      time: new Date(Date.UTC(2025, 0, 1, i)).toISOString(),
      commit: { ref: 'main', sha: sha(i + 1) },
      anchor: newAnchor
        ? { ref: 'refs/tags/v1.1.0', sha: sha(2, 'a'), tag: 'v1.1.0' }
        : { ref: 'refs/tags/v1.0.0', sha: sha(1, 'a'), tag: 'v1.0.0' },
      verdict: 'pass',
      runUrl: `${REPO}/actions/runs/${1000 + i}`,
      benchmarks: [
        benchmark('parse', 0.01 * (sinceAnchor + 1)),
        benchmark('render', i % 2 === 0 ? 0.002 : -0.002, 0.005, 'bench/render.bench.ts'),
      ],
    };
  });
}
