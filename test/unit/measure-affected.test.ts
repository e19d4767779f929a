// `select: affected`: which benchmarks a change reaches through their files' module graphs, when the
// change makes every benchmark count, and how a run that left benchmarks out is reported.
import { describe, expect, it } from 'vitest';
import { compare } from '../../src/compare/compare.js';
import { parseConfig } from '../../src/config/config.js';
import {
  everythingReason,
  executionJob,
  repoPath,
  type SideGraph,
  selectAffected,
} from '../../src/measure/affected.js';
import { changedFilesRun, type ScriptCoverage, scriptPath } from '../../src/measure/child/executed.js';
import type { BenchmarkMeasurement, Report, Selection, Side } from '../../src/model.js';
import { exitCodeOf } from '../../src/report/infrastructure.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { parseReport } from '../../src/report/schema.js';
import { renderTerminal } from '../../src/report/terminal.js';
import { config, measurement, REV, timings } from './compare-fixtures.js';

const m = (file: string, name: string, sides: Side[] = ['base', 'head'], error?: string) =>
  measurement(name, [], {
    id: { file, name },
    present: { base: sides.includes('base'), head: sides.includes('head') },
    errors: error ? { head: error } : {},
  });

/** Three files: a and b share src/shared.js; c imports src/c.js; d was added on head. */
const found = (): BenchmarkMeasurement[] => [
  m('bench/a.bench.js', 'a1'),
  m('bench/a.bench.js', 'a2'),
  m('bench/b.bench.js', 'b1'),
  m('bench/c.bench.js', 'c1'),
  m('bench/d.bench.js', 'd1', ['head']),
];

function graphs(
  patch: Partial<Record<Side, Record<string, string[] | undefined>>> = {},
): Record<Side, SideGraph> {
  const common: Record<string, string[]> = {
    'bench/a.bench.js': ['bench/a.bench.js', 'src/shared.js', 'src/deep.js'],
    'bench/b.bench.js': ['bench/b.bench.js', 'src/shared.js', 'src/deep.js', 'src/b.js'],
    'bench/c.bench.js': ['bench/c.bench.js', 'src/c.js'],
  };
  const side = (s: Side, extra: Record<string, string[] | undefined> = {}): SideGraph => {
    const reached = new Map<string, string[]>();
    for (const [file, files] of Object.entries({ ...common, ...extra })) if (files) reached.set(file, files);
    const loaded = new Set([...reached.values()].flat());
    if (s === 'head') loaded.add('bench/setup.js');
    return { reached, loaded };
  };
  return {
    base: side('base', patch.base),
    head: side('head', { 'bench/d.bench.js': ['bench/d.bench.js', 'src/c.js'], ...patch.head }),
  };
}

/** What both revisions commit: every file the graphs reach but a build's output. */
const committed = new Set([
  'src/shared.js',
  'src/deep.js',
  'src/b.js',
  'src/c.js',
  'src/c.ts',
  'test/a.test.js',
]);
for (const f of ['a', 'b', 'c', 'd'].map((x) => `bench/${x}.bench.js`)) committed.add(f);

const names = (list: BenchmarkMeasurement[]) => list.map((x) => x.id.name);

