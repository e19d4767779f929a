import { describe, expect, it } from 'vitest';
import { renderTrendPage, sparkline, trendSummary } from '../../src/history/page.js';
import type { HistoryEntry } from '../../src/model.js';
import { benchmark, creepEntries, REPO, sha } from '../helpers/trend-entries.js';

/** The page's JSON data, read back as the page script reads it. */
function pageData(html: string) {
  const match = /<script type="application\/json" id="trend-data">([\s\S]*?)<\/script>/.exec(html);
  if (!match?.[1]) throw new Error('no trend data in the page');
  return JSON.parse(match[1]) as {
    runs: { sha: string; commitUrl?: string; runUrl?: string }[];
    anchors: { index: number; label: string }[];
    benchmarks: {
      name: string;
      change: (number | null)[];
      low: (number | null)[];
      high: (number | null)[];
    }[];
  };
}

const HOSTILE = [
  '</script><script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<!-- comment',
  '" onmouseover="alert(1)',
  '@octocat | pipe `tick` \n# heading',
  '\u2028line separator',
];

function hostileEntries(): HistoryEntry[] {
  return creepEntries(3).map((entry) => ({
    ...entry,
    anchor: { ...entry.anchor, tag: '<b>v9</b>' },
    runUrl: 'javascript:alert(1)',
    benchmarks: HOSTILE.map((name, i) => ({
      ...benchmark(name, 0.01 * i, 0.004, `bench/${name}.bench.ts`),
      movers: [{ name, file: `src/${name}.ts`, deltaNsPerOp: 5 }],
    })),
  }));
}

