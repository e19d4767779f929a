// Runs in the HTML viewer's page (bundled by scripts/browser-scripts.mjs into its <script> element):
// draws the flame graph from the page's JSON data, zooms on click, searches, switches views, and sorts
// the function table. It loads nothing from the network.
import { escapeHtml } from '../../escape.js';
import {
  formatDeltaValue,
  formatPercent,
  formatValue,
  NS_PER_OP,
  perOpSuffix,
  quantityOf,
  type ValueKind,
} from '../../format.js';
import type { ViewerData } from './viewer-data.js';

type View = 'diff' | 'diffbase' | 'head' | 'base';

function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`flame viewer: #${id} is missing`);
  return el as T;
}

const D = JSON.parse(byId('flame-data').textContent ?? '{}') as ViewerData;
// Time per op unless the data says otherwise (the renderer writes `value` for every other kind: bytes
// per op for the allocation flame graph, sample counts, totals of a profile without an op count).
const kind: ValueKind = D.value ?? NS_PER_OP;
const op = perOpSuffix(kind);
const what = escapeHtml(quantityOf(kind));
const fmt = (v: number) => formatValue(v, kind);
const fmtDelta = (v: number) => formatDeltaValue(v, kind);
const S = D.strings;
const N = D.n.length;
const u = D.unit;
const at = (column: number[], i: number) => column[i] ?? 0;
const kids: number[][] = Array.from({ length: N }, () => []);
const depth = new Int32Array(N);
for (let i = 1; i < N; i++) {
  const parent = at(D.par, i);
  kids[parent]?.push(i);
  depth[i] = (depth[parent] ?? 0) + 1;
}
const H = 17;
const chart = byId('chart');
const details = byId('details');
const crumbs = byId('crumbs');
const searchBox = byId<HTMLInputElement>('search');
const searchCount = byId('search-count');
let view: View = 'diff';
let zoomed = 0;
let re: RegExp | null = null;
const sizedByHead = () => view === 'diff' || view === 'head';
const byChange = () => view === 'diff' || view === 'diffbase';
const size = (i: number) => (sizedByHead() ? at(D.ht, i) : at(D.bt, i));
const colorOf = (i: number) => (byChange() ? D.colors[at(D.c, i)] : D.kindColors[at(D.k, i)]);
const inkOf = (i: number) => (byChange() ? D.inks[at(D.c, i)] : '#000');
const nameOf = (i: number) => S[at(D.n, i)] ?? '';
const gone = (i: number) => at(D.ht, i) === 0 && at(D.bt, i) > 0;

function legend(): void {
  const el = byId('legend');
  if (byChange()) {
    el.innerHTML =
      (view === 'diff' ? `Width: head ${what}${op}.` : `Width: base ${what}${op}; dashed = only on base.`) +
      ` Colour: change of self ${what}${op} <i style="background:rgb(255,54,54)"></i>grew<i style="background:rgb(54,94,255)"></i>shrank<i style="background:rgb(224,224,224)"></i>unchanged`;
  } else {
    el.innerHTML = `Width: ${view} ${what}${op}. Colour: kind${D.kinds
      .map((k, i) => `<i style="background:${D.kindColors[i]}"></i>${escapeHtml(k)}`)
      .join('')}`;
  }
}

