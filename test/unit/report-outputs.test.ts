// The report stage's outputs for the Action: comment and summary from one rendering, flame-graph files
// named by the measure stage's slugs (not by parsing folder names out of paths).
import { describe, expect, it } from 'vitest';
import { COMMENT_LIMIT } from '../../src/report/markdown.js';
import { renderCommentAndSummary, renderFlames } from '../../src/report/outputs.js';
import { bench, FILE, fnRow, report } from './compare-fixtures.js';
import { standardPair } from './flame-fixtures.js';

const key = (name: string) => `${FILE} > ${name}`;
const marker = '<!-- flamegate:ci/perf -->';

describe('renderCommentAndSummary', () => {
  const sample = report([bench('slow', 'regressed', 0.2)], [fnRow(key('slow'), 'hotLoop', 200)]);
  const { base, head } = standardPair();
  const flames = renderFlames({
    report: sample,
    cpuStacks: { [key('slow')]: { base, head } },
    slugs: { [key('slow')]: '000-slow' },
  });

  it('uses one rendering for both when it fits a comment: the comment is the marker and the summary', () => {
    const out = renderCommentAndSummary(sample, flames, { marker, summaryChars: 1_000_000 });
    expect(out.comment).toBe(`${marker}\n\n${out.summary}`);
    expect(out.summary).not.toContain(marker);
    expect(out.summary).toContain('hotLoop');
  });

  it('renders a comment within the limit when the full report is longer', () => {
    const many = report(
      Array.from({ length: 400 }, (_, i) =>
        bench(`benchmark number ${i} with a long name`, 'regressed', 0.2),
      ),
      Array.from({ length: 400 }, (_, i) =>
        fnRow(key(`benchmark number ${i} with a long name`), `fn${i}`, 100),
      ),
    );
    const out = renderCommentAndSummary(
      many,
      { files: [], sections: {} },
      { marker, summaryChars: 1_000_000 },
    );
    expect(out.summary.length).toBeGreaterThan(COMMENT_LIMIT);
    expect(out.comment.length).toBeLessThan(COMMENT_LIMIT);
    expect(out.comment.startsWith(marker)).toBe(true);
  });
});

describe('renderFlames', () => {
  it('names the files after the slug the measure stage gave the benchmark', () => {
    const { base, head } = standardPair();
    const sample = report([bench('slow', 'regressed', 0.2)], []);
    const flames = renderFlames({
      report: sample,
      cpuStacks: { [key('slow')]: { base, head } },
      slugs: { [key('slow')]: '007-bench_slow' },
    });
    expect(flames.files.map((f) => f.path)).toEqual([
      'flame/007-bench_slow.svg',
      'flame/007-bench_slow.html',
    ]);
    expect(flames.files.every((f) => f.key === key('slow') && f.changed)).toBe(true);
  });
});
