// Source-map look-ups of the child runner (src/measure/child/source-maps.ts): the pure parts, then
// the mapper over real files in a temporary checkout, with what a pull request could plant there.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  dataUrlText,
  originalLine,
  parseSourceMap,
  rememberCompiledModule,
  SOURCE_MAP_LIMITS,
  SourceMapper,
  sourceMappingUrl,
} from '../../src/measure/child/source-maps.js';
import { mapJson } from '../helpers/source-map.js';

const ROOT = '/repo/head';

describe('sourceMappingUrl', () => {
  it('reads the comment on the last non-empty line only', () => {
    expect(sourceMappingUrl('f();\n//# sourceMappingURL=index.js.map\n\n')).toBe('index.js.map');
    expect(sourceMappingUrl('f();\n//@ sourceMappingURL=data:application/json;base64,e30=')).toBe(
      'data:application/json;base64,e30=',
    );
    expect(sourceMappingUrl('//# sourceMappingURL=old.map\nf();\n')).toBeUndefined();
    expect(sourceMappingUrl('const s = "//# sourceMappingURL=x.map";')).toBeUndefined();
  });
});

describe('dataUrlText', () => {
  it('decodes base64 and percent-encoded JSON, and refuses other types and oversized data', () => {
    const json = '{"version":3}';
    const base64 = Buffer.from(json).toString('base64');
    expect(dataUrlText(`data:application/json;charset=utf-8;base64,${base64}`)).toBe(json);
    expect(dataUrlText(`data:application/json,${encodeURIComponent(json)}`)).toBe(json);
    expect(dataUrlText(`data:text/plain;base64,${base64}`)).toBeUndefined();
    expect(dataUrlText('data:application/json,%E0%A4%A')).toBeUndefined();
    expect(dataUrlText(`data:application/json;base64,${'A'.repeat(400)}`, 100)).toBeUndefined();
  });
});

describe('parseSourceMap and originalLine', () => {
  const url = `file://${ROOT}/lib/text.ts`;

  it('maps a function start to its source line, on the same generated line', () => {
    // Generated line 2 holds the function (mappings at columns 0 and 9); line 0 is glue without any.
    const parsed = parseSourceMap(
      mapJson(
        ['text.ts'],
        [
          [],
          [],
          [
            [0, 0, 10, 7],
            [9, 0, 10, 16],
          ],
          [[2, 0, 11, 2]],
        ],
      ),
      url,
      ROOT,
    );
    if (!parsed) throw new Error('not parsed');
    // V8 places a function at its parameter list, after its name's mapping.
    expect(originalLine(parsed, 2, 20)).toEqual({ file: `${ROOT}/lib/text.ts`, line: 11 });
    // Before the line's first mapping: the first mapping after it.
    expect(originalLine(parsed, 3, 0)).toEqual({ file: `${ROOT}/lib/text.ts`, line: 12 });
    // A line without mappings is not given an earlier line's position.
    expect(originalLine(parsed, 0, 5)).toBeUndefined();
    expect(originalLine(parsed, 40, 0)).toBeUndefined();
  });

  it('resolves sources against the map and its sourceRoot, and drops those outside the checkout', () => {
    const parsed = parseSourceMap(
      mapJson(
        [
          'a.ts',
          '../../../../etc/passwd',
          'webpack://pkg/b.ts',
          '/elsewhere/c.ts',
          'node_modules/dep/d.ts',
          null,
        ],
        [
          [
            [0, 0, 1, 0],
            [10, 1, 2, 0],
            [20, 2, 3, 0],
            [30, 3, 4, 0],
            [40, 4, 5, 0],
            [50, 5, 6, 0],
          ],
        ],
        { sourceRoot: '../src' },
      ),
      `file://${ROOT}/dist/index.js.map`,
      ROOT,
    );
    if (!parsed) throw new Error('not parsed');
    expect(parsed.sources).toEqual([`${ROOT}/src/a.ts`, '', '', '', '', '']);
    expect(originalLine(parsed, 0, 5)).toEqual({ file: `${ROOT}/src/a.ts`, line: 2 });
    for (const column of [15, 25, 35, 45, 55]) expect(originalLine(parsed, 0, column)).toBeUndefined();
  });

  it('refuses malformed maps and falls back on malformed mappings', () => {
    for (const text of [
      '',
      'not json',
      'null',
      '[]',
      '{"version":2,"sources":[],"mappings":""}',
      '{"version":3,"sources":"a.ts","mappings":""}',
      '{"version":3,"sources":["a.ts"],"mappings":42}',
      '{"version":3,"sections":[]}',
    ])
      expect(parseSourceMap(text, url, ROOT)).toBeUndefined();
    // Garbage VLQ: parsed or not, never a position outside the map's sources or below line 1.
    for (const garbage of ['!!!!', '////////////////g', 'AAAA,zz~;;;', 'AA//AAAA', 'AAAAAAAAAAA']) {
      const parsed = parseSourceMap(
        JSON.stringify({ version: 3, sources: ['a.ts'], mappings: garbage }),
        url,
        ROOT,
      );
      for (const [line, column] of [
        [0, 0],
        [0, 5],
        [3, 0],
      ] as const) {
        const found = parsed && originalLine(parsed, line, column);
        if (found) {
          expect(found.file).toBe(`${ROOT}/lib/a.ts`);
          expect(found.line).toBeGreaterThanOrEqual(1);
        }
      }
    }
  });

  it('refuses a map over the size caps at once, and counts what it accepts against the process budget', () => {
    const huge = JSON.stringify({
      version: 3,
      sources: ['a.ts'],
      mappings: 'AAAA,'.repeat(SOURCE_MAP_LIMITS.mappingsChars / 5 + 1),
    });
    const started = performance.now();
    expect(parseSourceMap(huge, url, ROOT)).toBeUndefined();
    expect(parseSourceMap(`{"x":"${'a'.repeat(SOURCE_MAP_LIMITS.mapBytes)}"}`, url, ROOT)).toBeUndefined();
    expect(performance.now() - started).toBeLessThan(2000);
    const small = mapJson(['a.ts'], [[[0, 0, 0, 0]]]);
    const budget = { chars: 8 };
    expect(parseSourceMap(small, url, ROOT, budget)).toBeDefined();
    expect(budget.chars).toBe(4);
    expect(
      parseSourceMap(
        mapJson(
          ['a.ts'],
          [
            [
              [0, 0, 0, 0],
              [5, 0, 1, 0],
            ],
          ],
        ),
        url,
        ROOT,
        budget,
      ),
    ).toBeUndefined();
  });
});