function render(): void {
  if (size(zoomed) <= 0) zoomed = 0;
  const W = chart.clientWidth || 1000;
  const parts: string[] = [];
  const anc: number[] = [];
  for (let a = at(D.par, zoomed); a >= 0; a = at(D.par, a)) anc.push(a);
  let maxDepth = depth[zoomed] ?? 0;
  const frame = (i: number, x: number, w: number, extra: string) => {
    let cls = `frame ${D.changes[at(D.ch, i)]}`;
    if (gone(i)) cls += ' gone';
    if (extra) cls += ` ${extra}`;
    if (re?.test(nameOf(i))) cls += ' match';
    const d = depth[i] ?? 0;
    parts.push(
      `<div class="${cls}" data-i="${i}" style="left:${x.toFixed(1)}px;top:${d * H}px;width:${Math.max(w - 1, 1).toFixed(1)}px;` +
        `background:${colorOf(i)};color:${inkOf(i)}">${w > 18 ? escapeHtml(nameOf(i)) : ''}</div>`,
    );
    if (d > maxDepth) maxDepth = d;
  };
  for (const a of anc) frame(a, 0, W, 'anc');
  const total = size(zoomed);
  const k = total > 0 ? W / total : 0;
  const stack: [number, number][] = [[zoomed, 0]];
  for (let top = stack.pop(); top; top = stack.pop()) {
    const [i, x] = top;
    frame(i, x, size(i) * k, '');
    let cx = x;
    const next: [number, number][] = [];
    for (const c of kids[i] ?? []) {
      const cw = size(c) * k;
      if (cw >= 0.5) next.push([c, cx]);
      cx += cw;
    }
    stack.push(...next.reverse());
  }
  chart.style.height = `${(maxDepth + 1) * H + 2}px`;
  chart.innerHTML = parts.join('');
  crumbs.textContent =
    zoomed === 0 ? '' : `Zoomed: ${[...anc].reverse().concat([zoomed]).map(nameOf).join(' › ')}`;
  legend();
}

function describe(i: number): string {
  const file = S[at(D.f, i)];
  const line = at(D.l, i);
  const meta: string[] = [];
  if (file) meta.push(file + (line > 0 ? `:${line}` : ''));
  if (at(D.pk, i) >= 0) meta.push(`package ${S[at(D.pk, i)]}`);
  meta.push(D.kinds[at(D.k, i)] ?? '');
  return [
    nameOf(i),
    meta.join(' · '),
    `head: total ${fmt(at(D.ht, i) * u)}${op}, self ${fmt(at(D.hs, i) * u)}${op}`,
    `base: total ${fmt(at(D.bt, i) * u)}${op}, self ${fmt(at(D.bs, i) * u)}${op}`,
    `change: self ${fmtDelta((at(D.hs, i) - at(D.bs, i)) * u)}${op}, total ${fmtDelta(
      (at(D.ht, i) - at(D.bt, i)) * u,
    )}${op}${gone(i) ? ' (only on base)' : ''}`,
  ].join('\n');
}

const frameIndex = (e: Event) => {
  const el = (e.target as Element | null)?.closest<HTMLElement>('.frame');
  return el ? Number(el.dataset.i) : undefined;
};
chart.addEventListener('mouseover', (e) => {
  const i = frameIndex(e);
  if (i !== undefined) details.textContent = describe(i);
});
chart.addEventListener('click', (e) => {
  const i = frameIndex(e);
  if (i === undefined) return;
  zoomed = i;
  render();
});
byId('reset').addEventListener('click', () => {
  zoomed = 0;
  render();
});
const viewButtons = Array.from(document.querySelectorAll<HTMLButtonElement>('.views button'));
for (const b of viewButtons) {
  b.addEventListener('click', () => {
    view = (b.dataset.view as View | undefined) ?? 'diff';
    for (const o of viewButtons) o.classList.toggle('on', o === b);
    render();
    search();
  });
}

function search(): void {
  const term = searchBox.value.trim();
  re = null;
  if (term) {
    try {
      re = new RegExp(term, 'i');
    } catch {
      re = new RegExp(term.replace(/[.*+?^$()|[\]\\{}]/g, '\\$&'), 'i');
    }
  }
  for (const el of Array.from(chart.querySelectorAll<HTMLElement>('.frame')))
    el.classList.toggle('match', !!re && re.test(nameOf(Number(el.dataset.i))));
  if (!re) {
    searchCount.textContent = '';
    return;
  }
  // Time under matching frames, counted once when matches nest (recursion).
  let count = 0;
  let covered = 0;
  const stack: [number, boolean][] = [[0, false]];
  for (let top = stack.pop(); top; top = stack.pop()) {
    const [i, inside] = top;
    const hit = i !== 0 && re.test(nameOf(i));
    if (hit) count++;
    if (hit && !inside) covered += size(i);
    for (const c of kids[i] ?? []) stack.push([c, inside || hit]);
  }
  const total = size(0);
  searchCount.textContent = `${count}${count === 1 ? ' match' : ' matches'}, ${formatPercent(
    total > 0 ? covered / total : 0,
    false,
  )} of ${sizedByHead() ? 'head' : 'base'} ${quantityOf(kind)}`;
}
searchBox.addEventListener('input', search);