describe('selectAffected', () => {
  it('measures the benchmarks whose graph reaches a changed file, a shared module reaching each importer', () => {
    const deep = selectAffected(found(), { select: 'affected', changed: ['src/deep.js'], graphs: graphs() });
    expect(names(deep.measure)).toEqual(['a1', 'a2', 'b1']);
    expect(names(deep.notAffected)).toEqual(['c1', 'd1']);
    expect(deep.reachedChanges).toEqual(['src/deep.js']);
    expect(deep.everything).toBeUndefined();
    const own = selectAffected(found(), { select: 'affected', changed: ['src/b.js'], graphs: graphs() });
    expect(names(own.measure)).toEqual(['b1']);
  });

  it('reads the graph of either side: a file head no longer imports still reaches its benchmarks', () => {
    const g = graphs({ head: { 'bench/c.bench.js': ['bench/c.bench.js'] } });
    const selected = selectAffected(found(), { select: 'affected', changed: ['src/c.js'], graphs: g });
    expect(names(selected.measure)).toEqual(['c1', 'd1']);
  });

  it('a new or deleted benchmark file is affected: its own path is in its graph', () => {
    const added = selectAffected(found(), {
      select: 'affected',
      changed: ['bench/d.bench.js'],
      graphs: graphs(),
    });
    expect(names(added.measure)).toEqual(['d1']);
    const gone = [m('bench/e.bench.js', 'e1', ['base']), ...found()];
    const g = graphs({ base: { 'bench/e.bench.js': ['bench/e.bench.js'] } });
    expect(
      names(selectAffected(gone, { select: 'affected', changed: ['bench/e.bench.js'], graphs: g }).measure),
    ).toEqual(['e1']);
  });

  it('keeps a file that failed to load, and one whose graph was not recorded', () => {
    const list = [...found(), m('bench/x.bench.js', '(load)', ['base', 'head'], 'SyntaxError')];
    const g = graphs({ base: { 'bench/c.bench.js': undefined } });
    const selected = selectAffected(list, { select: 'affected', changed: ['src/b.js'], graphs: g });
    expect(names(selected.measure)).toEqual(['b1', 'c1', '(load)']);
  });

  it('a change no graph reaches leaves every benchmark out when it is code or documentation', () => {
    const changed = ['test/a.test.js', 'README.md', 'docs/x.png'];
    const selected = selectAffected(found(), { select: 'affected', changed, graphs: graphs(), committed });
    expect(selected.measure).toEqual([]);
    expect(selected.notAffected).toHaveLength(5);
  });

  it('changed code no graph shows reaches the benchmarks that import generated code (a build output)', () => {
    // c's graph reaches dist/c.js, committed on neither side: built from sources its graph cannot show.
    const g = graphs({ head: { 'bench/c.bench.js': ['bench/c.bench.js', 'dist/c.js'] } });
    const built = selectAffected(found(), {
      select: 'affected',
      changed: ['src/c.ts'],
      graphs: g,
      committed,
    });
    expect(names(built.measure)).toEqual(['c1']);
    // A change that is not code does not make generated code suspect; nor does a dependency.
    const docs = selectAffected(found(), {
      select: 'affected',
      changed: ['README.md'],
      graphs: g,
      committed,
    });
    expect(docs.measure).toEqual([]);
    const dep = graphs({ head: { 'bench/c.bench.js': ['bench/c.bench.js', 'node_modules/x/index.js'] } });
    expect(
      selectAffected(found(), { select: 'affected', changed: ['src/c.ts'], graphs: dep, committed }).measure,
    ).toEqual([]);
  });

  it('`select: all`, no diff, or no graphs measure everything, the affected first', () => {
    const all = selectAffected(found(), { select: 'all', changed: ['src/c.js'], graphs: graphs() });
    expect(names(all.measure)).toEqual(['c1', 'd1', 'a1', 'a2', 'b1']);
    expect(all.notAffected).toEqual([]);
    expect(all.everything).toBeUndefined();
    expect(selectAffected(found(), { select: 'affected', changed: [], graphs: graphs() }).everything).toBe(
      'no file differs between base and head',
    );
    expect(
      selectAffected(found(), { select: 'affected', changed: ['src/c.js'], graphs: undefined }).measure,
    ).toHaveLength(5);
  });
});