describe('SourceMapper over a checkout', () => {
  const dir = mkdtempSync(join(tmpdir(), 'flamegate-srcmap-'));
  const root = join(dir, 'head');
  const write = (file: string, text: string) => {
    mkdirSync(join(root, file, '..'), { recursive: true });
    writeFileSync(join(root, file), text);
  };
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  // A bundle: its function `parse` (generated line 3) comes from src/parse.ts line 20.
  const bundleMap = mapJson(
    ['../src/parse.ts'],
    [
      [],
      [],
      [],
      [
        [0, 0, 19, 0],
        [9, 0, 19, 16],
      ],
    ],
  );
  const bundle = 'x;\ny;\nz;\nfunction parse(text) {}\n';
  write('dist/index.js', `${bundle}//# sourceMappingURL=index.js.map\n`);
  write('dist/index.js.map', bundleMap);
  write(
    'dist/inline.js',
    `${bundle}//# sourceMappingURL=data:application/json;base64,${Buffer.from(bundleMap).toString('base64')}\n`,
  );
  // What a pull request could plant: a map that is a link out of the checkout, a FIFO, a broken map.
  writeFileSync(join(dir, 'outside.map'), bundleMap);
  write('dist/linked.js', `${bundle}//# sourceMappingURL=linked.js.map\n`);
  symlinkSync(join(dir, 'outside.map'), join(root, 'dist/linked.js.map'));
  // A script that is itself a link out of the checkout, to a file with a working inline map.
  writeFileSync(join(dir, 'outside.js'), readFileSync(join(root, 'dist/inline.js')));
  symlinkSync(join(dir, 'outside.js'), join(root, 'dist/escape.js'));
  write('dist/outside.js', `${bundle}//# sourceMappingURL=../../outside.map\n`);
  write('dist/fifo.js', `${bundle}//# sourceMappingURL=fifo.js.map\n`);
  execFileSync('mkfifo', [join(root, 'dist/fifo.js.map')]);
  write('dist/broken.js', `${bundle}//# sourceMappingURL=broken.js.map\n`);
  write(
    'dist/broken.js.map',
    '{"version":3,"sources":["../src/parse.ts"],"mappings":"!!!!;;;;;;;;;;;;;;;;;;;;;;;;\u0000"',
  );
  write('node_modules/dep/index.js', `${bundle}//# sourceMappingURL=index.js.map\n`);
  write('node_modules/dep/index.js.map', bundleMap);

  const mapper = new SourceMapper([root]);
  const at = (file: string, line = 3, column = 14) => mapper.map({ file: join(root, file), line, column });

  it('maps a bundled file through its sibling .map and through an inline map', () => {
    expect(at('dist/index.js')).toEqual({ file: join(root, 'src/parse.ts'), line: 19, column: 0 });
    expect(at('dist/inline.js')?.line).toBe(19);
    expect(mapper.map({ file: `file://${join(root, 'dist/index.js')}`, line: 3, column: 14 })?.line).toBe(19);
    // pprof's serializer counts lines and columns from 1.
    expect(
      mapper.mappingInfo({ file: join(root, 'dist/index.js'), line: 4, column: 15, name: 'parse' }),
    ).toEqual({
      file: join(root, 'src/parse.ts'),
      line: 20,
      column: 15,
      name: 'parse',
    });
  });

  it('reads no map outside the checkout, from a FIFO, or of a dependency, and never fails', () => {
    for (const file of [
      'dist/linked.js',
      'dist/escape.js',
      'dist/outside.js',
      'dist/fifo.js',
      'dist/broken.js',
      'node_modules/dep/index.js',
    ])
      expect(at(file), file).toBeUndefined();
    expect(mapper.map({ file: '/elsewhere/index.js', line: 3, column: 14 })).toBeUndefined();
    expect(at('dist/missing.js')).toBeUndefined();
    const location = { file: join(root, 'dist/fifo.js'), line: 4, column: 15, name: 'parse' };
    expect(mapper.mappingInfo(location)).toBe(location);
  });

  it('maps a module Vite compiled from the map appended to its code, minus the wrapper on line 1', () => {
    const file = join(root, 'lib/text.ts');
    const map = mapJson(['text.ts'], [[[30, 0, 4, 0]], [[0, 0, 10, 0]]]);
    rememberCompiledModule(
      file,
      `f();\ng();\n//# sourceMappingURL=data:application/json;base64,${Buffer.from(map).toString('base64')}\n`,
      25,
    );
    const viteMapper = new SourceMapper([root]);
    expect(viteMapper.map({ file, line: 1, column: 3 })?.line).toBe(10);
    // Line 1 as compiled starts with 25 characters of the evaluator's wrapper.
    expect(viteMapper.map({ file, line: 0, column: 55 })?.line).toBe(4);
  });
});
