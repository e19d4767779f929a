// One SVG per benchmark: a differential icicle graph that reads as a static image (in a comment, an
// artifact preview) and becomes interactive when opened directly in a browser: hover for details,
// click to zoom, search to highlight, reset. Two panels: the first is sized by head's value per op
// (what the PR's code costs now); the second is sized by base's, so that stacks that exist only on
// base (head width 0) still show, marked with a dashed outline. Values are printed in the tree's unit
// (its profiles' sample type: time, bytes, samples), per op unless `perOp` is false.

import { escapeHtml } from '../escape.js';
import {
  formatDeltaValue,
  formatPercent,
  formatValue,
  perOpSuffix,
  quantityOf,
  type ValueKind,
} from '../format.js';
import SVG_SCRIPT from './browser/svg-viewer.js?script';
import { deltaColor, textColor } from './color.js';
import { CHAR_W, FONT_PX, fitLabel } from './label.js';
import {
  type FlameNode,
  type FlameTree,
  scaleOf,
  selfDelta,
  timingHeadline,
  totalDelta,
  type ValueOptions,
  valueKindOfTree,
} from './tree.js';

export interface SvgOptions extends ValueOptions {
  title?: string;
  subtitle?: string;
  /** Image width in px. */
  width?: number;
  /** Frames narrower than this many px are left out (with their children); keeps big profiles small. */
  minFramePx?: number;
  /** Draw the base-sized panel; by default it is drawn whenever base has samples. */
  basePanel?: boolean;
}

const FRAME_H = 17;
const PAD = 10;

interface Panel {
  sizeBy: 'head' | 'base';
  label: string;
}

export function renderFlameSvg(tree: FlameTree, options: SvgOptions = {}): string {
  const width = options.width ?? 1200;
  const minPx = options.minFramePx ?? 0.3;
  const kind = valueKindOfTree(tree, options);
  const fmt = (v: number) => formatValue(v, kind);
  const op = perOpSuffix(kind);
  const what = quantityOf(kind);
  const panels: Panel[] = [];
  if (tree.headTotal > 0 || tree.baseTotal === 0) {
    panels.push({
      sizeBy: 'head',
      label: `Head: width = ${what}${op} on head (${fmt(tree.headTotal)}${op}); colour = change in self ${what}${op}`,
    });
  }
  if (tree.baseTotal > 0 && options.basePanel !== false) {
    panels.push({
      sizeBy: 'base',
      label: `Base: width = ${what}${op} on base (${fmt(tree.baseTotal)}${op}); dashed = only on base`,
    });
  }

  const body: string[] = [];
  const titles = new FrameTitles(tree, kind);
  let y = 70;
  panels.forEach((panel, p) => {
    body.push(`<text class="pl" x="${PAD}" y="${y + 13}">${escapeHtml(panel.label)}</text>`);
    y += 20;
    const top = y;
    const depth = drawPanel(body, tree, panel, p, top, width, minPx, titles);
    y = top + (depth + 1) * FRAME_H + 14;
  });
  const height = y + 26;

  const title = options.title ?? 'Flame graph delta';
  const lead = options.timing ? `${timingHeadline(options.timing)}; profiled: ` : '';
  const subtitle =
    options.subtitle ??
    `${lead}head ${fmt(tree.headTotal)}${op}, base ${fmt(tree.baseTotal)}${op} (${formatDeltaValue(
      tree.headTotal - tree.baseTotal,
      kind,
    )}); red = self ${what} grew, blue = shrank`;

  const out: string[] = [];
  out.push('<?xml version="1.0" encoding="UTF-8" standalone="no"?>');
  out.push(
    `<svg version="1.1" xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" ` +
      `viewBox="0 0 ${width} ${height}" data-fw="${width - 2 * PAD}" data-pad="${PAD}" data-cw="${CHAR_W}">`,
  );
  out.push(`<style>${STYLE}</style>`);
  out.push(`<script type="text/ecmascript"><![CDATA[${SVG_SCRIPT}]]></script>`);
  out.push(`<rect x="0" y="0" width="${width}" height="${height}" fill="rgb(250,250,250)"/>`);
  out.push(`<text class="ti" x="${width / 2}" y="22">${escapeHtml(title)}</text>`);
  out.push(`<text class="st" x="${width / 2}" y="40">${escapeHtml(subtitle)}</text>`);
  out.push(legend(width));
  out.push(`<text id="reset" class="ctl" x="${PAD}" y="58" style="opacity:0">Reset zoom</text>`);
  out.push(`<text id="search" class="ctl" x="${width - PAD}" y="58" text-anchor="end">Search</text>`);
  const end = [
    `<text id="details" x="${PAD}" y="${height - 10}"> </text>`,
    `<text id="matched" x="${width - PAD}" y="${height - 10}" text-anchor="end"> </text>`,
    '</svg>',
  ];
  // Joined in three parts: spreading the frames into one array is a call with one argument per
  // frame, which a large profile's tens of thousands of frames overflow.
  return `${out.join('\n')}\n${body.join('\n')}\n${end.join('\n')}\n`;
}

