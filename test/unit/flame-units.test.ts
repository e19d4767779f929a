// The flame graphs' value option (`value: ValueKind`): every number the SVG, the HTML viewer (page and
// page script) and the Markdown text print follows the profile's unit and whether it is per op.
import { describe, expect, it } from 'vitest';
import { renderFlameHtml } from '../../src/flame/html.js';
import { renderFlameSvg } from '../../src/flame/svg.js';
import { renderFlameText } from '../../src/flame/text.js';
import { buildFlameTree, type FlameTree } from '../../src/flame/tree.js';
import {
  formatDeltaValue,
  formatValue,
  NS_PER_OP,
  perOpSuffix,
  quantityOf,
  type ValueKind,
} from '../../src/format.js';
import type { Frame, PackedProfile } from '../../src/model.js';
import { profile, standardPair } from './flame-fixtures.js';

const SAMPLES: ValueKind = { unit: 'count', perOp: false };
const BYTES_PER_OP: ValueKind = { unit: 'bytes', perOp: true };
const NS_TOTAL: ValueKind = { unit: 'nanoseconds', perOp: false };

/** A decoder-style packed profile from `stack → value` pairs (stacks root first, `a;b;c`). */
function packed(stacks: Record<string, number>, ops: number, unit: string): PackedProfile {
  const frames: Frame[] = [];
  const ids = new Map<string, number>();
  const stackFrames: number[] = [];
  const stackStart: number[] = [0];
  const values: number[] = [];
  for (const [path, value] of Object.entries(stacks)) {
    for (const name of path.split(';')) {
      let id = ids.get(name);
      if (id === undefined) {
        id = frames.length;
        frames.push({ name, file: 'app.js', line: 1 + frames.length, kind: 'user' });
        ids.set(name, id);
      }
      stackFrames.push(id);
    }
    stackStart.push(stackFrames.length);
    values.push(value);
  }
  return {
    frames,
    stackFrames: Int32Array.from(stackFrames),
    stackStart: Int32Array.from(stackStart),
    values: Float64Array.from(values),
    samples: Float64Array.from(values),
    ops,
    sampleType: { type: 'samples', unit },
  };
}

/** A folded-stacks pair: sample counts, no op count. `work` grows from 300 to 600 samples. */
function samplesTree(): FlameTree {
  return buildFlameTree(
    packed({ 'main;work': 300, 'main;idle': 100 }, 1, 'count'),
    packed({ 'main;work': 600, 'main;idle': 100 }, 1, 'count'),
  );
}

/** Bytes per op: readPlainScalar allocates 10 KiB/op on base and 54 KiB/op on head. */
function bytesTree(): FlameTree {
  return buildFlameTree(
    profile({ 'load;readPlainScalar': 10_240 * 100, 'load;readBlockMapping': 204_800 * 100 }, 100),
    profile({ 'load;readPlainScalar': 55_296 * 100, 'load;readBlockMapping': 204_800 * 100 }, 100),
  );
}

/** bytesTree's stacks as the allocation pass's heap profiles: their sample type says bytes. */
function allocTree(): FlameTree {
  const heap = { type: 'alloc_space', unit: 'bytes' };
  return buildFlameTree(
    profile({ 'load;readPlainScalar': 10_240 * 100, 'load;readBlockMapping': 204_800 * 100 }, 100, {}, heap),
    profile({ 'load;readPlainScalar': 55_296 * 100, 'load;readBlockMapping': 204_800 * 100 }, 100, {}, heap),
  );
}

function defaultTree(): FlameTree {
  const { base, head } = standardPair();
  return buildFlameTree(base, head);
}

/** The SVG's words about values: panel labels, the subtitle and every frame's title. */
function svgLabels(svg: string): string[] {
  const out: string[] = [];
  for (const m of svg.matchAll(/<text class="(?:pl|st)"[^>]*>([^<]*)<\/text>/g)) out.push(m[1] as string);
  for (const m of svg.matchAll(/<title>([^<]*)<\/title>/g)) out.push(m[1] as string);
  return out;
}

