// Reading a repository's vitest config as `vitest bench` reads it (no I/O: config objects in, the
// project's bench settings out), telling another harness's bench file from a vitest one, and how what
// is not honoured reaches the reader.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scriptHarnessIn } from '../../src/harness-imports.js';
import { projectForFile, projectsOf } from '../../src/measure/child/vitest/projects.js';
import {
  absoluteExecArgv,
  benchProject,
  DEFAULT_BENCH_INCLUDE,
  inlineProject,
  isBenchFileOf,
  projectEntries,
  type UserConfigLike,
} from '../../src/measure/child/vitest/settings.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { renderTerminal } from '../../src/report/terminal.js';
import { bench, report } from './compare-fixtures.js';

const ROOT = '/repo';

describe('benchProject', () => {
  it("takes vitest's defaults when the config says nothing", () => {
    const p = benchProject({}, ROOT);
    expect(p).toMatchObject({
      name: '.',
      root: ROOT,
      dir: ROOT,
      native: false,
      execArgv: [],
      setupFiles: [],
    });
    expect(p.include).toEqual(DEFAULT_BENCH_INCLUDE);
    expect(p.globsSet).toBe(false);
    expect(p.notes).toEqual([]);
  });

  it('reads viteModuleRunner: false, execArgv (Vitest 4 and per pool), setupFiles and root', () => {
    const p = benchProject(
      {
        test: {
          root: 'packages/a',
          experimental: { viteModuleRunner: false },
          execArgv: ['--import', 'tsx'],
          poolOptions: { forks: { execArgv: ['--expose-gc'] }, threads: { execArgv: ['--no-ignored'] } },
          setupFiles: './setup.ts',
        },
      },
      ROOT,
    );
    expect(p.root).toBe('/repo/packages/a');
    expect(p.native).toBe(true);
    expect(p.execArgv).toEqual(['--import', 'tsx', '--expose-gc']);
    expect(p.setupFiles).toEqual(['/repo/packages/a/setup.ts']);
  });

  it("takes the execArgv of the pool the project runs in (threads), not another pool's", () => {
    const p = benchProject(
      {
        test: {
          pool: 'threads',
          poolOptions: { forks: { execArgv: ['--a'] }, threads: { execArgv: ['--b'] } },
        },
      },
      ROOT,
    );
    expect(p.execArgv).toEqual(['--b']);
  });

  it('names what it does not honour, per project', () => {
    const p = benchProject(
      {
        test: {
          name: 'web',
          pool: 'vmThreads',
          browser: { enabled: true },
          environment: 'jsdom',
          runner: './runner.ts',
          globalSetup: ['./global.ts'],
          env: { TZ: 'UTC' },
        },
      },
      ROOT,
    );
    const text = p.notes.join('\n');
    for (const said of [
      '"web"',
      'pool "vmThreads"',
      'browser mode',
      'environment "jsdom"',
      'custom runner',
      'globalSetup (./global.ts)',
      'env (TZ)',
    ])
      expect(text).toContain(said);
    expect(benchProject({ test: { environment: 'node', pool: 'forks' } }, ROOT).notes).toEqual([]);
  });
});

describe('absoluteExecArgv', () => {
  it('makes relative module paths absolute from the root, in both flag forms, and leaves the rest', () => {
    expect(
      absoluteExecArgv(
        ['--import', './a.mjs', '--require=../b.cjs', '-r', 'pkg', '--expose-gc', '--loader'],
        ROOT,
      ),
    ).toEqual(['--import', 'file:///repo/a.mjs', '--require=/b.cjs', '-r', 'pkg', '--expose-gc', '--loader']);
  });
});

