// A self-contained viewer: one HTML file with inline CSS, JS and data, which loads nothing from the
// network (it is opened from a downloaded artifact, often offline, and must not leak anything). Views:
// diff (width = head, colour = self-time change), diff sized by base (where base-only stacks show),
// head and base alone (coloured by frame kind); click to zoom, search, and a sortable function table.
// Values are printed in the tree's unit (its profiles' sample type: time, bytes, samples), per op by
// default.

import { escapeHtml, jsonForScript } from '../escape.js';
import { formatDeltaValue, formatPercent, formatValue, perOpSuffix, quantityOf } from '../format.js';
import { sourceUrl } from '../links.js';
import VIEWER_SCRIPT from './browser/html-viewer.js?script';
import type { FunctionRow, ViewerData } from './browser/viewer-data.js';
import { changeOf, deltaColor, KIND_COLORS, textColor } from './color.js';
import {
  type FlameNode,
  type FlameTree,
  flameFunctions,
  scaleOf,
  selfDelta,
  timingHeadline,
  type ValueOptions,
  valueKindOfTree,
} from './tree.js';

export interface HtmlOptions extends ValueOptions {
  title?: string;
  /** e.g. https://github.com/owner/repo; with headSha, function names link to their source. */
  repoUrl?: string;
  headSha?: string;
  /**
   * Frames whose larger side is below this share of the benchmark total are left out with their
   * children: they are far below a pixel wide and would only make the file bigger.
   */
  minFraction?: number;
  /** Rows of the function table. */
  maxFunctions?: number;
}

const KINDS = ['user', 'dependency', 'node', 'runtime', 'harness'];
const CHANGES = ['same', 'grew', 'shrank'];