function titleOf(svg: string, name: string): string {
  const m = new RegExp(`<title>${name}\\n([^<]*)</title>`).exec(svg);
  if (!m) throw new Error(`no frame ${name}`);
  return m[1] as string;
}

function dataOf(html: string): Record<string, unknown> {
  const start = html.indexOf('<script type="application/json" id="flame-data">');
  const json = html.slice(html.indexOf('>', start) + 1, html.indexOf('</script>', start));
  return JSON.parse(json);
}

/** The HTML page without its data and page script: what the renderer writes as text. */
function htmlPage(html: string): string {
  return html
    .replace(/<script type="application\/json"[^>]*>[^<]*<\/script>/, '')
    .replace(/<script>[\s\S]*<\/script>/, '');
}

/** A very small stand-in for the DOM, enough to run the viewer's page script and read what it writes. */
class FakeElement {
  textContent = '';
  innerHTML = '';
  value = '';
  clientWidth = 1000;
  style: Record<string, string> = {};
  dataset: Record<string, string> = {};
  classList = { toggle: () => false };
  readonly listeners = new Map<string, ((event: unknown) => void)[]>();
  addEventListener(type: string, listener: (event: unknown) => void): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  querySelectorAll(): FakeElement[] {
    return [];
  }
}

function runViewer(html: string) {
  const elements = new Map<string, FakeElement>();
  const byId = (id: string) => {
    let el = elements.get(id);
    if (!el) {
      el = new FakeElement();
      elements.set(id, el);
    }
    return el;
  };
  const start = html.indexOf('<script type="application/json" id="flame-data">');
  byId('flame-data').textContent = html.slice(html.indexOf('>', start) + 1, html.indexOf('</script>', start));
  const script = html.slice(html.lastIndexOf('<script>') + '<script>'.length, html.lastIndexOf('</script>'));
  const tbody = new FakeElement();
  const document = {
    getElementById: byId,
    querySelectorAll: () => [],
    querySelector: (selector: string) => (selector === '#functions tbody' ? tbody : null),
  };
  const window = { addEventListener: () => undefined };
  new Function('document', 'window', script)(document, window);
  const data = dataOf(html) as { strings: string[]; n: number[] };
  return {
    legend: () => byId('legend').innerHTML,
    table: () => tbody.innerHTML,
    /** The details line of a frame, as hovering it shows. */
    hover(name: string): string {
      const i = data.n.indexOf(data.strings.indexOf(name));
      if (i < 0) throw new Error(`no frame ${name}`);
      const target = { closest: () => ({ dataset: { i: String(i) } }) };
      for (const listener of byId('chart').listeners.get('mouseover') ?? []) listener({ target });
      return byId('details').textContent;
    },
  };
}

const TIME = /\d ?(?:ns|µs|ms)\b/;

describe('value formatting', () => {
  it('formats each unit, per op or in total', () => {
    expect(formatValue(1_230_000, NS_PER_OP)).toBe('1.23 ms');
    expect(formatValue(3_482, BYTES_PER_OP)).toBe('3.4 KiB');
    expect(formatDeltaValue(-45_056, BYTES_PER_OP)).toBe('−44 KiB');
    expect(formatValue(700, SAMPLES)).toBe('700 samples');
    expect(formatValue(1, SAMPLES)).toBe('1 sample');
    expect(formatValue(2.5, SAMPLES)).toBe('2.5 samples');
    expect(formatValue(699.99999, SAMPLES)).toBe('700 samples');
    expect(formatDeltaValue(300, SAMPLES)).toBe('+300 samples');
    expect(formatDeltaValue(-1, SAMPLES)).toBe('−1 sample');
    expect(formatDeltaValue(0, SAMPLES)).toBe('±0 samples');
    expect(formatValue(12, { unit: 'objects', perOp: true })).toBe('12 objects');
    expect(perOpSuffix(BYTES_PER_OP)).toBe('/op');
    expect(perOpSuffix(SAMPLES)).toBe('');
    expect(quantityOf(NS_PER_OP)).toBe('time');
    expect(quantityOf(SAMPLES)).toBe('samples');
    expect(quantityOf(BYTES_PER_OP)).toBe('bytes');
    expect(quantityOf({ unit: 'objects', perOp: false })).toBe('objects');
  });
});

