// The trend page and the job summary's trend: how each benchmark's change against the anchor (usually
// the last release) moved, run by run, on the default branch. The page is one self-contained HTML file
// (it is published on GitHub Pages and opened from the data branch, and must load nothing from the
// network): uPlot and its CSS are inlined, the data sits in a JSON <script> element, and the charts are
// drawn by page-script.ts.

import { codeName, escapeHtml, jsonForScript } from '../escape.js';
import { formatDeltaNs, formatInterval, formatPercent, plural, shortSha } from '../format.js';
import type { HistoryBenchmark, HistoryEntry } from '../model.js';
import type { TrendAnchor, TrendData, TrendRun, TrendSeries } from './page-data.js';
import TREND_SCRIPT from './page-script.js?script';

export interface TrendPageOptions {
  /** e.g. https://github.com/owner/repo: commits link to `${repoUrl}/commit/${sha}`. */
  repoUrl?: string;
  title?: string;
}

/** One benchmark across the runs, as fractions (head/base − 1), oldest run first. */
export interface BenchmarkTrend {
  name: string;
  file: string;
  /** One per run; undefined where the run did not measure it on both sides. */
  points: (HistoryBenchmark | undefined)[];
  /** The last run that measured it, and its index. */
  latest?: { index: number; benchmark: HistoryBenchmark & { change: number } };
  /** Least-squares slope of the change per run, over the runs against the latest anchor (3 or more). */
  slopePerRun?: number;
  /** How many runs the slope is over. */
  slopeRuns: number;
}

/** The runs oldest first. ISO times in UTC sort as text; a time that does not parse keeps its place. */
export function runsInOrder(entries: readonly HistoryEntry[]): HistoryEntry[] {
  return entries
    .map((entry, index) => ({ entry, index, t: Date.parse(entry.time) }))
    .sort((a, b) =>
      Number.isNaN(a.t) || Number.isNaN(b.t) ? a.index - b.index : a.t - b.t || a.index - b.index,
    )
    .map(({ entry }) => entry);
}

/** The anchor as people call it: its tag, else its ref, else its short sha. */
export function anchorLabel(anchor: HistoryEntry['anchor']): string {
  return anchor.tag || anchor.ref || shortSha(anchor.sha);
}

function measured(b: HistoryBenchmark | undefined): b is HistoryBenchmark & { change: number } {
  return b !== undefined && typeof b.change === 'number' && Number.isFinite(b.change);
}

/** Every benchmark's trend over `runs` (oldest first), the largest latest change first. */
export function benchmarkTrends(runs: readonly HistoryEntry[]): BenchmarkTrend[] {
  // A benchmark is its file and name: two files may hold benchmarks of the same name.
  const byKey = new Map<string, BenchmarkTrend>();
  runs.forEach((run, index) => {
    for (const b of run.benchmarks) {
      const key = `${b.file}\u0000${b.name}`;
      let trend = byKey.get(key);
      if (!trend) {
        trend = { name: b.name, file: b.file, points: new Array(runs.length).fill(undefined), slopeRuns: 0 };
        byKey.set(key, trend);
      }
      trend.points[index] = b;
    }
  });
  const latestAnchor = runs.at(-1)?.anchor.sha;
  for (const trend of byKey.values()) {
    for (let i = trend.points.length - 1; i >= 0; i--) {
      const point = trend.points[i];
      if (measured(point)) {
        trend.latest = { index: i, benchmark: point };
        break;
      }
    }
    // The slope is over the current anchor only: a new anchor resets the change to about zero.
    const xs: number[] = [];
    const ys: number[] = [];
    trend.points.forEach((point, i) => {
      if (measured(point) && runs[i]?.anchor.sha === latestAnchor) {
        xs.push(i);
        ys.push(point.change);
      }
    });
    trend.slopeRuns = xs.length;
    if (xs.length >= 3) trend.slopePerRun = slope(xs, ys);
  }
  return [...byKey.values()].sort(
    (a, b) =>
      (b.latest?.benchmark.change ?? Number.NEGATIVE_INFINITY) -
        (a.latest?.benchmark.change ?? Number.NEGATIVE_INFINITY) ||
      a.name.localeCompare(b.name) ||
      a.file.localeCompare(b.file),
  );
}