describe('selectAffected: the affected that run the changed code first', () => {
  // a, b and e import src/shared.js (a barrel, say); only b's benchmarks called into it.
  const list = () => [...found(), m('bench/e.bench.js', 'e1')];
  const ran = (
    runs: Record<string, string[] | 'unknown' | 'skipped'>,
    sides: Side[] = ['base', 'head'],
    extra: Record<string, string[] | undefined> = {},
  ) => {
    const g = graphs({
      base: { 'bench/e.bench.js': ['bench/e.bench.js', 'src/shared.js'], ...extra },
      head: { 'bench/e.bench.js': ['bench/e.bench.js', 'src/shared.js'], ...extra },
    });
    for (const side of sides) g[side].executed = new Map(Object.entries(runs));
    return g;
  };
  const select = (g: Record<Side, SideGraph>, changed = ['src/shared.js']) =>
    selectAffected(list(), { select: 'affected', changed, graphs: g });

  it('orders by what the benchmarks ran, keeping discovery order in each group, dropping none', () => {
    const runs = { 'bench/a.bench.js': [], 'bench/b.bench.js': ['src/shared.js'], 'bench/e.bench.js': [] };
    const selected = select(ran(runs));
    expect(names(selected.measure)).toEqual(['b1', 'a1', 'a2', 'e1']);
    expect(names(selected.executedChanges ?? [])).toEqual(['b1']);
    expect(selected.executionUnknown).toEqual([]);
    expect(names(selected.notAffected)).toEqual(['c1', 'd1']);
    // Without runs recorded the order is discovery's, and the fields are absent.
    const plain = select(graphs({ head: { 'bench/e.bench.js': ['bench/e.bench.js', 'src/shared.js'] } }));
    expect(names(plain.measure)).toEqual(['a1', 'a2', 'b1', 'e1']);
    expect(plain.executedChanges).toBeUndefined();
  });

  it('a run that is unknown (failed, timed out, or missing) ranks with those that ran the change', () => {
    const selected = select(ran({ 'bench/a.bench.js': [], 'bench/e.bench.js': 'unknown' }));
    expect(names(selected.measure)).toEqual(['b1', 'e1', 'a1', 'a2']);
    expect(selected.executedChanges).toEqual([]);
    expect(names(selected.executionUnknown ?? [])).toEqual(['b1', 'e1']);
  });

  it('a file the pass had no time for is ranked by its imports alone, after those that ran the change', () => {
    const selected = select(
      ran({
        'bench/a.bench.js': 'skipped',
        'bench/b.bench.js': ['src/shared.js'],
        'bench/e.bench.js': 'skipped',
      }),
    );
    expect(names(selected.measure)).toEqual(['b1', 'a1', 'a2', 'e1']);
    expect(selected.executionUnknown).toEqual([]);
  });

  it('either side running the change is enough', () => {
    const g = ran({ 'bench/a.bench.js': [], 'bench/b.bench.js': [], 'bench/e.bench.js': [] });
    g.head.executed?.set('bench/a.bench.js', ['src/shared.js']);
    expect(names(select(g).measure)).toEqual(['a1', 'a2', 'b1', 'e1']);
  });

  it('a change only to top-level code ran no function: still affected, in the second group', () => {
    // What the discover process reports for a module whose edited constant is read, not called.
    const selected = select(ran({ 'bench/a.bench.js': [], 'bench/b.bench.js': [], 'bench/e.bench.js': [] }));
    expect(names(selected.measure)).toEqual(['a1', 'a2', 'b1', 'e1']);
    expect(selected.executedChanges).toEqual([]);
    expect(selected.notAffected.map((x) => x.id.file)).not.toContain('bench/a.bench.js');
  });

  it('orders the affected first, and those that ran the change first among them, when every benchmark is measured', () => {
    const runs = { 'bench/a.bench.js': [], 'bench/b.bench.js': ['src/shared.js'], 'bench/e.bench.js': [] };
    const g = ran(runs);
    const selected = selectAffected(list(), {
      select: 'affected',
      changed: ['src/shared.js', 'yarn.lock'],
      graphs: g,
    });
    expect(selected.everything).toMatch(/^yarn\.lock changed/);
    expect(names(selected.measure)).toEqual(['b1', 'a1', 'a2', 'e1', 'c1', 'd1']);
  });
});

describe('executionJob: what a side’s discover process calls the benchmarks for', () => {
  it('the changed scripts under `select: affected`, as absolute paths; nothing under `select: all`', () => {
    const roots = { base: '/w/base', head: '/w/head/' };
    const changed = ['src/a.ts', 'README.md', 'lib/b.cjs', 'data.json'];
    expect(executionJob({ select: 'affected', changed, roots }, 'head')).toEqual([
      '/w/head/src/a.ts',
      '/w/head/lib/b.cjs',
    ]);
    expect(executionJob({ select: 'affected', changed, roots }, 'base')?.[0]).toBe('/w/base/src/a.ts');
    expect(executionJob({ select: 'all', changed, roots }, 'head')).toBeUndefined();
    expect(executionJob({ select: 'affected', changed: ['README.md'], roots }, 'head')).toBeUndefined();
  });
});