export function renderFlameHtml(tree: FlameTree, options: HtmlOptions = {}): string {
  const scale = scaleOf(tree);
  const minFraction = options.minFraction ?? 2e-5;
  const cut = scale * minFraction;
  // Values travel as integers in units of `unit` (of the tree's unit) per op: a few digits each instead of 17.
  const unit = scale > 0 ? scale / 1e7 : 1;
  const q = (v: number) => Math.round(v / unit);

  const strings: string[] = [];
  const stringIds = new Map<string, number>();
  const str = (s: string) => {
    let id = stringIds.get(s);
    if (id === undefined) {
      id = strings.length;
      strings.push(s);
      stringIds.set(s, id);
    }
    return id;
  };
  const colors: string[] = [];
  const colorIds = new Map<string, number>();
  const color = (c: string) => {
    let id = colorIds.get(c);
    if (id === undefined) {
      id = colors.length;
      colors.push(c);
      colorIds.set(c, id);
    }
    return id;
  };

  // Flat columns in depth-first order; `par` rebuilds the tree in the page.
  const cols = {
    n: [] as number[],
    f: [] as number[],
    l: [] as number[],
    k: [] as number[],
    pk: [] as number[],
    par: [] as number[],
    bt: [] as number[],
    ht: [] as number[],
    bs: [] as number[],
    hs: [] as number[],
    c: [] as number[],
    ch: [] as number[],
  };
  // Depth first, as two parallel stacks (the nodes still to visit and their parents' ids): a pair per
  // node was an allocation per node.
  const stack: FlameNode[] = [tree.root];
  const parents: number[] = [-1];
  while (stack.length > 0) {
    const node = stack.pop() as FlameNode;
    const parent = parents.pop() as number;
    const id = cols.n.length;
    const d = selfDelta(node);
    cols.n.push(str(node.name));
    cols.f.push(str(node.file));
    cols.l.push(node.line);
    cols.k.push(Math.max(0, KINDS.indexOf(node.kind)));
    cols.pk.push(node.package === undefined ? -1 : str(node.package));
    cols.par.push(parent);
    cols.bt.push(q(node.baseTotal));
    cols.ht.push(q(node.headTotal));
    cols.bs.push(q(node.baseSelf));
    cols.hs.push(q(node.headSelf));
    cols.c.push(color(deltaColor(d, scale)));
    cols.ch.push(CHANGES.indexOf(changeOf(d, scale)));
    for (let i = node.children.length - 1; i >= 0; i--) {
      const c = node.children[i] as FlameNode;
      if (Math.max(c.baseTotal, c.headTotal) >= cut) {
        stack.push(c);
        parents.push(id);
      }
    }
  }

  const maxFunctions = options.maxFunctions ?? 500;
  const all = flameFunctions(tree);
  const fns = all.slice(0, maxFunctions).map((fn): FunctionRow => {
    const link = sourceUrl(options.repoUrl, options.headSha, fn.file, fn.line);
    return [
      str(fn.name),
      str(fn.file),
      fn.line,
      Math.max(0, KINDS.indexOf(fn.kind)),
      fn.package === undefined ? -1 : str(fn.package),
      q(fn.baseSelf),
      q(fn.headSelf),
      q(fn.baseTotal),
      q(fn.headTotal),
      link === undefined ? -1 : str(link),
    ];
  });

  const title = options.title ?? 'Flame graph delta';
  const kind = valueKindOfTree(tree, options);
  const op = perOpSuffix(kind);
  const what = escapeHtml(quantityOf(kind));
  const data: ViewerData = {
    title,
    unit,
    strings,
    colors,
    inks: colors.map(textColor),
    kinds: KINDS,
    kindColors: KINDS.map((k) => KIND_COLORS[k] ?? '#ccc'),
    changes: CHANGES,
    ...cols,
    fns,
    fnsOmitted: all.length - fns.length,
    baseOps: tree.baseOps,
    headOps: tree.headOps,
    bytes: kind.unit === 'bytes',
  };
  // Time per op, the page's default, is left out of the data.
  if (!(kind.unit === 'nanoseconds' && kind.perOp && quantityOf(kind) === 'time')) {
    data.value = { unit: kind.unit, perOp: kind.perOp, quantity: quantityOf(kind) };
  }
  const fmt = (v: number) => formatValue(v, kind);
  const lead = options.timing ? `${timingHeadline(options.timing)} · profiled: ` : '';
  const summary = `${lead}head ${fmt(tree.headTotal)}${op} · base ${fmt(tree.baseTotal)}${op} · change ${formatDeltaValue(
    tree.headTotal - tree.baseTotal,
    kind,
  )}${op}${tree.baseTotal > 0 ? ` (${formatPercent((tree.headTotal - tree.baseTotal) / tree.baseTotal)})` : ''}`;

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
<div class="controls">
<span class="views" role="group" aria-label="View">
<button type="button" id="view-diff" data-view="diff" class="on" title="Width = head ${what}${op}; colour = change of self ${what}${op}">Diff</button>
<button type="button" id="view-diffbase" data-view="diffbase" title="Width = base ${what}${op}, colour = change of self ${what}${op}: shows stacks that exist only on base">Diff (base-sized)</button>
<button type="button" id="view-head" data-view="head" title="Head alone, coloured by frame kind">Head</button>
<button type="button" id="view-base" data-view="base" title="Base alone, coloured by frame kind">Base</button>
</span>
<input id="search" type="search" placeholder="Search functions (regex)" aria-label="Search functions" autocomplete="off">
<span id="search-count"></span>
<button type="button" id="reset">Reset zoom</button>
</div>
<div id="legend"></div>
</header>
<div id="crumbs"></div>
<div id="chart" aria-label="Flame graph"></div>
<div id="details">Hover a frame for details; click to zoom.</div>
<h2>Functions by change of self ${what}${kind.perOp ? ' per op' : ''}</h2>
<table id="functions"><thead><tr>
<th data-sort="name">Function</th><th data-sort="where">Where</th><th data-sort="kind">Kind</th>
<th data-sort="bs" class="num">Base self${op}</th><th data-sort="hs" class="num">Head self${op}</th>
<th data-sort="delta" class="num sorted">Δ self${op}</th><th data-sort="pct" class="num">Δ %</th>
<th data-sort="ht" class="num">Head total${op}</th>
</tr></thead><tbody></tbody></table>
<p id="fns-note"></p>
<script type="application/json" id="flame-data">${jsonForScript(data)}</script>
<script>${VIEWER_SCRIPT}</script>
</body>
</html>
`;
}

const CSS = `
*{box-sizing:border-box}
body{font:13px/1.4 system-ui,-apple-system,"Segoe UI",Helvetica,Arial,sans-serif;margin:0;padding:12px 16px;color:#1f2328;background:#fff}
h1{font-size:18px;margin:0 0 2px}
h2{font-size:15px;margin:18px 0 6px}
.summary{margin:0 0 8px;color:#57606a}
.controls{display:flex;gap:8px;align-items:center;flex-wrap:wrap}
.views button,#reset{border:1px solid #d0d7de;background:#f6f8fa;padding:3px 10px;border-radius:6px;cursor:pointer;font:inherit}
.views button.on{background:#0969da;color:#fff;border-color:#0969da}
#search{width:260px;padding:3px 8px;border:1px solid #d0d7de;border-radius:6px;font:inherit}
#search-count{color:#57606a;min-width:12em}
#legend{margin:6px 0;color:#57606a;font-size:12px}
#legend i{display:inline-block;width:11px;height:11px;margin:0 4px -1px 10px;border:1px solid #0002}
#crumbs{font-size:12px;color:#57606a;min-height:18px}
#chart{position:relative;width:100%;overflow:hidden;border:1px solid #d0d7de;border-radius:6px;background:#fafafa}
.frame{position:absolute;height:17px;line-height:17px;font:11px/17px Verdana,Helvetica,sans-serif;padding:0 3px;white-space:nowrap;overflow:hidden;text-overflow:ellipsis;border-right:1px solid #fff;border-bottom:1px solid #fff;cursor:pointer;color:#000;border-radius:2px}
.frame:hover{outline:1px solid #000;z-index:1}
.frame.gone{outline:1px dashed #00008c;outline-offset:-1px}
.frame.anc{opacity:.55}
.frame.match{background:rgb(230,0,230)!important;color:#fff!important}
#details{font:12px ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;white-space:pre-wrap;min-height:4.2em;margin-top:6px;padding:6px;background:#f6f8fa;border-radius:6px}
table{border-collapse:collapse;width:100%;font-size:12px}
th,td{border-bottom:1px solid #eaeef2;padding:3px 6px;text-align:left;vertical-align:top}
th{cursor:pointer;background:#f6f8fa;user-select:none;position:sticky;top:0}
th.sorted::after{content:" ▾"}
th.sorted.asc::after{content:" ▴"}
.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
td.grew{color:#b00}
td.shrank{color:#0550ae}
td.fn{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;word-break:break-all}
td.where{color:#57606a;word-break:break-all}
a{color:#0969da}
`;