describe('default: time per op, as before', () => {
  const explicit: ValueKind = { unit: 'nanoseconds', perOp: true };

  it('SVG is unchanged by the option and keeps its ns/op labels', () => {
    const tree = defaultTree();
    const svg = renderFlameSvg(tree, { title: 'T' });
    expect(renderFlameSvg(tree, { title: 'T', value: NS_PER_OP })).toBe(svg);
    expect(renderFlameSvg(tree, { title: 'T', value: explicit })).toBe(svg);
    // Exactly as written before the option existed.
    expect(svg).toContain(
      '>Head: width = time/op on head (650 ns/op); colour = change in self time/op</text>',
    );
    expect(svg).toContain('>Base: width = time/op on base (750 ns/op); dashed = only on base</text>');
    expect(svg).toContain(
      '>head 650 ns/op, base 750 ns/op (−100 ns); red = self time grew, blue = shrank</text>',
    );
    expect(titleOf(svg, 'slow')).toBe(
      'src/app.ts:12 · user\nhead: total 300 ns/op (46.2%), self 300 ns/op\n' +
        'base: total 100 ns/op (13.3%), self 100 ns/op\nchange: self +200 ns/op, total +200 ns/op',
    );
  });

  it('text is unchanged, byte for byte', () => {
    const tree = defaultTree();
    const text = renderFlameText(tree, { maxChars: 5000, title: 'T' });
    expect(renderFlameText(tree, { maxChars: 5000, title: 'T', value: explicit })).toBe(text);
    // The rendering before the option existed.
    expect(text).toBe(
      [
        '<details><summary><b><code>T</code></b>: flame graph delta, head 650 ns/op, −100 ns/op (−13.3%)</summary>',
        '',
        '',
        '```text',
        '  head/op     Δ total      Δ self  bar                   frame',
        '   650 ns     −100 ns       ±0 ns  █████████████████░░░  all',
        '   650 ns     −100 ns       ±0 ns  █████████████████░░░  └ main',
        '     0 ns     −150 ns       ±0 ns  ░░░░                    └ legacy (only on base)',
        '     0 ns     −150 ns     −150 ns  ░░░░                      └ oldHelper (only on base)',
        '   350 ns      +50 ns       ±0 ns  ████████▒               └ run',
        '   300 ns     +200 ns     +200 ns  ███▒▒▒▒▒                  └ slow',
        '    50 ns     −150 ns     −150 ns  █░░░░                     └ fast',
        '```',
        '',
        '█ time on both sides · ▒ added on head · ░ gone since base; Δ = head − base, per op.',
        '',
        '</details>',
        '',
      ].join('\n'),
    );
  });

  it('HTML is unchanged by the option and keeps its ns/op labels', () => {
    const tree = defaultTree();
    const html = renderFlameHtml(tree, { title: 'T' });
    expect(renderFlameHtml(tree, { title: 'T', value: explicit })).toBe(html);
    expect(renderFlameHtml(tree, { title: 'T', perOp: true })).toBe(html);
    expect(html).toContain(
      '<p class="summary">head 650 ns/op · base 750 ns/op · change −100 ns/op (−13.3%)</p>',
    );
    expect(html).toContain('<h2>Functions by change of self time per op</h2>');
    expect(html).toContain('title="Width = head time/op; colour = change of self time/op"');
    expect(html).toContain('<th data-sort="bs" class="num">Base self/op</th>');
    // The data is as before: time per op is not spelled out.
    expect(dataOf(html)).not.toHaveProperty('value');
    expect(dataOf(html).bytes).toBe(false);
    const page = runViewer(html);
    expect(page.hover('slow')).toContain('head: total 300 ns/op, self 300 ns/op');
    expect(page.legend()).toContain('Width: head time/op.');
    expect(page.table()).toContain('+200 ns</td>');
  });
});

