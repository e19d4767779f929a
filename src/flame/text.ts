// The flame-graph delta as GitHub Markdown, for the PR comment where no image can be hosted: a
// top-down tree of the frames whose time changed most, with their ancestors for context, inside a
// <details> block. A fenced code block keeps the columns aligned under GitHub's renderer. Values are
// printed in the tree's unit (its profiles' sample type: time, bytes, samples), per op by default.

import { escapeHtml, htmlCodeName, oneLine, shortenMiddle } from '../escape.js';
import {
  formatDeltaValue,
  formatPercent,
  formatValue,
  namesWithFiles,
  perOpSuffix,
  plural,
  quantityOf,
  type ValueKind,
} from '../format.js';
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

export interface TextOptions extends ValueOptions {
  /** Hard limit on the returned string's length (the comment's budget for this section). */
  maxChars: number;
  /** Benchmark name for the summary line. */
  title?: string;
  /** At most this many frames, even when the budget allows more; a comment should stay readable. */
  maxFrames?: number;
  /** Changes below this share of the benchmark total are noise and not worth a line. */
  noise?: number;
  /** Width of the bar in characters. */
  barWidth?: number;
  /** Start the block expanded. */
  open?: boolean;
}

const INDENT_CAP = 24;
/**
 * The most characters of a frame's name on one line of the tree; V8 names a regular expression by its
 * whole source, hundreds of characters that would push the tree off the screen.
 */
export const FRAME_NAME_MAX = 80;

export function renderFlameText(tree: FlameTree, options: TextOptions): string {
  const maxFrames = options.maxFrames ?? 40;
  const noise = options.noise ?? 0.001;
  const scale = scaleOf(tree);
  const score = (n: FlameNode) => Math.abs(totalDelta(n)) + Math.abs(selfDelta(n));

  const changed: FlameNode[] = [];
  const parents = new Map<FlameNode, FlameNode>();
  const all: FlameNode[] = [];
  let small = 0;
  const stack: FlameNode[] = [tree.root];
  while (stack.length > 0) {
    const node = stack.pop() as FlameNode;
    for (const c of node.children) {
      parents.set(c, node);
      all.push(c);
      stack.push(c);
      const sc = score(c);
      if (sc > noise * scale) changed.push(c);
      else if (sc > 0) small++;
    }
  }
  // With nothing changed the hot paths are the most useful thing to show.
  const nothingChanged = changed.length === 0;
  const candidates = nothingChanged ? all.filter((n) => n.headTotal > noise * scale) : changed;
  const rank = nothingChanged ? (n: FlameNode) => n.headTotal : score;
  candidates.sort((a, b) => rank(b) - rank(a) || a.depth - b.depth);
  // No frame line is shorter than ~40 characters, so more candidates than this can never fit.
  const limit = Math.min(candidates.length, maxFrames, Math.floor(options.maxChars / 40));

  const render = (k: number): string => {
    const selected = new Set<FlameNode>([tree.root]);
    for (let i = 0; i < k; i++) {
      for (let n: FlameNode | undefined = candidates[i]; n && !selected.has(n); n = parents.get(n))
        selected.add(n);
    }
    const lines = treeLines(
      tree,
      selected,
      rank,
      options.barWidth ?? 20,
      noise * scale,
      kindOf(tree, options),
    );
    const omitted = candidates.length - k;
    const notes = [];
    if (omitted > 0) {
      const what = nothingChanged ? 'cooler' : 'less changed';
      notes.push(`${omitted} ${what} frame${omitted === 1 ? '' : 's'} left out to fit the comment.`);
    }
    if (small > 0 && !nothingChanged) {
      const pct = `${+(noise * 100).toFixed(3)}%`;
      notes.push(
        `${small} frame${small === 1 ? '' : 's'} changed by less than ${pct} of the benchmark: left out.`,
      );
    }
    return wrap(tree, options, lines, notes, nothingChanged, fenceFor(selected, kindOf(tree, options).unit));
  };

  // Binary search for the most frames that fit: the length grows with k.
  let lo = 0;
  let hi = limit;
  let best = render(0);
  if (best.length > options.maxChars) return fallback(tree, options);
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    const text = render(mid);
    if (text.length <= options.maxChars) {
      lo = mid;
      best = text;
    } else {
      hi = mid - 1;
    }
  }
  return best;
}

function kindOf(tree: FlameTree, options: TextOptions): ValueKind {
  return valueKindOfTree(tree, options);
}

function summaryLine(tree: FlameTree, options: TextOptions): string {
  const kind = kindOf(tree, options);
  const op = perOpSuffix(kind);
  const delta = tree.headTotal - tree.baseTotal;
  const pct = tree.baseTotal > 0 ? ` (${formatPercent(delta / tree.baseTotal)})` : '';
  const name = options.title ? `<b>${htmlCodeName(options.title)}</b>: ` : '';
  const value = (text: string) => escapeHtml(oneLine(text));
  // With the benchmark's figures, the header repeats the table's; the profile's own totals would be a
  // third figure that disagrees with both (profiled time carries the profiler's cost).
  if (options.timing)
    return `${name}${value(timingHeadline(options.timing))}; flame graph delta of profiled time`;
  return `${name}flame graph delta, head ${value(formatValue(tree.headTotal, kind))}${op}, ${value(formatDeltaValue(delta, kind))}${op}${pct}`;
}