describe('the coverage of one execution pass: which changed files had a function called', () => {
  const fn = (startOffset: number, endOffset: number, count: number) => ({
    functionName: '',
    ranges: [{ startOffset, endOffset, count }],
  });
  const changed = new Set(['/r/src/a.js', '/r/src/b.cjs', '/r/src/c.js', '/r/src/d.ts']);
  const same = (p: string) => p;

  it('maps file:// URLs, CommonJS paths and module-runner scripts to files, and skips top-level code', () => {
    const scripts: ScriptCoverage[] = [
      { url: 'file:///r/src/a.js', functions: [fn(0, 100, 1), fn(10, 40, 2)] },
      { url: '/r/src/b.cjs', functions: [fn(20, 30, 1)] },
      // Only its top-level function ran (V8 lists uncalled functions with a count of 0).
      { url: 'file:///r/src/c.js', functions: [fn(0, 80, 1), fn(10, 20, 0)] },
      { url: '/r/src/d.ts?v=1', functions: [fn(30, 50, 1)] },
      { url: 'node:internal/x', functions: [fn(5, 10, 1)] },
      { url: 'file:///r/src/other.js', functions: [fn(5, 10, 1)] },
    ];
    expect(changedFilesRun(scripts, changed, same, () => undefined)).toEqual([
      '/r/src/a.js',
      '/r/src/b.cjs',
      '/r/src/d.ts',
    ]);
  });

  it('a module-runner script: the wrapper around the code and Vite’s export getters are not the source’s functions', () => {
    const script = { end: 200, exportGetters: [[20, 60]] as [number, number][] };
    const wrapperOnly = [{ url: '/r/src/a.js', functions: [fn(0, 200, 1), fn(13, 200, 1), fn(30, 58, 4)] }];
    expect(changedFilesRun(wrapperOnly, changed, same, () => script)).toEqual([]);
    const called = [{ url: '/r/src/a.js', functions: [fn(13, 200, 1), fn(70, 120, 1)] }];
    expect(changedFilesRun(called, changed, same, () => script)).toEqual(['/r/src/a.js']);
  });

  it('compares real paths: a script under a symbolic link is the changed file', () => {
    const scripts = [{ url: 'file:///link/src/a.js', functions: [fn(10, 20, 1)] }];
    const real = (p: string) => p.replace(/^\/link\//, '/r/');
    expect(changedFilesRun(scripts, changed, real, () => undefined)).toEqual(['/r/src/a.js']);
  });

  it('scriptPath names files only', () => {
    expect(scriptPath('file:///r/a%20b.js')).toBe('/r/a b.js');
    expect(scriptPath('/r/x.cjs')).toBe('/r/x.cjs');
    expect(scriptPath('node:fs')).toBeUndefined();
    expect(scriptPath('evalmachine.<anonymous>')).toBeUndefined();
  });
});

describe('everythingReason: when a change may reach any benchmark', () => {
  const reason = (file: string) => everythingReason([file], graphs());
  it.each([
    ['package-lock.json', 'a lockfile'],
    ['packages/x/pnpm-lock.yaml', 'a lockfile'],
    ['yarn.lock', 'a lockfile'],
    ['package.json', "a package manifest or the package manager's settings"],
    ['.yarnrc.yml', "a package manifest or the package manager's settings"],
    ['.pnp.cjs', "a package manifest or the package manager's settings"],
    ['vitest.config.ts', 'the bench or build config'],
    ['packages/a/vite.config.mjs', 'the bench or build config'],
    ['tsconfig.base.json', 'the bench or build config'],
    ['.github/flamegate.yml', "flamegate's config"],
  ])('%s: %s', (file, what) => {
    expect(reason(file)).toBe(`${file} changed (${what}): every benchmark may be affected`);
  });

  it('a file that is not code and no graph reaches may be read at run time', () => {
    expect(reason('fixtures/data.json')).toMatch(
      /^fixtures\/data\.json changed, and no benchmark file imports it/,
    );
    expect(reason('src/table.wasm')).toBeDefined();
  });

  it('a script the processes loaded outside any benchmark file’s imports (a setup file)', () => {
    expect(reason('bench/setup.js')).toBe(
      "bench/setup.js changed: the benchmark processes load it, but not through a benchmark file's imports",
    );
  });

  it('none for code in a graph, code nothing loaded, documentation, images and CI workflows', () => {
    for (const file of [
      'src/deep.js',
      'test/a.test.ts',
      'scripts/tool.mjs',
      'README.md',
      'docs/guide.mdx',
      'CHANGELOG.md',
      'LICENSE',
      'logo.svg',
      '.github/workflows/ci.yml',
      '.gitignore',
    ])
      expect(reason(file), file).toBeUndefined();
  });

  it('names the change under `select: affected`, and still measures the reached ones first', () => {
    const selected = selectAffected(found(), {
      select: 'affected',
      changed: ['src/b.js', 'yarn.lock'],
      graphs: graphs(),
    });
    expect(selected.everything).toBe('yarn.lock changed (a lockfile): every benchmark may be affected');
    expect(names(selected.measure)).toEqual(['b1', 'a1', 'a2', 'c1', 'd1']);
    expect(selected.notAffected).toEqual([]);
  });
});

describe('repoPath', () => {
  it('makes a path under a root relative to it, and ignores paths outside every root', () => {
    expect(repoPath('/w/head/src/a.js', ['/w/head'])).toBe('src/a.js');
    expect(repoPath('/private/w/head/src/a.js', ['/w/head', '/private/w/head/'])).toBe('src/a.js');
    expect(repoPath('/w/headless/a.js', ['/w/head'])).toBeUndefined();
  });
});

describe('the config key `select`', () => {
  it('takes affected or all, and names a bad value', () => {
    expect(parseConfig('select: all\n', 'f.yml').select).toBe('all');
    expect(parseConfig('select: affected\n', 'f.yml').select).toBe('affected');
    expect(parseConfig('{}\n', 'f.yml').select).toBeUndefined();
    expect(() => parseConfig('select: some\n', 'f.yml')).toThrow(
      /"select" = "some": must be one of "affected", "all"/,
    );
  });
});

describe('a run that left benchmarks out as not affected', () => {
  const notAffected = Array.from({ length: 12 }, (_, i) => ({
    file: `bench/f${i % 3}.bench.js`,
    name: `b${i}`,
  }));
  const selection: Selection = { select: 'affected', reachedChanges: ['src/a.js'], notAffected };
  const run = (measurements: BenchmarkMeasurement[], sel: Selection = selection) =>
    compare({
      measurements,
      cpuTables: {},
      config: config(),
      ...REV,
      run: { timingMs: 0, confirmMs: 0, selection: sel },
    });
  const exit = (report: Report) => exitCodeOf(report, () => undefined);

  it('counts them on the verdict line, folds them by file in the comment, and says the count in the terminal', () => {
    const measured = m('bench/a.bench.js', 'a1');
    measured.timings = timings(1, 0);
    const report = run([measured]);
    expect(report.selection).toEqual(selection);
    const markdown = renderMarkdown(report);
    expect(markdown.split('\n')[0]).toMatch(
      /^### ✅ flamegate: pass · 1 benchmark, unchanged · 12 not affected by this PR$/,
    );
    expect(markdown).toContain('<details><summary>12 benchmarks not affected by this PR</summary>');
    expect(markdown).toContain('- `bench/f0.bench.js` (4): `b0`, `b3`, `b6`, `b9`');
    expect(renderTerminal(report)).toContain('12 benchmarks not affected by this PR');
    // A saved report keeps the field through the schema check (post-only mode renders it again).
    expect(parseReport(JSON.stringify(report), 'report.json').selection).toEqual(selection);
  });

  it('a change that reaches no benchmark is a pass that says so, not "nothing measured" (exit 0)', () => {
    const report = run([]);
    expect(report.nothingMeasured).toBeUndefined();
    expect(exit(report)).toBe(0);
    const markdown = renderMarkdown(report);
    expect(markdown.split('\n')[0]).toBe(
      '### ✅ flamegate: pass, no benchmark is reachable from the files this pull request changed · 12 not affected by this PR',
    );
    expect(markdown).not.toContain('No benchmarks were found');
    expect(renderTerminal(report)).toMatch(
      /Verdict: PASS · no benchmark is reachable from the files this pull request changed/,
    );
    // A benchmark the change adds is measured on head alone: still a pass.
    expect(exit(run([m('bench/new.bench.js', 'n1', ['head'])]))).toBe(0);
  });

  it('still an error when what the change reaches failed on both sides, or when nothing was found', () => {
    const broken = m('bench/a.bench.js', '(load)');
    broken.errors = { base: 'Error: x', head: 'Error: x' };
    expect(run([broken]).nothingMeasured).toMatch(/^nothing was measured on both sides/);
    expect(exit(run([], { select: 'affected', reachedChanges: [], notAffected: [] }))).toBe(2);
  });

  it('says how many of the measured run the changed code, and keeps the fields through the schema', () => {
    const measured = m('bench/a.bench.js', 'a1');
    measured.timings = timings(1, 0);
    const sel: Selection = {
      ...selection,
      executedChanges: [{ file: 'bench/a.bench.js', name: 'a1' }],
      executionUnknown: [],
    };
    const report = run([measured], sel);
    const note = '1 of the 1 measured benchmark runs the changed code: measured first';
    expect(renderMarkdown(report)).toContain(note);
    expect(renderTerminal(report)).toContain(note);
    expect(parseReport(JSON.stringify(report), 'report.json').selection).toEqual(sel);
    expect(renderTerminal(run([measured]))).not.toContain('run the changed code');
  });

  it('names why `select: affected` measured everything', () => {
    const measured = m('bench/a.bench.js', 'a1');
    measured.timings = timings(1, 0);
    const everything = 'yarn.lock changed (a lockfile): every benchmark may be affected';
    const report = run([measured], { select: 'affected', everything, reachedChanges: [], notAffected: [] });
    expect(renderMarkdown(report)).toContain(`select: affected measured every benchmark: yarn.lock changed`);
    expect(renderTerminal(report)).toContain(`select: affected measured every benchmark: ${everything}`);
  });
});
