// Names in text outputs: a long one (a regular expression's whole source) is shortened in the middle
// in the text flame graph, the terminal and the comment, and kept whole in the JSON report, the SVG's
// tooltips and the HTML viewer's data; two of one name are told apart by their files.
import { describe, expect, it } from 'vitest';
import { codeName, escapeHtml, NAME_MAX, shortenMiddle } from '../../src/escape.js';
import { renderFlameHtml } from '../../src/flame/html.js';
import { renderFlameSvg } from '../../src/flame/svg.js';
import { FRAME_NAME_MAX, renderFlameText } from '../../src/flame/text.js';
import { buildFlameTree } from '../../src/flame/tree.js';
import { namesWithFiles } from '../../src/format.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { renderTerminal, TERMINAL_NAME_MAX } from '../../src/report/terminal.js';
import { bench, FILE, fnRow, report } from './compare-fixtures.js';
import { profile } from './flame-fixtures.js';

// 230 characters: a long regular expression as V8 names its frame.
const LONG = `RegExp: ^(${'[a-z0-9]+\\.'.repeat(20).slice(0, 203)})$ (in parseHost)`;

describe('shortenMiddle', () => {
  it('keeps both ends of a long name around one ellipsis, and short names as they are', () => {
    const shown = shortenMiddle(LONG, 80);
    expect(LONG).toHaveLength(230);
    expect(shown).toHaveLength(80);
    expect(shown.split('…')).toHaveLength(2);
    expect(LONG.startsWith(shown.slice(0, shown.indexOf('…')))).toBe(true);
    expect(LONG.endsWith(shown.slice(shown.indexOf('…') + 1))).toBe(true);
    expect(shortenMiddle('parse', 80)).toBe('parse');
  });

  it('never splits a character made of two code units', () => {
    const shown = shortenMiddle('😀'.repeat(10), 6);
    expect(shown).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
    expect(shown.length).toBeLessThanOrEqual(6);
  });

  it('is how the comment shows a long name', () => {
    const cell = codeName(LONG);
    expect(cell).toContain('…');
    expect(cell).toContain('(in parseHost)');
    expect(cell.length).toBeLessThanOrEqual(NAME_MAX + 2);
  });
});

describe('namesWithFiles', () => {
  it('leaves names that are not shared, or shared within one file, as they are', () => {
    expect(
      namesWithFiles([
        { name: 'parse', file: 'src/a.js' },
        { name: 'run', file: 'src/b.js' },
        { name: 'parse', file: 'src/a.js' },
      ]),
    ).toEqual(['parse', 'run', 'parse']);
  });

  it('adds the shortest end of the file that tells two of one name apart', () => {
    expect(
      namesWithFiles([
        { name: 'groupBy', file: 'src/array/groupBy.ts' },
        { name: 'groupBy', file: 'src/map/groupBy.ts' },
        { name: 'chunk', file: 'src/array/chunk.ts' },
        { name: 'from', file: '' },
        { name: 'from', file: 'src/compat/from.ts' },
        { name: 'from', file: 'lib/from.ts' },
        { name: 'get', file: 'a.ts' },
        { name: 'get', file: 'src/a.ts' },
      ]),
    ).toEqual([
      'groupBy (array/groupBy.ts)',
      'groupBy (map/groupBy.ts)',
      'chunk',
      // A builtin has no file to add.
      'from',
      'from (compat/from.ts)',
      'from (lib/from.ts)',
      'get (a.ts)',
      'get (src/a.ts)',
    ]);
  });
});

describe('the text flame graph', () => {
  const specs = {
    [LONG]: { file: 'node_modules/tld/index.js', kind: 'dependency' as const, package: 'tld' },
    outer: { file: 'src/compat/array/groupBy.ts' },
    inner: { file: 'src/array/groupBy.ts' },
  };
  // Two nested frames named groupBy, from two files (es-toolkit's compat wrapper and its core).
  const stacks = (grow: number) => ({
    [`main;${LONG}`]: 1000 * grow,
    'main;outer;inner': 500 * grow,
  });
  const rename = (p: ReturnType<typeof profile>) => ({
    ...p,
    frames: p.frames.map((f) => (f.name === 'outer' || f.name === 'inner' ? { ...f, name: 'groupBy' } : f)),
  });
  const tree = buildFlameTree(rename(profile(stacks(1), 1, specs)), rename(profile(stacks(2), 1, specs)));

  it('shortens a long frame name in the middle and keeps the lines short', () => {
    const text = renderFlameText(tree, { maxChars: 20_000 });
    expect(text).not.toContain(LONG);
    expect(text).toContain(shortenMiddle(LONG, FRAME_NAME_MAX));
    const block = text.slice(text.indexOf('```text'), text.lastIndexOf('```'));
    for (const line of block.split('\n')) expect(line.length).toBeLessThan(80 + FRAME_NAME_MAX);
  });

  it('tells two frames of one name apart by their files', () => {
    const text = renderFlameText(tree, { maxChars: 20_000 });
    expect(text).toContain('└ groupBy (compat/array/groupBy.ts)');
    expect(text).toContain('└ groupBy (src/array/groupBy.ts)');
  });

  it('keeps the whole name in the SVG tooltip and the HTML viewer', () => {
    const svg = renderFlameSvg(tree);
    expect(svg).toContain(`<title>${escapeHtml(LONG)}`);
    const html = renderFlameHtml(tree);
    expect(html).toContain(JSON.stringify(LONG).slice(1, -1));
  });
});

describe('reports', () => {
  const key = `${FILE} > hosts`;
  const r = report(
    [bench('hosts', 'regressed', 0.2)],
    [
      fnRow(key, LONG, 300, { file: 'node_modules/tld/index.js', kind: 'dependency', package: 'tld' }),
      fnRow(key, 'groupBy', 200, { file: 'src/compat/array/groupBy.ts' }),
      fnRow(key, 'groupBy', 100, { file: 'src/array/groupBy.ts' }),
    ],
    'fail',
  );

  it('the terminal shortens a long name and tells rows of one name apart', () => {
    const text = renderTerminal(r);
    expect(text).not.toContain(LONG);
    const line = text.split('\n').find((l) => l.includes('(in parseHost)')) ?? '';
    expect(line).toContain(shortenMiddle(LONG, TERMINAL_NAME_MAX));
    expect(line.length).toBeLessThan(TERMINAL_NAME_MAX + 60);
    expect(text).toContain('groupBy (compat/array/groupBy.ts)');
    expect(text).toContain('groupBy (src/array/groupBy.ts)');
  });

  it('the comment does too, and the JSON report keeps the whole name', () => {
    const md = renderMarkdown(r);
    expect(md).not.toContain(LONG);
    expect(md).toContain('(in parseHost)');
    expect(md).toContain('`groupBy (compat/array/groupBy.ts)`');
    expect(md).toContain('`groupBy (src/array/groupBy.ts)`');
    expect(JSON.parse(JSON.stringify(r)).functions[0].name).toBe(LONG);
  });
});