describe('renderTrendPage', () => {
  const html = renderTrendPage(creepEntries(12, 6), { repoUrl: `${REPO}/`, title: 'widgets' });

  it('is self-contained: no external script, stylesheet, image or frame, and a CSP that forbids loading', () => {
    expect(html).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src 'none';/);
    expect(html).not.toMatch(/<script[^>]*\ssrc=/i);
    expect(html).not.toMatch(/<link\b/i);
    expect(html).not.toMatch(/<(img|iframe|object|embed)\b/i);
    expect(html).not.toMatch(/@import|url\(\s*['"]?https?:/i);
    // uPlot and its CSS are inlined.
    expect(html).toContain('.uplot');
    expect(html).toMatch(/new \w+\(opts/);
    // The only http(s) URLs are links (<a href>) to the repository's commits and runs.
    const hrefs = [...html.matchAll(/\shref="([^"]*)"/g)].map((m) => m[1] ?? '');
    const external = hrefs.filter((h) => /^https?:/.test(h));
    expect(external.length).toBeGreaterThan(0);
    for (const href of external) expect(href.startsWith(`${REPO}/`)).toBe(true);
  });

  it('links each commit and each run, and orders the creeping benchmark first', () => {
    expect(html).toContain(`href="${REPO}/commit/${sha(12)}"`);
    expect(html).toContain(`href="${REPO}/actions/runs/1011"`);
    const data = pageData(html);
    expect(data.runs).toHaveLength(12);
    expect(data.runs[0]?.commitUrl).toBe(`${REPO}/commit/${sha(1)}`);
    expect(data.benchmarks.map((b) => b.name)).toEqual(['parse', 'render']);
    expect(data.benchmarks[0]?.change).toEqual([1, 2, 3, 4, 5, 6, 1, 2, 3, 4, 5, 6]);
    expect(data.benchmarks[0]?.low[0]).toBeCloseTo(0.6);
    expect(data.anchors).toEqual([
      { index: 0, label: 'v1.0.0' },
      { index: 6, label: 'v1.1.0' },
    ]);
    // The overview: latest change and slope since the anchor, +1%/run.
    expect(html).toMatch(
      />parse<\/a><\/td><td class="file">bench\/parse\.bench\.ts<\/td><td class="num slower">\+6\.0%</,
    );
    expect(html).toContain('+1.0%/run');
  });

  it('orders the runs by time, not by the order they were read in', () => {
    const data = pageData(renderTrendPage(creepEntries(5).reverse()));
    expect(data.runs.map((r) => r.sha)).toEqual([1, 2, 3, 4, 5].map((n) => sha(n)));
    expect(data.benchmarks[0]?.change).toEqual([1, 2, 3, 4, 5]);
  });

  it('escapes hostile names and drops links that are not http(s)', () => {
    const page = renderTrendPage(hostileEntries(), { repoUrl: REPO });
    // One script element of data and one of code: no name ends one or opens another.
    expect(page.match(/<script\b/g)).toHaveLength(2);
    expect(page.match(/<\/script>/g)).toHaveLength(2);
    const json =
      /<script type="application\/json" id="trend-data">([\s\S]*?)<\/script>/.exec(page)?.[1] ?? '';
    expect(json).not.toMatch(/[<>&\u2028]/);
    // The HTML outside the two scripts: every name is text.
    const markup = page.replace(/<script\b[\s\S]*?<\/script>/g, '');
    expect(markup).not.toContain('<img');
    expect(markup).not.toContain('<b>v9');
    expect(markup).not.toContain('<!-- comment');
    expect(markup).not.toContain('" onmouseover');
    expect(page).not.toContain('javascript:');
    expect(markup).toContain('&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(markup).toContain('&lt;b&gt;v9&lt;/b&gt;');
    const data = pageData(page);
    expect(data.benchmarks.map((b) => b.name).sort()).toEqual([...HOSTILE].sort());
    expect(data.runs[0]?.runUrl).toBeUndefined();
  });

  it('says so with no runs', () => {
    const page = renderTrendPage([]);
    expect(page).toContain('No track runs yet.');
    expect(pageData(page).benchmarks).toEqual([]);
  });
});

describe('trendSummary', () => {
  it('shows each benchmark as a sparkline with the latest change and interval, the creep first', () => {
    const md = trendSummary(creepEntries(12));
    expect(md).toContain('#### Trend against `v1.0.0`, last 12 runs');
    const rows = md.split('\n').filter((l) => l.startsWith('| `'));
    expect(rows).toHaveLength(2);
    expect(rows[0]).toBe('| `parse` | ▂▂▃▃▄▅▅▆▆▇▇█ | +12.0% | +11.6% … +12.4% | +1.0%/run |');
    // The scale includes zero, so +1% is not the lowest block. Flat: the blocks stay around the middle, not stretched into a swing.
    expect(rows[1]).toMatch(/^\| `render` \| [▄▅]{12} \| −0\.2% \| /);
  });

  it('keeps the last N runs', () => {
    const md = trendSummary(creepEntries(30), { last: 5 });
    expect(md).toContain('last 5 runs');
    expect(md).toContain('+30.0%');
    expect(md).toMatch(/\| `parse` \| \S{5} \|/);
  });

  it('quotes names as code on one line: no mention, no HTML, no broken cell', () => {
    const md = trendSummary(hostileEntries());
    const rows = md.split('\n').filter((l) => l.startsWith('| '));
    // Header, separator and one row per benchmark: the newline in a name did not start a line.
    expect(rows).toHaveLength(2 + HOSTILE.length);
    expect(md).toContain('``@octocat \\| pipe `tick`  # heading``');
    expect(md).toContain('`<img src=x onerror=alert(1)>`');
    expect(md).toContain('`<b>v9</b>`');
  });

  it('is empty with no runs', () => {
    expect(trendSummary([])).toBe('');
  });
});

describe('sparkline', () => {
  it('leaves a gap where a run did not measure, and includes zero in its scale', () => {
    expect(sparkline([0.1, undefined, 0.2])).toBe('▅ █');
    expect(sparkline([-0.1, 0, 0.1])).toBe('▁▅█');
  });
});