function legend(width: number): string {
  const items: [string, string][] = [
    ['rgb(255,0,0)', 'self grew'],
    ['rgb(0,0,255)', 'self shrank'],
    ['rgb(224,224,224)', 'unchanged'],
  ];
  let x = width / 2 - 150;
  const parts: string[] = [];
  for (const [fill, label] of items) {
    parts.push(`<rect x="${x}" y="49" width="10" height="10" fill="${fill}"/>`);
    parts.push(`<text class="lg" x="${x + 14}" y="58">${label}</text>`);
    x += 100;
  }
  return parts.join('');
}

function drawPanel(
  out: string[],
  tree: FlameTree,
  panel: Panel,
  p: number,
  top: number,
  width: number,
  minPx: number,
  titles: FrameTitles,
): number {
  const head = panel.sizeBy === 'head';
  const total = head ? tree.root.headTotal : tree.root.baseTotal;
  const fullW = width - 2 * PAD;
  const pxPerNs = total > 0 ? fullW / total : 0;
  let maxDepth = 0;
  // Depth first, in order: the nodes still to draw and their x, as two parallel stacks.
  const nodes: FlameNode[] = [tree.root];
  const xs: number[] = [PAD];
  while (nodes.length > 0) {
    const node = nodes.pop() as FlameNode;
    const x = xs.pop() as number;
    const w = total > 0 ? (head ? node.headTotal : node.baseTotal) * pxPerNs : fullW;
    if (node.depth > maxDepth) maxDepth = node.depth;
    out.push(frame(node, p, x, top + node.depth * FRAME_H, w, titles));
    // Children are pushed, then their run reversed, so that they pop (and are drawn) first to last.
    const from = nodes.length;
    let cx = x;
    for (const c of node.children) {
      const cw = (head ? c.headTotal : c.baseTotal) * pxPerNs;
      if (cw >= minPx) {
        nodes.push(c);
        xs.push(cx);
      }
      cx += cw;
    }
    for (let i = from, j = nodes.length - 1; i < j; i++, j--) {
      [nodes[i], nodes[j]] = [nodes[j] as FlameNode, nodes[i] as FlameNode];
      [xs[i], xs[j]] = [xs[j] as number, xs[i] as number];
    }
  }
  return maxDepth;
}

/**
 * What a frame shows whatever its size and panel (tooltip, colour, ink), computed once per node: most
 * nodes are drawn in both panels.
 */
class FrameTitles {
  private readonly cache = new Map<
    FlameNode,
    { title: string; fill: string; inkAttr: string; onlyBase: boolean }
  >();
  private readonly inks = new Map<string, string>();

  /** A value, and a signed one, in the tree's unit with its `/op`. */
  private readonly v: (n: number) => string;
  private readonly dv: (n: number) => string;

  constructor(
    private readonly tree: FlameTree,
    kind: ValueKind,
  ) {
    const op = perOpSuffix(kind);
    this.v = (n) => `${formatValue(n, kind)}${op}`;
    this.dv = (n) => `${formatDeltaValue(n, kind)}${op}`;
  }