function wrap(
  tree: FlameTree,
  options: TextOptions,
  lines: string[],
  notes: string[],
  nothingChanged: boolean,
  fence: string,
): string {
  const out: string[] = [];
  out.push(`<details${options.open ? ' open' : ''}><summary>${summaryLine(tree, options)}</summary>`);
  out.push('');
  if (nothingChanged) out.push('No frame changed by more than the noise level; the hottest frames on head:');
  out.push('');
  out.push(`${fence}text`);
  out.push(...lines);
  out.push(fence);
  out.push('');
  const kind = kindOf(tree, options);
  out.push(
    `█ ${escapeHtml(oneLine(quantityOf(kind)))} on both sides · ▒ added on head · ░ gone since base; Δ = head − base${kind.perOp ? ', per op' : ''}.`,
  );
  out.push(...notes);
  out.push('');
  out.push('</details>');
  return `${out.join('\n')}\n`;
}

function fallback(tree: FlameTree, options: TextOptions): string {
  const text = `<details><summary>${summaryLine(tree, options)}</summary>\n\nFrames left out to fit the comment.\n</details>\n`;
  if (text.length <= options.maxChars) return text;
  const bare = `<details><summary>${summaryLine(tree, options)}</summary></details>\n`;
  return bare.length <= options.maxChars ? bare : '';
}

function treeLines(
  tree: FlameTree,
  selected: Set<FlameNode>,
  rank: (n: FlameNode) => number,
  barWidth: number,
  noiseNs: number,
  kind: ValueKind,
): string[] {
  const scale = scaleOf(tree);
  const cells = (node: FlameNode): [string, string, string] => [
    oneLine(formatValue(node.headTotal, kind)),
    oneLine(formatDeltaValue(totalDelta(node), kind)),
    oneLine(formatDeltaValue(selfDelta(node), kind)),
  ];
  // Time fits the default widths; other units' numbers (`12345 samples`) may need more.
  const widths: Widths = [9, 10, 10];
  if (kind.unit !== 'nanoseconds' && kind.unit !== 'ns') {
    for (const node of selected) {
      cells(node).forEach((c, i) => {
        widths[i] = Math.max(widths[i] as number, c.length);
      });
    }
  }
  const [w0, w1, w2] = widths;
  const header = `${pad(kind.perOp ? 'head/op' : 'head', w0)}  ${pad('Δ total', w1)}  ${pad('Δ self', w2)}  ${'bar'.padEnd(barWidth)}  frame`;
  const lines = [header];
  // Two frames of one name (nested or side by side) are told apart by their files.
  const nodes = [...selected];
  const names = new Map<FlameNode, string>();
  for (const [i, name] of namesWithFiles(nodes).entries()) names.set(nodes[i] as FlameNode, name);
  const visit = (node: FlameNode, level: number, elided: number) => {
    const kids = node.children.filter((c) => selected.has(c)).sort((a, b) => rank(b) - rank(a));
    // A chain of frames that only pass time through (one shown child, no self change of their own)
    // says little; show its first frame and a count instead of 40 levels of indentation.
    const passThrough = kids.length === 1 && Math.abs(selfDelta(node)) <= noiseNs && node !== tree.root;
    if (passThrough && elided > 0) {
      visit(kids[0] as FlameNode, level, elided + 1);
      return;
    }
    if (elided > 1)
      lines.push(
        `${' '.repeat(w0 + 2 + w1 + 2 + w2 + 2 + barWidth + 2)}${indent(level)}┆ ${plural(elided - 1, 'frame')}`,
      );
    lines.push(line(node, names.get(node) ?? node.name, level, scale, barWidth, cells(node), widths));
    const next = passThrough ? 1 : 0;
    for (const c of kids) visit(c, level + 1, next);
  };
  visit(tree.root, 0, 0);
  return lines;
}

type Widths = [number, number, number];

function line(
  node: FlameNode,
  shownName: string,
  level: number,
  scale: number,
  barWidth: number,
  [head, total, self]: [string, string, string],
  [w0, w1, w2]: Widths,
): string {
  const name =
    shortenMiddle(oneLine(shownName), FRAME_NAME_MAX) +
    (node.package && node.kind === 'dependency' && !node.collapsed ? ` [${node.package}]` : '');
  const gone = node.headTotal === 0 && node.baseTotal > 0 ? ' (only on base)' : '';
  return `${pad(head, w0)}  ${pad(total, w1)}  ${pad(self, w2)}  ${bar(node, scale, barWidth)}  ${indent(level)}${level > 0 ? '└ ' : ''}${name}${gone}`;
}

function indent(level: number): string {
  const l = Math.max(0, level - 1);
  return l <= INDENT_CAP ? '  '.repeat(l) : `${'  '.repeat(INDENT_CAP - 1)}»${level - 1 - INDENT_CAP + 1} `;
}

/** The frame's share of the benchmark: both sides' common part, then what head added or base lost. */
function bar(node: FlameNode, scale: number, width: number): string {
  if (!(scale > 0)) return ' '.repeat(width);
  const cells = (v: number) => Math.round((v / scale) * width);
  const both = cells(Math.min(node.baseTotal, node.headTotal));
  const head = cells(node.headTotal);
  const base = cells(node.baseTotal);
  const s = '█'.repeat(both) + (head > base ? '▒'.repeat(head - both) : '░'.repeat(Math.max(0, base - both)));
  return s.padEnd(width).slice(0, width);
}

function pad(s: string, n: number): string {
  return s.length >= n ? s : ' '.repeat(n - s.length) + s;
}

/**
 * A code fence longer than any backtick run in the names (and the unit, printed in every line), so
 * that neither can close the block.
 */
function fenceFor(nodes: Iterable<FlameNode>, unit: string): string {
  let longest = 0;
  for (const n of nodes) for (const m of n.name.matchAll(/`+/g)) longest = Math.max(longest, m[0].length);
  for (const m of unit.matchAll(/`+/g)) longest = Math.max(longest, m[0].length);
  return '`'.repeat(Math.max(3, longest + 1));
}
