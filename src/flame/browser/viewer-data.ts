// The data the HTML viewer's page script reads from its <script type="application/json"> element: the
// contract between the renderer (src/flame/html.ts) and the page (html-viewer.ts). Values (time, or
// what `value` says) travel as integers in units of `unit`; strings are indices into `strings`.

export interface ViewerData {
  title: string;
  /** Value (ns/op by default) per integer unit of every value below. */
  unit: number;
  strings: string[];
  /** Delta colours, indexed by `c`, and the text colour readable on each. */
  colors: string[];
  inks: string[];
  kinds: string[];
  kindColors: string[];
  /** Change classes (`same`, `grew`, `shrank`), indexed by `ch`. */
  changes: string[];
  // One entry per frame, in depth-first order; `par` (parent index, −1 for the root) rebuilds the tree.
  n: number[];
  f: number[];
  l: number[];
  k: number[];
  /** Package string index, −1 for none. */
  pk: number[];
  par: number[];
  bt: number[];
  ht: number[];
  bs: number[];
  hs: number[];
  c: number[];
  ch: number[];
  /** Function rows: see `FunctionRow`. */
  fns: FunctionRow[];
  /** Functions left out of `fns` (smaller changes). */
  fnsOmitted: number;
  baseOps: number;
  headOps: number;
  /** The values are bytes (the allocation flame graph), not time. */
  bytes?: boolean;
  /** What the values are (unit, per op or total, in words); absent: time per op. */
  value?: { unit: string; perOp: boolean; quantity: string };
}

/**
 * [name, file, line, kind index, package (−1: none), base self, head self, base total, head total,
 * source link (−1: none)]: strings as indices, times in units.
 */
export type FunctionRow = [number, number, number, number, number, number, number, number, number, number];
