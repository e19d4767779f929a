// Runs in the trend page (bundled with uPlot and its CSS by scripts/browser-scripts.mjs into the page's
// <script> element): one uPlot chart per benchmark of the change against the anchor, its 95% interval
// as a band, a zero line and the anchor changes as labelled vertical lines. Loads nothing from the
// network. What it drew is left in `window.__trend` for the browser test.
import uPlot from 'uplot';
import UPLOT_CSS from 'uplot/dist/uPlot.min.css';
import type { TrendData, TrendDrawn } from './page-data.js';

declare global {
  interface Window {
    __trend?: TrendDrawn;
  }
}

const drawn: TrendDrawn = { charts: [], errors: [] };
window.__trend = drawn;

const style = document.createElement('style');
style.textContent = UPLOT_CSS;
document.head.append(style);

const dataElement = document.getElementById('trend-data');
const D = JSON.parse(dataElement?.textContent ?? '{"runs":[],"anchors":[],"benchmarks":[]}') as TrendData;
const xs = D.runs.map((_, i) => i);

const CHANGE = '#1f6feb';
const SLOWER = '#cf222e';
const BAND = 'rgba(31,111,235,0.16)';
const ANCHOR = '#8250df';
const LABEL_ROOM = 20;

const fmtPct = (v: number | null | undefined) =>
  v === null || v === undefined ? '–' : `${v > 0 ? '+' : v < 0 ? '−' : '±'}${Math.abs(v).toFixed(1)}%`;

/** The y range: always includes zero (the anchor's level) and the whole interval, with a margin. */
function yRange(
  lows: (number | null)[],
  highs: (number | null)[],
  changes: (number | null)[],
): [number, number] {
  const values = [...lows, ...highs, ...changes].filter((v): v is number => v !== null);
  let min = Math.min(0, ...values);
  let max = Math.max(0, ...values);
  // A flat benchmark's ±0.3% must not fill the chart and look like a swing: at least ±2%.
  if (max - min < 4) {
    const middle = (max + min) / 2;
    min = Math.min(min, middle - 2);
    max = Math.max(max, middle + 2);
  }
  const margin = (max - min) * 0.08;
  return [min - margin, max + margin];
}

function pointText(target: HTMLElement, index: number, series: TrendData['benchmarks'][number]): void {
  const run = D.runs[index];
  if (!run) return;
  const change = series.change[index];
  const low = series.low[index];
  const high = series.high[index];
  target.replaceChildren();
  const add = (text: string, href?: string) => {
    if (href) {
      const a = document.createElement('a');
      a.href = href;
      a.textContent = text;
      target.append(a);
    } else {
      target.append(document.createTextNode(text));
    }
  };
  add(run.short, run.commitUrl);
  add(
    ` · ${run.time} · ${fmtPct(change)}${low !== null && low !== undefined ? ` (95% CI ${fmtPct(low)} … ${fmtPct(high)})` : ''} against ${run.anchor} · `,
  );
  if (run.runUrl) add('flame graphs', run.runUrl);
  else add('no run link');
}

/**
 * Breaks the lines at each anchor change: the points either side are against different anchors, and a
 * line from +6% down to +1% would read as an improvement. Gaps are canvas pixel ranges, sorted.
 */
const anchorGaps: uPlot.Series.GapsRefiner = (u, _seriesIdx, _idx0, _idx1, nullGaps) => {
  const gaps = [...nullGaps];
  for (const anchor of D.anchors) {
    if (anchor.index === 0) continue;
    const from = Math.round(u.valToPos(anchor.index - 1, 'x', true)) + 1;
    const to = Math.round(u.valToPos(anchor.index, 'x', true)) - 1;
    if (to > from) gaps.push([from, to]);
  }
  return gaps.sort((a, b) => a[0] - b[0]);
};