describe('sample counts in total (folded stacks)', () => {
  it('SVG labels and titles print samples, with no ns and no /op', () => {
    const svg = renderFlameSvg(samplesTree(), { value: SAMPLES });
    const labels = svgLabels(svg);
    expect(labels.length).toBeGreaterThan(4);
    for (const label of labels) {
      expect(label).not.toContain('/op');
      expect(label).not.toMatch(TIME);
    }
    expect(labels).toContain(
      'head 700 samples, base 400 samples (+300 samples); red = self samples grew, blue = shrank',
    );
    expect(labels).toContain('Head: width = samples on head (700 samples); colour = change in self samples');
    expect(titleOf(svg, 'work')).toContain('head: total 600 samples (85.7%), self 600 samples');
    expect(titleOf(svg, 'work')).toContain('change: self +300 samples, total +300 samples');
  });

  it('text prints samples, with no ns and no /op', () => {
    const text = renderFlameText(samplesTree(), { maxChars: 5000, title: 'T', value: SAMPLES });
    expect(text).toContain('flame graph delta, head 700 samples, +300 samples (+75.0%)</summary>');
    expect(text).not.toContain('/op');
    expect(text).not.toContain('per op');
    expect(text).not.toMatch(TIME);
    expect(text).toContain('█ samples on both sides');
    const work = text.split('\n').find((l) => l.includes('└ work'));
    expect(work).toMatch(/^\s*600 samples {2}\+300 samples {2}\+300 samples {2}█+▒+ +└ work$/);
    // The columns widen to fit, so that they stay aligned.
    const lines = text.split('\n');
    const header = lines.find((l) => l.includes('Δ total')) as string;
    expect(header).toMatch(/^ +head {2}/);
    expect(header.indexOf('bar')).toBe((work as string).indexOf('█'));
  });

  it('HTML page and page script print samples, with no ns and no /op', () => {
    const html = renderFlameHtml(samplesTree(), { value: SAMPLES });
    const page = htmlPage(html);
    expect(page).toContain(
      '<p class="summary">head 700 samples · base 400 samples · change +300 samples (+75.0%)</p>',
    );
    expect(page).toContain('<h2>Functions by change of self samples</h2>');
    expect(page).toContain('<th data-sort="hs" class="num">Head self</th>');
    expect(page).not.toContain('/op');
    expect(page).not.toContain('per op');
    expect(page).not.toMatch(/time/);
    expect(dataOf(html).value).toEqual({ unit: 'count', perOp: false, quantity: 'samples' });
    const viewer = runViewer(html);
    const details = viewer.hover('work');
    expect(details).toContain('head: total 600 samples, self 600 samples');
    expect(details).toContain('change: self +300 samples, total +300 samples');
    expect(details).not.toContain('/op');
    expect(viewer.legend()).toContain('Width: head samples.');
    expect(viewer.legend()).not.toContain('/op');
    expect(viewer.table()).toContain('<td class="num">600 samples</td>');
    expect(viewer.table()).toContain('+300 samples</td>');
    expect(viewer.table()).not.toMatch(TIME);
  });

  it('time without an op count is a total: ms, no /op', () => {
    const tree = buildFlameTree(
      packed({ 'main;work': 50_000_000, 'main;idle': 32_100_000 }, 1, 'nanoseconds'),
      packed({ 'main;work': 60_000_000, 'main;idle': 22_100_000 }, 1, 'nanoseconds'),
    );
    const svg = renderFlameSvg(tree, { value: NS_TOTAL });
    expect(svg).toContain('>head 82.1 ms, base 82.1 ms (±0 ns); red = self time grew, blue = shrank</text>');
    for (const label of svgLabels(svg)) expect(label).not.toContain('/op');
    const text = renderFlameText(tree, { maxChars: 5000, value: NS_TOTAL });
    expect(text).toContain('head 82.1 ms, ±0 ns (±0.0%)');
    expect(text).not.toContain('/op');
    expect(htmlPage(renderFlameHtml(tree, { value: NS_TOTAL }))).toContain(
      '<p class="summary">head 82.1 ms · base 82.1 ms · change ±0 ns (±0.0%)</p>',
    );
  });
});

