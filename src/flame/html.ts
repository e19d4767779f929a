// A self-contained viewer: one HTML file with inline CSS, JS and data, which loads nothing from the
// network (it is opened from a downloaded artifact, often offline, and must not leak anything). Views:
// diff (width = head, colour = self-time change), diff sized by base (where base-only stacks show),
// head and base alone (coloured by frame kind); click to zoom, search, and a sortable function table.

import { formatBytes, formatDeltaBytes, formatDeltaNs, formatNs } from '../format.js';
import { changeOf, deltaColor, KIND_COLORS, textColor } from './color.js';
import { escapeXml, jsonForScript } from './format.js';
import { type FlameNode, type FlameTree, flameFunctions, scaleOf, selfDelta } from './tree.js';

export interface HtmlOptions {
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
  /** What the tree's values are: time (ns, the default) or bytes (the allocation pass's heap profiles). */
  valueUnit?: 'ns' | 'bytes';
}

const KINDS = ['user', 'dependency', 'node', 'runtime', 'harness'];
const CHANGES = ['same', 'grew', 'shrank'];

/** Link to a frame's source at the head commit, or undefined when the file is not a repository path. */
export function sourceLink(
  repoUrl: string | undefined,
  sha: string | undefined,
  file: string,
  line: number,
): string | undefined {
  if (!repoUrl || !sha || !file) return undefined;
  // Runtime frames, URLs (node:, file:, https:) and absolute paths point outside the repository, and
  // installed dependencies are not in it either.
  if (/^[a-z][a-z0-9+.-]*:/i.test(file) || file.startsWith('/') || /(^|\/)node_modules\//.test(file))
    return undefined;
  const path = file.split('/').map(encodeURIComponent).join('/');
  return `${repoUrl.replace(/\/+$/, '')}/blob/${encodeURIComponent(sha)}/${path}${line > 0 ? `#L${line}` : ''}`;
}

export function renderFlameHtml(tree: FlameTree, options: HtmlOptions = {}): string {
  const scale = scaleOf(tree);
  const minFraction = options.minFraction ?? 2e-5;
  const cut = scale * minFraction;
  // Times travel as integers in units of `unit` ns/op: a few digits each instead of 17.
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
  const stack: [FlameNode, number][] = [[tree.root, -1]];
  while (stack.length > 0) {
    const [node, parent] = stack.pop() as [FlameNode, number];
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
      if (Math.max(c.baseTotal, c.headTotal) >= cut) stack.push([c, id]);
    }
  }

  const maxFunctions = options.maxFunctions ?? 500;
  const all = flameFunctions(tree);
  const fns = all.slice(0, maxFunctions).map((fn) => {
    const link = sourceLink(options.repoUrl, options.headSha, fn.file, fn.line);
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
  const data = {
    title,
    unit,
    strings,
    colors,
    inks: colors.map(textColor),
    kinds: KINDS,
    kindColors: KINDS.map((k) => KIND_COLORS[k]),
    changes: CHANGES,
    ...cols,
    fns,
    fnsOmitted: all.length - fns.length,
    baseOps: tree.baseOps,
    headOps: tree.headOps,
    bytes: options.valueUnit === 'bytes',
  };
  const bytes = options.valueUnit === 'bytes';
  const fmt = bytes ? formatBytes : formatNs;
  const fmtDelta = bytes ? formatDeltaBytes : formatDeltaNs;
  const summary = `head ${fmt(tree.headTotal)}/op · base ${fmt(tree.baseTotal)}/op · change ${fmtDelta(
    tree.headTotal - tree.baseTotal,
  )}/op${tree.baseTotal > 0 ? ` (${(((tree.headTotal - tree.baseTotal) / tree.baseTotal) * 100).toFixed(1)}%)` : ''}`;

  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<title>${escapeXml(title)}</title>
<style>${CSS}</style>
</head>
<body>
<header>
<h1>${escapeXml(title)}</h1>
<p class="summary">${escapeXml(summary)}</p>
<div class="controls">
<span class="views" role="group" aria-label="View">
<button type="button" id="view-diff" data-view="diff" class="on" title="Width = head time/op; colour = change of self time/op">Diff</button>
<button type="button" id="view-diffbase" data-view="diffbase" title="Width = base time/op, colour = change of self time/op: shows stacks that exist only on base">Diff (base-sized)</button>
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
<h2>Functions by change of ${bytes ? 'self allocated bytes' : 'self time'} per op</h2>
<table id="functions"><thead><tr>
<th data-sort="name">Function</th><th data-sort="where">Where</th><th data-sort="kind">Kind</th>
<th data-sort="bs" class="num">Base self/op</th><th data-sort="hs" class="num">Head self/op</th>
<th data-sort="delta" class="num sorted">Δ self/op</th><th data-sort="pct" class="num">Δ %</th>
<th data-sort="ht" class="num">Head total/op</th>
</tr></thead><tbody></tbody></table>
<p id="fns-note"></p>
<script type="application/json" id="flame-data">${jsonForScript(data)}</script>
<script>${VIEWER_JS}</script>
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

// Runs in the page. Modern JS is fine: the viewer targets current browsers only.
const VIEWER_JS = `
(() => {
  'use strict';
  const D = JSON.parse(document.getElementById('flame-data').textContent);
  const S = D.strings;
  const N = D.n.length;
  const u = D.unit;
  const kids = Array.from({ length: N }, () => []);
  const depth = new Int32Array(N);
  for (let i = 1; i < N; i++) { kids[D.par[i]].push(i); depth[i] = depth[D.par[i]] + 1; }
  const H = 17;
  const esc = (s) => String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
  const fmt = (ns) => {
    const a = Math.abs(ns);
    const p = (v) => String(Number(v.toPrecision(3)));
    if (D.bytes) return a < 1024 ? p(ns) + ' B' : a < 1048576 ? p(ns / 1024) + ' KiB' : p(ns / 1048576) + ' MiB';
    if (a === 0) return '0 ns';
    if (a < 1e3) return p(ns) + ' ns';
    if (a < 1e6) return p(ns / 1e3) + ' µs';
    if (a < 1e9) return p(ns / 1e6) + ' ms';
    return p(ns / 1e9) + ' s';
  };
  const fmtD = (ns) => (ns > 0 ? '+' : ns < 0 ? '−' : '±') + fmt(Math.abs(ns));
  const chart = document.getElementById('chart');
  const details = document.getElementById('details');
  const crumbs = document.getElementById('crumbs');
  const searchBox = document.getElementById('search');
  const searchCount = document.getElementById('search-count');
  let view = 'diff';
  let zoomed = 0;
  let re = null;
  const size = (i) => (view === 'diff' || view === 'head' ? D.ht[i] : D.bt[i]);
  const colorOf = (i) => (view === 'diff' || view === 'diffbase' ? D.colors[D.c[i]] : D.kindColors[D.k[i]]);
  const inkOf = (i) => (view === 'diff' || view === 'diffbase' ? D.inks[D.c[i]] : '#000');
  const nameOf = (i) => S[D.n[i]];
  const gone = (i) => D.ht[i] === 0 && D.bt[i] > 0;

  function legend() {
    const el = document.getElementById('legend');
    if (view === 'diff' || view === 'diffbase') {
      el.innerHTML = (view === 'diff' ? 'Width: head time/op.' : 'Width: base time/op; dashed = only on base.') +
        ' Colour: change of self time/op <i style="background:rgb(255,54,54)"></i>grew<i style="background:rgb(54,94,255)"></i>shrank<i style="background:rgb(224,224,224)"></i>unchanged';
    } else {
      el.innerHTML = 'Width: ' + view + ' time/op. Colour: kind' + D.kinds.map((k, i) => '<i style="background:' + D.kindColors[i] + '"></i>' + k).join('');
    }
  }

  function render() {
    if (size(zoomed) <= 0) zoomed = 0;
    const W = chart.clientWidth || 1000;
    const parts = [];
    const anc = [];
    for (let a = D.par[zoomed]; a >= 0; a = D.par[a]) anc.push(a);
    let maxDepth = depth[zoomed];
    const frame = (i, x, w, extra) => {
      let cls = 'frame ' + D.changes[D.ch[i]];
      if (gone(i)) cls += ' gone';
      if (extra) cls += ' ' + extra;
      if (re && re.test(nameOf(i))) cls += ' match';
      parts.push('<div class="' + cls + '" data-i="' + i + '" style="left:' + x.toFixed(1) + 'px;top:' + depth[i] * H +
        'px;width:' + Math.max(w - 1, 1).toFixed(1) + 'px;background:' + colorOf(i) + ';color:' + inkOf(i) + '">' + (w > 18 ? esc(nameOf(i)) : '') + '</div>');
      if (depth[i] > maxDepth) maxDepth = depth[i];
    };
    for (const a of anc) frame(a, 0, W, 'anc');
    const total = size(zoomed);
    const k = total > 0 ? W / total : 0;
    const stack = [[zoomed, 0]];
    while (stack.length) {
      const [i, x] = stack.pop();
      const w = size(i) * k;
      frame(i, x, w, '');
      let cx = x;
      const next = [];
      for (const c of kids[i]) {
        const cw = size(c) * k;
        if (cw >= 0.5) next.push([c, cx]);
        cx += cw;
      }
      for (let j = next.length - 1; j >= 0; j--) stack.push(next[j]);
    }
    chart.style.height = (maxDepth + 1) * H + 2 + 'px';
    chart.innerHTML = parts.join('');
    crumbs.textContent = zoomed === 0 ? '' : 'Zoomed: ' + anc.slice().reverse().concat([zoomed]).map(nameOf).join(' › ');
    legend();
  }

  function describe(i) {
    const f = S[D.f[i]];
    const lines = [nameOf(i)];
    const meta = [];
    if (f) meta.push(f + (D.l[i] > 0 ? ':' + D.l[i] : ''));
    if (D.pk[i] >= 0) meta.push('package ' + S[D.pk[i]]);
    meta.push(D.kinds[D.k[i]]);
    lines.push(meta.join(' · '));
    lines.push('head: total ' + fmt(D.ht[i] * u) + '/op, self ' + fmt(D.hs[i] * u) + '/op');
    lines.push('base: total ' + fmt(D.bt[i] * u) + '/op, self ' + fmt(D.bs[i] * u) + '/op');
    lines.push('change: self ' + fmtD((D.hs[i] - D.bs[i]) * u) + '/op, total ' + fmtD((D.ht[i] - D.bt[i]) * u) + '/op' + (gone(i) ? ' (only on base)' : ''));
    return lines.join('\\n');
  }

  chart.addEventListener('mouseover', (e) => {
    const el = e.target.closest('.frame');
    if (el) details.textContent = describe(Number(el.dataset.i));
  });
  chart.addEventListener('click', (e) => {
    const el = e.target.closest('.frame');
    if (!el) return;
    zoomed = Number(el.dataset.i);
    render();
  });
  document.getElementById('reset').addEventListener('click', () => { zoomed = 0; render(); });
  for (const b of document.querySelectorAll('.views button')) {
    b.addEventListener('click', () => {
      view = b.dataset.view;
      for (const o of document.querySelectorAll('.views button')) o.classList.toggle('on', o === b);
      render();
      search();
    });
  }

  function search() {
    const term = searchBox.value.trim();
    re = null;
    if (term) {
      try { re = new RegExp(term, 'i'); } catch { re = new RegExp(term.replace(/[.*+?^$()|[\\]\\\\{}]/g, '\\\\$&'), 'i'); }
    }
    for (const el of chart.querySelectorAll('.frame')) el.classList.toggle('match', !!re && re.test(nameOf(Number(el.dataset.i))));
    if (!re) { searchCount.textContent = ''; return; }
    // Time under matching frames, counted once when matches nest (recursion).
    let count = 0;
    let covered = 0;
    const stack = [[0, false]];
    while (stack.length) {
      const [i, inside] = stack.pop();
      const hit = i !== 0 && re.test(nameOf(i));
      if (hit) count++;
      if (hit && !inside) covered += size(i);
      for (const c of kids[i]) stack.push([c, inside || hit]);
    }
    const total = size(0);
    searchCount.textContent = count + (count === 1 ? ' match' : ' matches') + ', ' + (total > 0 ? (100 * covered / total).toFixed(1) : '0') + '% of ' + (view === 'diff' || view === 'head' ? 'head' : 'base') + ' time';
  }
  searchBox.addEventListener('input', search);

  // Function table.
  const rows = D.fns.map((r) => ({ name: S[r[0]], file: S[r[1]], line: r[2], kind: D.kinds[r[3]], pkg: r[4] >= 0 ? S[r[4]] : '',
    bs: r[5] * u, hs: r[6] * u, bt: r[7] * u, ht: r[8] * u, link: r[9] >= 0 ? S[r[9]] : '' }));
  for (const r of rows) {
    r.delta = r.hs - r.bs;
    r.pct = r.bs > 0 ? r.delta / r.bs : r.hs > 0 ? Infinity : 0;
    r.where = r.pkg ? r.pkg + ' · ' + r.file : r.file;
  }
  let sortKey = 'delta';
  let asc = false;
  const tbody = document.querySelector('#functions tbody');
  function table() {
    const key = sortKey;
    const sorted = rows.slice().sort((a, b) => {
      let x = a[key], y = b[key];
      if (key === 'delta' || key === 'pct') { x = Math.abs(x); y = Math.abs(y); }
      const c = typeof x === 'string' ? x.localeCompare(y) : x - y;
      return asc ? c : -c;
    });
    tbody.innerHTML = sorted.map((r) => {
      const cls = r.delta > 0 ? 'grew' : r.delta < 0 ? 'shrank' : '';
      const name = r.link ? '<a href="' + esc(r.link) + '" target="_blank" rel="noopener noreferrer">' + esc(r.name) + '</a>' : esc(r.name);
      const pct = r.pct === Infinity ? 'new' : (r.pct > 0 ? '+' : r.pct < 0 ? '−' : '') + Math.abs(100 * r.pct).toFixed(1) + '%';
      return '<tr><td class="fn">' + name + '</td><td class="where">' + esc(r.where + (r.line > 0 && r.file ? ':' + r.line : '')) + '</td><td>' + esc(r.kind) +
        '</td><td class="num">' + fmt(r.bs) + '</td><td class="num">' + fmt(r.hs) + '</td><td class="num ' + cls + '">' + fmtD(r.delta) +
        '</td><td class="num ' + cls + '">' + pct + '</td><td class="num">' + fmt(r.ht) + '</td></tr>';
    }).join('');
    for (const th of document.querySelectorAll('#functions th')) {
      th.classList.toggle('sorted', th.dataset.sort === sortKey);
      th.classList.toggle('asc', th.dataset.sort === sortKey && asc);
    }
  }
  for (const th of document.querySelectorAll('#functions th')) {
    th.addEventListener('click', () => {
      // Names read best A→Z, numbers largest first.
      if (sortKey === th.dataset.sort) asc = !asc;
      else { sortKey = th.dataset.sort; asc = ['name', 'where', 'kind'].includes(sortKey); }
      table();
    });
  }
  document.getElementById('fns-note').textContent = D.fnsOmitted > 0 ? D.fnsOmitted + ' functions with smaller changes are not listed.' : '';
  window.addEventListener('resize', render);
  render();
  table();
})();
`;
