// The trend page's JSON data: written by page.ts into a <script type="application/json">, read by
// page-script.ts in the browser. Changes travel in percent, ready to plot.

/** One track run: one point on the x axis of every chart, in time order. */
export interface TrendRun {
  sha: string;
  /** The short sha, the x axis' label. */
  short: string;
  time: string;
  /** The anchor's tag, else its ref, else its short sha. */
  anchor: string;
  anchorSha: string;
  verdict: 'pass' | 'fail';
  /** http(s) only; anything else was dropped. */
  commitUrl?: string;
  runUrl?: string;
}

/** Where the anchor differs from the run before (and the first run's anchor, at index 0). */
export interface TrendAnchor {
  index: number;
  label: string;
}

export interface TrendSeries {
  name: string;
  file: string;
  /** Change against the anchor in percent per run, and its 95% interval; null where not measured. */
  change: (number | null)[];
  low: (number | null)[];
  high: (number | null)[];
}

export interface TrendData {
  runs: TrendRun[];
  anchors: TrendAnchor[];
  /** In the page's order: latest change first, so the largest creep is on top. */
  benchmarks: TrendSeries[];
}

/** What the page drew, for tests: `window.__trend`. */
export interface TrendDrawn {
  charts: {
    name: string;
    /** Plotted points (non-null changes) and intervals (both ends present). */
    points: number;
    intervals: number;
    /** The x indices of the anchor changes drawn as vertical lines, with their labels. */
    anchorMarkers: { index: number; label: string }[];
    zeroLine: boolean;
  }[];
  errors: string[];
}