describe('bytes per op', () => {
  it('SVG prints KiB/op and no time', () => {
    const svg = renderFlameSvg(bytesTree(), { value: BYTES_PER_OP });
    expect(svg).toContain('Head: width = bytes/op on head (254 KiB/op)');
    expect(titleOf(svg, 'readPlainScalar')).toContain('head: total 54 KiB/op (21.3%), self 54 KiB/op');
    expect(titleOf(svg, 'readPlainScalar')).toContain('change: self +44 KiB/op, total +44 KiB/op');
    expect(svg).not.toContain(' ns');
    for (const label of svgLabels(svg)) expect(label).not.toMatch(TIME);
  });

  it('text prints KiB/op and no time', () => {
    const text = renderFlameText(bytesTree(), { maxChars: 5000, value: BYTES_PER_OP });
    expect(text).toContain('flame graph delta, head 254 KiB/op, +44 KiB/op');
    expect(text).toMatch(/54 KiB\s+\+44 KiB\s+\+44 KiB\s+.*└ readPlainScalar/);
    expect(text).toContain('█ bytes on both sides');
    expect(text).not.toContain(' ns');
    expect(text).not.toMatch(TIME);
  });

  it("HTML prints KiB/op in the page and the page script; a heap profile's own unit does the same", () => {
    const html = renderFlameHtml(bytesTree(), { value: BYTES_PER_OP });
    expect(htmlPage(html)).toContain(
      '<p class="summary">head 254 KiB/op · base 210 KiB/op · change +44 KiB/op',
    );
    expect(htmlPage(html)).not.toContain(' ns');
    const viewer = runViewer(html);
    expect(viewer.hover('readPlainScalar')).toContain('head: total 54 KiB/op, self 54 KiB/op');
    expect(viewer.table()).toContain('+44 KiB</td>');
    expect(viewer.table()).not.toMatch(TIME);
    expect(viewer.legend()).toContain('Width: head bytes/op.');

    // Profiles that carry `alloc_space`/`bytes` need no option: bytes allocated per op, named so.
    const heap = renderFlameHtml(allocTree());
    expect(heap).toContain('<h2>Functions by change of self allocated bytes per op</h2>');
    expect(htmlPage(heap)).toContain('<p class="summary">head 254 KiB/op · base 210 KiB/op');
    expect(htmlPage(heap)).not.toMatch(TIME);
    expect(heap).toBe(
      renderFlameHtml(bytesTree(), {
        value: { unit: 'bytes', perOp: true, quantity: 'allocated bytes' },
      }),
    );
    expect(runViewer(heap).hover('readPlainScalar')).toContain('change: self +44 KiB/op');
    // An explicit value wins over the tree's own unit.
    expect(renderFlameHtml(allocTree(), { value: BYTES_PER_OP })).toBe(html);
  });
});

describe('other units', () => {
  it('prints the unit name as given, escaped where it is markup', () => {
    const tree = buildFlameTree(
      packed({ 'main;alloc': 120 }, 10, 'objects'),
      packed({ 'main;alloc': 240 }, 10, 'objects'),
    );
    const objects: ValueKind = { unit: 'objects', perOp: true };
    expect(renderFlameSvg(tree, { value: objects })).toContain(
      '>head 24 objects/op, base 12 objects/op (+12 objects)',
    );
    expect(renderFlameText(tree, { maxChars: 5000, value: objects })).toContain(
      'head 24 objects/op, +12 objects/op',
    );

    const nasty: ValueKind = { unit: '<b>```', perOp: true };
    const svg = renderFlameSvg(tree, { value: nasty });
    expect(svg).toContain('head 24 &lt;b&gt;```/op');
    expect(svg).not.toContain('<b>');
    const text = renderFlameText(tree, { maxChars: 5000, value: nasty });
    expect(text).toContain('head 24 &lt;b&gt;```/op, +12 &lt;b&gt;```/op');
    expect(text).toContain('````text');
    const viewer = runViewer(renderFlameHtml(tree, { value: nasty }));
    expect(viewer.table()).toContain('<td class="num">24 &lt;b&gt;```</td>');
    expect(viewer.table()).not.toContain('<b>');
  });
});