function chart(container: HTMLElement, index: number): void {
  const series = D.benchmarks[index];
  if (!series) return;
  const record: TrendDrawn['charts'][number] = {
    name: series.name,
    points: 0,
    intervals: 0,
    anchorMarkers: [],
    zeroLine: false,
  };
  drawn.charts[index] = record;
  const pointLine = document.querySelector<HTMLElement>(`.point[data-index="${index}"]`);
  let pinned: number | null = null;
  const [yMin, yMax] = yRange(series.low, series.high, series.change);
  const latest = [...series.change].reverse().find((v) => v !== null);
  const width = Math.max(320, container.clientWidth);

  const opts: uPlot.Options = {
    width,
    height: 240,
    // Room above the plot for the anchors' labels.
    padding: [LABEL_ROOM, 12, 0, 0],
    scales: {
      x: { time: false, range: () => [-0.5, Math.max(0.5, xs.length - 0.5)] },
      y: { range: () => [yMin, yMax] },
    },
    axes: [
      {
        // Runs are evenly spaced (commit order), labelled by their short sha.
        incrs: [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000],
        space: 64,
        values: (_u, splits) => splits.map((i) => (Number.isInteger(i) ? (D.runs[i]?.short ?? '') : '')),
        font: '11px ui-monospace,Menlo,Consolas,monospace',
      },
      { values: (_u, splits) => splits.map((v) => fmtPct(v)), size: 60 },
    ],
    series: [
      { label: 'run', value: (_u, i) => (i === null ? '–' : (D.runs[i]?.short ?? '–')) },
      {
        label: 'change',
        stroke: latest !== undefined && latest !== null && latest > 0 ? SLOWER : CHANGE,
        width: 2,
        points: { show: true, size: 6 },
        gaps: anchorGaps,
        value: (_u, v) => fmtPct(v),
      },
      {
        label: '95% low',
        stroke: 'rgba(31,111,235,0.35)',
        width: 1,
        points: { show: false },
        gaps: anchorGaps,
        value: (_u, v) => fmtPct(v),
      },
      {
        label: '95% high',
        stroke: 'rgba(31,111,235,0.35)',
        width: 1,
        points: { show: false },
        gaps: anchorGaps,
        value: (_u, v) => fmtPct(v),
      },
    ],
    bands: [{ series: [3, 2], fill: BAND }],
    legend: { show: true, live: true },
    cursor: { drag: { x: false, y: false } },
    hooks: {
      draw: [
        (u) => {
          const ctx = u.ctx;
          const { left, top, width: w, height: h } = u.bbox;
          ctx.save();
          // Zero: the anchor's own level.
          const y0 = u.valToPos(0, 'y', true);
          ctx.strokeStyle = '#57606a';
          ctx.lineWidth = 1.5 * devicePixelRatio;
          ctx.setLineDash([]);
          ctx.beginPath();
          ctx.moveTo(left, y0);
          ctx.lineTo(left + w, y0);
          ctx.stroke();
          record.zeroLine = true;
          // Anchor changes: the change restarts from about zero against the new anchor.
          ctx.strokeStyle = ANCHOR;
          ctx.fillStyle = ANCHOR;
          ctx.font = `${11 * devicePixelRatio}px system-ui,sans-serif`;
          ctx.textBaseline = 'bottom';
          const markers: TrendDrawn['charts'][number]['anchorMarkers'] = [];
          for (const anchor of D.anchors) {
            const x = u.valToPos(anchor.index - 0.5, 'x', true);
            if (anchor.index > 0) {
              ctx.setLineDash([5 * devicePixelRatio, 4 * devicePixelRatio]);
              ctx.beginPath();
              ctx.moveTo(x, top - LABEL_ROOM * devicePixelRatio);
              ctx.lineTo(x, top + h);
              ctx.stroke();
            }
            ctx.fillText(
              `vs ${anchor.label}`,
              Math.max(left, x) + 4 * devicePixelRatio,
              top - 4 * devicePixelRatio,
            );
            if (anchor.index > 0) markers.push({ index: anchor.index, label: anchor.label });
          }
          record.anchorMarkers = markers;
          ctx.restore();
        },
      ],
      setCursor: [
        (u) => {
          if (!pointLine || pinned !== null) return;
          const i = u.cursor.idx;
          if (i !== null && i !== undefined) pointText(pointLine, i, series);
        },
      ],
    },
  };
  const plot = new uPlot(opts, [xs, series.change, series.low, series.high] as uPlot.AlignedData, container);
  record.points = series.change.filter((v) => v !== null).length;
  record.intervals = series.low.filter((v, i) => v !== null && series.high[i] !== null).length;
  // A click keeps the run's links under the chart so they can be followed; a second click lets go.
  plot.over.addEventListener('click', () => {
    const i = plot.cursor.idx;
    pinned = pinned === null && i !== null && i !== undefined ? i : null;
    if (pointLine && pinned !== null) pointText(pointLine, pinned, series);
  });
  window.addEventListener('resize', () =>
    plot.setSize({ width: Math.max(320, container.clientWidth), height: 240 }),
  );
}

document.querySelectorAll<HTMLElement>('.chart[data-index]').forEach((container) => {
  try {
    chart(container, Number(container.dataset.index));
  } catch (error) {
    drawn.errors.push(String(error));
    container.textContent = `The chart could not be drawn: ${String(error)}`;
  }
});