  of(node: FlameNode) {
    let text = this.cache.get(node);
    if (text === undefined) {
      const tree = this.tree;
      const { v, dv } = this;
      const d = selfDelta(node);
      const fill = deltaColor(d, scaleOf(tree));
      const onlyBase = node.headTotal === 0 && node.baseTotal > 0;
      const where = node.file ? `${node.file}${node.line > 0 ? `:${node.line}` : ''}` : '';
      const meta = [
        where,
        node.package && node.kind === 'dependency' ? `package ${node.package}` : '',
        node.kind,
      ]
        .filter(Boolean)
        .join(' · ');
      const share = (v: number, t: number) => (t > 0 ? ` (${formatPercent(v / t, false)})` : '');
      const title = [
        node.name,
        meta,
        `head: total ${v(node.headTotal)}${share(node.headTotal, tree.headTotal)}, self ${v(node.headSelf)}`,
        `base: total ${v(node.baseTotal)}${share(node.baseTotal, tree.baseTotal)}, self ${v(node.baseSelf)}`,
        `change: self ${dv(d)}, total ${dv(totalDelta(node))}${onlyBase ? ' (only on base)' : ''}`,
      ].join('\n');
      let inkAttr = this.inks.get(fill);
      if (inkAttr === undefined) {
        const ink = textColor(fill);
        inkAttr = ink === 'rgb(0,0,0)' ? '' : ` style="fill:${ink}"`;
        this.inks.set(fill, inkAttr);
      }
      text = { title: escapeHtml(title), fill, inkAttr, onlyBase };
      this.cache.set(node, text);
    }
    return text;
  }
}

function frame(node: FlameNode, p: number, x: number, y: number, w: number, titles: FrameTitles): string {
  const { title, fill, inkAttr, onlyBase } = titles.of(node);
  const label = fitLabel(node.name, w);
  const cls = onlyBase ? 'f gone' : 'f';
  return (
    `<g class="${cls}" data-p="${p}"><title>${title}</title>` +
    `<rect x="${r(x)}" y="${y}" width="${r(w)}" height="${FRAME_H - 1}" fill="${fill}" rx="2"/>` +
    `<text x="${r(x + 3)}" y="${y + 12}"${inkAttr}>${label ? escapeHtml(label) : ''}</text></g>`
  );
}

/**
 * A coordinate to two decimals, as String(Math.round(n * 100) / 100) writes it, from the integer
 * hundredths: turning a fraction into text is the slow case of number formatting, and an SVG of a
 * large profile writes tens of thousands of coordinates.
 */
function r(n: number): string {
  const hundredths = Math.round(n * 100);
  if (!(hundredths >= 0 && hundredths < 2 ** 31)) return String(hundredths / 100);
  const whole = (hundredths / 100) | 0;
  const rest = hundredths - whole * 100;
  if (rest === 0) return String(whole);
  if (rest % 10 === 0) return `${whole}.${rest / 10}`;
  return `${whole}.${rest < 10 ? '0' : ''}${rest}`;
}

const STYLE = [
  `text{font-family:Verdana,Helvetica,sans-serif;font-size:${FONT_PX}px;fill:rgb(0,0,0)}`,
  '.ti{font-size:17px;text-anchor:middle}',
  '.st{font-size:12px;text-anchor:middle;fill:rgb(80,80,80)}',
  '.pl{font-size:12px;font-weight:bold}',
  '.lg{font-size:11px}',
  '.ctl{cursor:pointer;font-size:12px;fill:rgb(0,0,160)}',
  '.f{cursor:pointer}',
  '.f text{pointer-events:none}',
  '.f:hover rect{stroke:rgb(0,0,0);stroke-width:0.5}',
  '.gone rect{stroke:rgb(0,0,140);stroke-width:1;stroke-dasharray:3,2}',
  '.f.hl rect{fill:rgb(230,0,230)}',
  '.f.pa{opacity:0.55}',
  '.f.hid{display:none}',
].join('');