describe('which project a bench file belongs to', () => {
  const a = benchProject(
    { test: { name: 'a', root: 'a', benchmark: { include: ['bench/**/*.bench.ts'] } } },
    ROOT,
  );
  const b = benchProject(
    { test: { name: 'b', root: 'b', benchmark: { exclude: ['**/slow.bench.ts'] } } },
    ROOT,
  );

  it("matches benchmark.include and exclude from the project's folder (test.dir when set)", () => {
    expect(isBenchFileOf(a, '/repo/a/bench/x.bench.ts')).toBe(true);
    expect(isBenchFileOf(a, '/repo/a/src/x.bench.ts')).toBe(false);
    expect(isBenchFileOf(b, '/repo/b/src/fast.bench.ts')).toBe(true);
    expect(isBenchFileOf(b, '/repo/b/src/slow.bench.ts')).toBe(false);
    expect(isBenchFileOf(b, '/repo/a/bench/x.bench.ts')).toBe(false);
    const withDir = benchProject({ test: { dir: 'perf' } }, ROOT);
    expect(isBenchFileOf(withDir, '/repo/perf/x.bench.js')).toBe(true);
    expect(isBenchFileOf(withDir, '/repo/src/x.bench.js')).toBe(false);
  });

  it('picks the project that includes the file, and refuses one no project includes, naming them', () => {
    expect(projectForFile([a, b], '/repo/b/y.bench.mts', '/repo/vitest.config.ts').name).toBe('b');
    expect(() => projectForFile([a, b], '/repo/a/src/x.bench.ts', '/repo/vitest.config.ts')).toThrow(
      /not a bench file of any project of \/repo\/vitest\.config\.ts \("a" includes bench\/\*\*\/\*\.bench\.ts from \/repo\/a \(exclude .*\); "b" includes/,
    );
    // One project on vitest's default globs: flamegate's own "benchmarks" globs decide.
    const lone = benchProject({}, ROOT);
    expect(projectForFile([lone], '/repo/perf/run.ts', undefined)).toBe(lone);
  });

  it('reads test.projects entries: paths, globs and inline projects that extend the root', () => {
    expect(
      projectEntries([
        'packages/*',
        './tools/vitest.config.ts',
        '!packages/skip',
        { test: { name: 'x' } },
        3,
      ]),
    ).toEqual([
      { kind: 'glob', pattern: 'packages/*' },
      { kind: 'path', path: './tools/vitest.config.ts' },
      { kind: 'inline', config: { test: { name: 'x' } } },
    ]);
    const root = {
      define: { A: '1' },
      test: { setupFiles: ['./s.ts'], experimental: { viteModuleRunner: false }, projects: [] },
    };
    const extending = inlineProject(
      root,
      { extends: true, test: { name: 'unit', experimental: { nodeLoader: false } } },
      ROOT,
      0,
    );
    expect(extending).toMatchObject({
      name: 'unit',
      native: true,
      setupFiles: ['/repo/s.ts'],
      define: { A: '1' },
    });
    const alone = inlineProject(root, { test: {} }, ROOT, 1);
    expect(alone).toMatchObject({ name: '#2', native: false, setupFiles: [] });
  });
});

describe('scriptHarnessIn', () => {
  it('names mitata, benchmark.js and bench-node files, however they import them', () => {
    expect(scriptHarnessIn("import { bench, run } from 'mitata';\nbench('x', () => {});")).toBe('mitata');
    expect(scriptHarnessIn("const Benchmark = require('benchmark');")).toBe('benchmark');
    expect(scriptHarnessIn('const { Suite } = await import("bench-node");')).toBe('bench-node');
    expect(scriptHarnessIn("import 'mitata/reporter';")).toBe('mitata');
  });

  it('leaves vitest and tinybench files, and look-alike names, to their own loaders', () => {
    expect(scriptHarnessIn("import { bench } from 'vitest';\nimport { run } from 'mitata';")).toBeUndefined();
    expect(scriptHarnessIn("import { Bench } from 'tinybench';\nimport 'benchmark';")).toBeUndefined();
    expect(scriptHarnessIn("import { x } from 'benchmarks-lib';\nbench('a', () => {});")).toBeUndefined();
  });
});

describe('harness notes in the comment and the terminal', () => {
  it('lists each unhonoured setting, escaped, and says nothing when there is none', () => {
    const r = {
      ...report([bench('a', 'unchanged')], [], 'pass'),
      harnessNotes: ['vitest project "<b>": globalSetup (./g.ts) is not run'],
    };
    const markdown = renderMarkdown(r);
    expect(markdown).toContain('Benchmark settings of this repository that flamegate did not honour:');
    expect(markdown).toContain('globalSetup (./g.ts) is not run');
    expect(markdown).not.toContain('"<b>"');
    expect(renderTerminal(r)).toContain('note: vitest project "<b>": globalSetup (./g.ts) is not run');
    expect(renderMarkdown(report([bench('a', 'unchanged')], [], 'pass'))).not.toContain('did not honour');
  });
});

describe('projectsOf (a temporary folder, configs read by a stand-in loader)', () => {
  it('finds inline projects, folders with or without a config, config files and globs, and workspace files', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'flamegate-projects-'));
    for (const folder of ['packages/a', 'packages/b', 'tools'])
      mkdirSync(join(dir, folder), { recursive: true });
    for (const file of ['packages/a/vitest.config.ts', 'tools/bench.config.mts', 'vitest.config.ts'])
      writeFileSync(join(dir, file), '');
    const configs: Record<string, UserConfigLike> = {
      [join(dir, 'vitest.config.ts')]: {
        test: {
          setupFiles: ['./root-setup.ts'],
          projects: ['packages/*', './tools/bench.config.mts', { extends: true, test: { name: 'inline' } }],
        },
      },
      [join(dir, 'packages/a/vitest.config.ts')]: {
        test: { name: 'a', experimental: { viteModuleRunner: false } },
      },
      [join(dir, 'tools/bench.config.mts')]: { test: { name: 'tools', execArgv: ['--expose-gc'] } },
    };
    const load = async (file: string) => configs[file] ?? {};
    const projects = await projectsOf(join(dir, 'vitest.config.ts'), dir, load);
    expect(projects.map((p) => [p.name, p.root, p.native, p.execArgv, p.setupFiles])).toEqual([
      ['a', join(dir, 'packages/a'), true, [], []],
      ['b', join(dir, 'packages/b'), false, [], []],
      ['tools', join(dir, 'tools'), false, ['--expose-gc'], []],
      ['inline', dir, false, [], [join(dir, 'root-setup.ts')]],
    ]);
    // Vitest 2/3: the projects listed in vitest.workspace.json next to a config that has none.
    writeFileSync(join(dir, 'packages/b/vitest.workspace.json'), JSON.stringify([{ test: { name: 'w' } }]));
    const fromWorkspace = await projectsOf(undefined, join(dir, 'packages/b'), load);
    expect(fromWorkspace.map((p) => p.name)).toEqual(['w']);
  });
});