function slope(xs: number[], ys: number[]): number {
  const n = xs.length;
  const mx = xs.reduce((s, x) => s + x, 0) / n;
  const my = ys.reduce((s, y) => s + y, 0) / n;
  let num = 0;
  let den = 0;
  for (let i = 0; i < n; i++) {
    const dx = (xs[i] ?? 0) - mx;
    num += dx * ((ys[i] ?? 0) - my);
    den += dx * dx;
  }
  return den > 0 ? num / den : 0;
}

const BLOCKS = '▁▂▃▄▅▆▇█';
/**
 * The smallest span a sparkline stretches over: a flat benchmark's ±0.2% noise would otherwise fill
 * all eight blocks and look like a creep.
 */
const MIN_SPARK_SPAN = 0.02;

/** Changes as unicode blocks, on a scale that includes zero; a space where a run did not measure. */
export function sparkline(changes: readonly (number | undefined)[]): string {
  const values = changes.filter((c): c is number => c !== undefined && Number.isFinite(c));
  if (values.length === 0) return '';
  let low = Math.min(0, ...values);
  let high = Math.max(0, ...values);
  if (high - low < MIN_SPARK_SPAN) {
    const middle = (high + low) / 2;
    low = middle - MIN_SPARK_SPAN / 2;
    high = middle + MIN_SPARK_SPAN / 2;
  }
  return changes
    .map((c) => {
      if (c === undefined || !Number.isFinite(c)) return ' ';
      const level = Math.round(((c - low) / (high - low)) * (BLOCKS.length - 1));
      return BLOCKS[Math.max(0, Math.min(BLOCKS.length - 1, level))];
    })
    .join('');
}

function changeOf(b: HistoryBenchmark | undefined): number | undefined {
  return measured(b) ? b.change : undefined;
}

function formatSlope(trend: BenchmarkTrend): string {
  return trend.slopePerRun === undefined ? '–' : `${formatPercent(trend.slopePerRun)}/run`;
}

/**
 * A small per-benchmark trend for the job summary: the last `last` changes against the anchor as a
 * sparkline, the latest with its interval, and the slope since the anchor. Empty with no runs.
 */
