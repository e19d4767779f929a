// Runs inside the SVG flame graph (bundled by scripts/browser-scripts.mjs into the <script> element):
// hover for details, click to zoom, Ctrl+F or "Search" to highlight, Escape or "Reset zoom" to undo.
// The SVG reads as a static image wherever scripts do not run.
import { formatPercent } from '../../format.js';
import { fitLabel } from '../label.js';

interface SvgFrame {
  g: Element;
  rect: Element;
  text: Element;
  title: string;
  name: string;
  /** Panel index, as written by the renderer (`data-p`). */
  p: string | null;
  x: number;
  w: number;
  y: number;
}

const svg = document.documentElement;
const fw = Number.parseFloat(svg.getAttribute('data-fw') ?? '0');
const pad = Number.parseFloat(svg.getAttribute('data-pad') ?? '0');
const cw = Number.parseFloat(svg.getAttribute('data-cw') ?? '6');
const frames: SvgFrame[] = [];

function byId(id: string): Element {
  const el = document.getElementById(id);
  if (!el) throw new Error(`flame graph: #${id} is missing`);
  return el;
}

function place(f: SvgFrame, x: number, w: number): void {
  f.rect.setAttribute('x', String(x));
  f.rect.setAttribute('width', String(w));
  f.text.setAttribute('x', String(x + 3));
  f.text.textContent = fitLabel(f.name, w, cw);
}

function setClass(f: SvgFrame, cls: string, on: boolean): void {
  // SVG elements in old viewers have no classList: edit the attribute.
  const classes = (f.g.getAttribute('class') ?? '').split(/ +/).filter((c) => c && c !== cls);
  if (on) classes.push(cls);
  f.g.setAttribute('class', classes.join(' '));
}

function zoom(z: SvgFrame): void {
  const eps = 0.01;
  for (const f of frames) {
    if (f.p !== z.p) continue;
    setClass(f, 'pa', false);
    setClass(f, 'hid', false);
    if (f.y < z.y && f.x <= z.x + eps && f.x + f.w >= z.x + z.w - eps) {
      place(f, pad, fw);
      setClass(f, 'pa', true);
    } else if (f.y >= z.y && f.x >= z.x - eps && f.x + f.w <= z.x + z.w + eps) {
      place(f, pad + ((f.x - z.x) * fw) / z.w, (f.w * fw) / z.w);
    } else {
      setClass(f, 'hid', true);
    }
  }
  byId('reset').setAttribute('style', 'opacity:1');
}

function reset(): void {
  for (const f of frames) {
    setClass(f, 'pa', false);
    setClass(f, 'hid', false);
    place(f, f.x, f.w);
  }
  byId('reset').setAttribute('style', 'opacity:0');
}

function search(term: string): void {
  let re: RegExp | null = null;
  if (term) {
    try {
      re = new RegExp(term, 'i');
    } catch {
      re = new RegExp(term.replace(/[.*+?^$()|[\]\\{}]/g, '\\$&'), 'i');
    }
  }
  let count = 0;
  const spans: [number, number][] = [];
  for (const f of frames) {
    const hit = re?.test(f.name) === true;
    setClass(f, 'hl', hit);
    if (hit) {
      count++;
      if (f.p === '0') spans.push([f.x, f.x + f.w]);
    }
  }
  // Width under matching frames of the first panel, counted once where matches nest (recursion).
  spans.sort((a, b) => a[0] - b[0]);
  let covered = 0;
  let end = -1;
  for (const [from, to] of spans) {
    if (from >= end) {
      covered += to - from;
      end = to;
    } else if (to > end) {
      covered += to - end;
      end = to;
    }
  }
  byId('matched').textContent =
    re === null
      ? ' '
      : `Matched: ${count} frame${count === 1 ? '' : 's'}, ${formatPercent(covered / fw, false)} of the first panel`;
}

function askSearch(): void {
  const term = window.prompt('Search for a function (regular expression, case-insensitive):', '');
  if (term !== null) search(term);
}

function init(): void {
  const details = byId('details');
  for (const g of Array.from(document.getElementsByTagName('g'))) {
    if (!/(^| )f( |$)/.test(g.getAttribute('class') ?? '')) continue;
    const rect = g.getElementsByTagName('rect')[0];
    const text = g.getElementsByTagName('text')[0];
    const title = g.getElementsByTagName('title')[0]?.textContent ?? '';
    if (!rect || !text) continue;
    const f: SvgFrame = {
      g,
      rect,
      text,
      title,
      name: title.split('\n')[0] ?? '',
      p: g.getAttribute('data-p'),
      x: Number.parseFloat(rect.getAttribute('x') ?? '0'),
      w: Number.parseFloat(rect.getAttribute('width') ?? '0'),
      y: Number.parseFloat(rect.getAttribute('y') ?? '0'),
    };
    frames.push(f);
    g.addEventListener('mouseover', () => {
      details.textContent = f.title.split('\n').join('  |  ');
    });
    g.addEventListener('mouseout', () => {
      details.textContent = ' ';
    });
    g.addEventListener('click', () => zoom(f));
  }
  byId('reset').addEventListener('click', reset);
  byId('search').addEventListener('click', askSearch);
  window.addEventListener('keydown', (e) => {
    if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'f') {
      e.preventDefault();
      askSearch();
    }
    if (e.key === 'Escape') {
      reset();
      search('');
    }
  });
}

if (document.readyState === 'loading') window.addEventListener('load', init);
else init();