// Function table.
interface Row {
  name: string;
  file: string;
  line: number;
  kind: string;
  pkg: string;
  bs: number;
  hs: number;
  bt: number;
  ht: number;
  link: string;
  delta: number;
  pct: number;
  where: string;
}
const rows: Row[] = D.fns.map(([name, file, line, kind, pkg, bs, hs, bt, ht, link]) => {
  const row = {
    name: S[name] ?? '',
    file: S[file] ?? '',
    line,
    kind: D.kinds[kind] ?? '',
    pkg: pkg >= 0 ? (S[pkg] ?? '') : '',
    bs: bs * u,
    hs: hs * u,
    bt: bt * u,
    ht: ht * u,
    link: link >= 0 ? (S[link] ?? '') : '',
  };
  const delta = row.hs - row.bs;
  return {
    ...row,
    delta,
    pct: row.bs > 0 ? delta / row.bs : row.hs > 0 ? Number.POSITIVE_INFINITY : 0,
    where: row.pkg ? `${row.pkg} · ${row.file}` : row.file,
  };
});
type SortKey = 'name' | 'where' | 'kind' | 'bs' | 'hs' | 'delta' | 'pct' | 'ht';
let sortKey: SortKey = 'delta';
let asc = false;
const tbody = document.querySelector('#functions tbody') as HTMLElement;
const headers = Array.from(document.querySelectorAll<HTMLElement>('#functions th'));

function table(): void {
  const key = sortKey;
  const sorted = [...rows].sort((a, b) => {
    const x = a[key];
    const y = b[key];
    const c =
      typeof x === 'string' || typeof y === 'string'
        ? String(x).localeCompare(String(y))
        : key === 'delta' || key === 'pct'
          ? Math.abs(x) - Math.abs(y)
          : x - y;
    return asc ? c : -c;
  });
  tbody.innerHTML = sorted
    .map((r) => {
      const cls = r.delta > 0 ? 'grew' : r.delta < 0 ? 'shrank' : '';
      const name = r.link
        ? `<a href="${escapeHtml(r.link)}" target="_blank" rel="noopener noreferrer">${escapeHtml(r.name)}</a>`
        : escapeHtml(r.name);
      const pct = r.pct === Number.POSITIVE_INFINITY ? 'new' : formatPercent(r.pct);
      const where = r.where + (r.line > 0 && r.file ? `:${r.line}` : '');
      return (
        `<tr><td class="fn">${name}</td><td class="where">${escapeHtml(where)}</td><td>${escapeHtml(r.kind)}</td>` +
        `<td class="num">${escapeHtml(fmt(r.bs))}</td><td class="num">${escapeHtml(fmt(r.hs))}</td>` +
        `<td class="num ${cls}">${escapeHtml(fmtDelta(r.delta))}</td><td class="num ${cls}">${pct}</td>` +
        `<td class="num">${escapeHtml(fmt(r.ht))}</td></tr>`
      );
    })
    .join('');
  for (const th of headers) {
    th.classList.toggle('sorted', th.dataset.sort === sortKey);
    th.classList.toggle('asc', th.dataset.sort === sortKey && asc);
  }
}
for (const th of headers) {
  th.addEventListener('click', () => {
    // Names read best A→Z, numbers largest first.
    const key = th.dataset.sort as SortKey;
    if (sortKey === key) asc = !asc;
    else {
      sortKey = key;
      asc = key === 'name' || key === 'where' || key === 'kind';
    }
    table();
  });
}
byId('fns-note').textContent =
  D.fnsOmitted > 0 ? `${D.fnsOmitted} functions with smaller changes are not listed.` : '';
window.addEventListener('resize', render);
render();
table();