export function trendSummary(entries: readonly HistoryEntry[], options: { last?: number } = {}): string {
  const runs = runsInOrder(entries);
  const latestRun = runs.at(-1);
  if (!latestRun) return '';
  const last = Math.max(1, options.last ?? 12);
  const recent = runs.slice(-last);
  const trends = benchmarkTrends(recent);
  const lines = [
    `#### Trend against ${codeName(anchorLabel(latestRun.anchor))}, last ${plural(recent.length, 'run')}`,
    '',
    '| Benchmark | Change per run | Latest | 95% CI | Slope |',
    '| --- | --- | ---: | --- | ---: |',
  ];
  for (const trend of trends) {
    const latest = trend.latest?.benchmark;
    lines.push(
      `| ${codeName(trend.name, { cell: true })} | ${sparkline(trend.points.map(changeOf))} | ${
        latest ? formatPercent(latest.change) : '–'
      } | ${latest?.ci ? formatInterval(latest.ci) : '–'} | ${formatSlope(trend)} |`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/** Only http(s) links: a `javascript:` URL from an edited data file must not become a link. */
function httpUrl(url: string | undefined): string | undefined {
  return url !== undefined && /^https?:\/\/[^\s]+$/i.test(url) ? url : undefined;
}

/** `2025-01-01 09:30 UTC` from an ISO time in UTC; anything else as it is. */
export function timeText(iso: string): string {
  const match = /^(\d{4}-\d\d-\d\d)T(\d\d:\d\d)(?::[\d.]+)?Z$/.exec(iso);
  return match ? `${match[1]} ${match[2]} UTC` : iso;
}

const pct = (fraction: number | undefined) =>
  fraction === undefined || !Number.isFinite(fraction) ? null : Math.round(fraction * 1e6) / 1e4;

function link(url: string | undefined, text: string): string {
  return url ? `<a href="${escapeHtml(url)}">${escapeHtml(text)}</a>` : escapeHtml(text);
}

function changeClass(b: HistoryBenchmark | undefined): string {
  if (!b?.ci) return '';
  return b.ci[0] > 0 ? ' slower' : b.ci[1] < 0 ? ' faster' : '';
}

/** The most runs a benchmark's table lists (newest first); its chart shows them all. */
const TABLE_RUNS = 30;

export function renderTrendPage(entries: readonly HistoryEntry[], options: TrendPageOptions = {}): string {
  const runs = runsInOrder(entries);
  const repoUrl = httpUrl(options.repoUrl?.replace(/\/+$/, ''));
  const commitUrl = (sha: string) => (repoUrl ? `${repoUrl}/commit/${encodeURIComponent(sha)}` : undefined);
  const trends = benchmarkTrends(runs);
  const title = options.title ?? 'flamegate: trend against the anchor';

  const trendRuns: TrendRun[] = runs.map((run) => ({
    sha: run.commit.sha,
    short: shortSha(run.commit.sha),
    time: timeText(run.time),
    anchor: anchorLabel(run.anchor),
    anchorSha: run.anchor.sha,
    verdict: run.verdict,
    commitUrl: commitUrl(run.commit.sha),
    runUrl: httpUrl(run.runUrl),
  }));
  const anchors: TrendAnchor[] = [];
  runs.forEach((run, index) => {
    if (index === 0 || run.anchor.sha !== runs[index - 1]?.anchor.sha)
      anchors.push({ index, label: anchorLabel(run.anchor) });
  });
  const series: TrendSeries[] = trends.map((trend) => ({
    name: trend.name,
    file: trend.file,
    change: trend.points.map((b) => pct(changeOf(b))),
    low: trend.points.map((b) => (measured(b) && b.ci ? pct(b.ci[0]) : null)),
    high: trend.points.map((b) => (measured(b) && b.ci ? pct(b.ci[1]) : null)),
  }));
  const data: TrendData = { runs: trendRuns, anchors, benchmarks: series };

  const latestRun = runs.at(-1);
  const summary = latestRun
    ? `${plural(runs.length, 'run')} of the default branch, ${timeText(runs[0]?.time ?? '')} to ${timeText(latestRun.time)}; ` +
      `the latest, ${shortSha(latestRun.commit.sha)}, against ${anchorLabel(latestRun.anchor)}` +
      (anchors.length > 1 ? ` (${plural(anchors.length - 1, 'anchor change')} marked on the charts)` : '')
    : 'No track runs yet.';

  const overviewRows = trends.map((trend, i) => {
    const latest = trend.latest?.benchmark;
    return `<tr><td class="name"><a href="#bench-${i}">${escapeHtml(trend.name)}</a></td><td class="file">${escapeHtml(
      trend.file,
    )}</td><td class="num${changeClass(latest)}">${latest ? formatPercent(latest.change) : '–'}</td><td class="num">${
      latest?.ci ? escapeHtml(formatInterval(latest.ci)) : '–'
    }</td><td class="num">${escapeHtml(formatSlope(trend))}</td><td class="spark">${escapeHtml(
      sparkline(trend.points.slice(-24).map(changeOf)),
    )}</td></tr>`;
  });

  const sections = trends.map((trend, i) => {
    const latest = trend.latest;
    const headline = latest
      ? `${formatPercent(latest.benchmark.change)}${
          latest.benchmark.ci ? ` (95% CI ${formatInterval(latest.benchmark.ci)})` : ''
        } against ${anchorLabel(runs[latest.index]?.anchor ?? { ref: '', sha: '' })} at ${shortSha(
          runs[latest.index]?.commit.sha ?? '',
        )}; slope ${formatSlope(trend)}`
      : 'not measured on both sides yet';
    const rows: string[] = [];
    for (let r = runs.length - 1; r >= 0 && rows.length < TABLE_RUNS; r--) {
      const run = runs[r];
      const b = trend.points[r];
      if (!run || !b) continue;
      const movers = b.movers
        .slice(0, 3)
        .map((m) => `<code>${escapeHtml(m.name)}</code> ${escapeHtml(formatDeltaNs(m.deltaNsPerOp))}`)
        .join(', ');
      rows.push(
        `<tr><td class="time">${escapeHtml(timeText(run.time))}</td><td>${link(commitUrl(run.commit.sha), shortSha(run.commit.sha))}</td><td>${escapeHtml(
          anchorLabel(run.anchor),
        )}</td><td class="num${changeClass(b)}">${measured(b) ? formatPercent(b.change) : escapeHtml(b.status)}</td><td class="num">${
          b.ci ? escapeHtml(formatInterval(b.ci)) : '–'
        }</td><td>${movers || '–'}</td><td>${link(httpUrl(run.runUrl), httpUrl(run.runUrl) ? 'flame graphs' : '–')}</td></tr>`,
      );
    }
    return `<section class="bench" id="bench-${i}">
<h2><span class="name">${escapeHtml(trend.name)}</span> <span class="file">${escapeHtml(trend.file)}</span></h2>
<p class="headline${changeClass(latest?.benchmark)}">${escapeHtml(headline)}</p>
<div class="chart" data-index="${i}" aria-label="Change against the anchor, run by run"></div>
<p class="point" data-index="${i}">Hover the chart for a run; click it to keep its links.</p>
<details><summary>Runs (newest first${runs.length > TABLE_RUNS ? `, the last ${TABLE_RUNS}` : ''})</summary>
<table><thead><tr><th>Time</th><th>Commit</th><th>Anchor</th><th class="num">Change</th><th class="num">95% CI</th><th>Top movers (self time per op)</th><th>Run</th></tr></thead>
<tbody>${rows.join('\n')}</tbody></table></details>
</section>`;
  });

  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<title>${escapeHtml(title)}</title>
<style>${CSS}</style>
</head>
<body>
<header>
<h1>${escapeHtml(title)}</h1>
<p class="summary">${escapeHtml(summary)}</p>
<p class="help">Each point is one push to the default branch, measured in the same job against its anchor (the last release tag unless configured): the change of time per op, with its 95% interval as a band. A line that climbs run after run is a creep, even when every pull request passed.</p>
</header>
<table id="overview"><thead><tr><th>Benchmark</th><th>File</th><th class="num">Latest change</th><th class="num">95% CI</th><th class="num">Slope since the anchor</th><th>Recent runs</th></tr></thead>
<tbody>${overviewRows.join('\n')}</tbody></table>
${sections.join('\n')}
<footer>Drawn with uPlot 1.6.32 (MIT License, © Leon Sorokin), inlined: this page loads nothing from the network.</footer>
<script type="application/json" id="trend-data">${jsonForScript(data)}</script>
<script>${TREND_SCRIPT}</script>
</body>
</html>
`;
}

const CSS = `
*{box-sizing:border-box}
body{font:13px/1.4 system-ui,-apple-system,"Segoe UI",Helvetica,Arial,sans-serif;margin:0 auto;padding:12px 16px;color:#1f2328;background:#fff;max-width:1100px}
h1{font-size:20px;margin:0 0 4px}
h2{font-size:15px;margin:0 0 2px}
.summary{margin:0 0 4px;color:#57606a}
.help{margin:0 0 10px;color:#57606a;font-size:12px}
table{border-collapse:collapse;width:100%;font-size:12px}
th,td{border-bottom:1px solid #eaeef2;padding:3px 6px;text-align:left;vertical-align:top}
th{background:#f6f8fa}
.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.slower{color:#b00}
.faster{color:#0550ae}
td.name,span.name{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;word-break:break-all}
td.file,span.file{color:#57606a;word-break:break-all;font-weight:normal;font-size:12px}
td.spark{font-size:14px;letter-spacing:-1px;white-space:pre;color:#57606a}
.bench{margin:18px 0;padding:10px 12px;border:1px solid #d0d7de;border-radius:6px}
.headline{margin:0 0 6px;font-variant-numeric:tabular-nums}
.chart{width:100%;min-height:240px}
td.time{white-space:nowrap}
.point{margin:4px 0;color:#57606a;font-size:12px;min-height:1.4em}
details{margin-top:4px}
summary{cursor:pointer;color:#57606a}
footer{margin:18px 0 6px;color:#57606a;font-size:11px}
a{color:#0969da}
`;
