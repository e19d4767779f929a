// The execution pass of the affected selection (child/executed.ts) on vitest bench files: each
// benchmark is called once under V8's precise coverage, and the changed files it ran are read from
// the scripts' URLs. Through Vite's module runner a module is a script named by its path (the
// evaluator's wrapper being its top-level code); loaded natively (`experimental.viteModuleRunner:
// false`) it is a file:// URL. Both bench files import the library through its barrel, so both
// graphs reach the changed module; only one runs it. Discovery only, one process per layout.
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DEFAULT_BUDGET } from '../../src/config/config.js';
import type { SideGraph } from '../../src/measure/affected.js';
import { selectAffected } from '../../src/measure/affected.js';
import { runChild } from '../../src/measure/child-process.js';
import { discover } from '../../src/measure/measure.js';
import type { ChildMessage } from '../../src/measure/protocol.js';

const MODULES = fileURLToPath(new URL('../../node_modules', import.meta.url));

function project(config?: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'flamegate-executed-'));
  symlinkSync(MODULES, join(dir, 'node_modules'));
  mkdirSync(join(dir, 'lib'));
  mkdirSync(join(dir, 'bench'));
  const files: Record<string, string> = {
    'package.json': '{ "private": true, "type": "module" }\n',
    // The changed module: a constant at top level, and the function one benchmark calls.
    'lib/a.js':
      'export const SIZE = 8;\nexport function sumA(n) {\n  let s = 0;\n  for (let i = 0; i < n; i++) s += i;\n  return s;\n}\n',
    'lib/b.js': 'export function sumB(n) {\n  return n * 2;\n}\n',
    'lib/index.js': "export * from './a.js';\nexport * from './b.js';\n",
    'bench/a.bench.js':
      "import { bench } from 'vitest';\nimport { sumA, SIZE } from '../lib/index.js';\nbench('a', () => { sumA(SIZE); });\n",
    // Reads the changed module's constant but calls none of its functions.
    'bench/b.bench.js':
      "import { bench } from 'vitest';\nimport { sumB, SIZE } from '../lib/index.js';\nbench('b', () => { sumB(SIZE); });\n",
  };
  if (config) files['vitest.config.mjs'] = config;
  for (const [path, text] of Object.entries(files)) writeFileSync(join(dir, path), text);
  return dir;
}

async function executedIn(dir: string): Promise<Record<string, string[]>> {
  const messages: ChildMessage[] = [];
  const outcome = await runChild(
    {
      kind: 'discover',
      files: ['bench/a.bench.js', 'bench/b.bench.js'].map((f) => join(dir, f)),
      graph: true,
      executed: [join(dir, 'lib/a.js')],
    },
    {
      node: process.execPath,
      nodeArgs: [],
      cwd: dir,
      timeoutMs: 60_000,
      jobFile: join(dir, 'job.json'),
      onMessage: (m) => messages.push(m),
    },
  );
  expect(outcome.end, outcome.output).toBe('done');
  expect(messages.filter((m) => m.type === 'discover-error')).toEqual([]);
  const executed: Record<string, string[]> = {};
  for (const m of messages)
    if (m.type === 'executed') {
      expect(m.unknown).toBeUndefined();
      executed[m.file.slice(m.file.lastIndexOf('/') + 1)] = m.changed.map((f) =>
        f.slice(f.lastIndexOf('/') + 1),
      );
    }
  return executed;
}

describe('vitest bench files: which changed files a benchmark runs', () => {
  it('through Vite’s module runner (scripts named by path)', async () => {
    expect(await executedIn(project())).toEqual({ 'a.bench.js': ['a.js'], 'b.bench.js': [] });
  });

  it('loaded natively (experimental.viteModuleRunner: false, file:// URLs)', async () => {
    const config =
      "import { defineConfig } from 'vitest/config';\nexport default defineConfig({ test: { experimental: { viteModuleRunner: false } } });\n";
    expect(await executedIn(project(config))).toEqual({ 'a.bench.js': ['a.js'], 'b.bench.js': [] });
  });
});

describe('one file, two benchmarks: only the one that calls the change runs it', () => {
  it('is told from its neighbour in the same file, and alone ranked first', async () => {
    const dir = project();
    writeFileSync(
      join(dir, 'bench/ab.bench.js'),
      "import { bench, describe } from 'vitest';\nimport { sumA, sumB } from '../lib/index.js';\ndescribe('sums', () => {\n  bench('with a', () => { sumA(8); });\n  bench('with b', () => { sumB(8); });\n});\n",
    );
    const files = ['bench/ab.bench.js'];
    const graphs: Record<'base' | 'head', SideGraph> = {
      base: { reached: new Map(), loaded: new Set<string>() },
      head: { reached: new Map(), loaded: new Set<string>() },
    };
    const affected = { select: 'affected' as const, changed: ['lib/a.js'], roots: { base: dir, head: dir } };
    const found = await discover(
      {
        sides: { base: { dir, files }, head: { dir, files } },
        budget: DEFAULT_BUDGET,
        node: process.execPath,
        workDir: mkdtempSync(join(tmpdir(), 'flamegate-executed-work-')),
        profileDir: dir,
        affected,
      },
      graphs,
    );
    expect(found.map((m) => m.id.name)).toEqual(['sums > with a', 'sums > with b']);
    // The file as a whole ran the change; each benchmark's own call says which one did.
    expect(graphs.head.executed?.get('bench/ab.bench.js')).toEqual(['lib/a.js']);
    const selection = selectAffected(found, { ...affected, graphs });
    expect(selection.executedChanges?.map((m) => m.id.name)).toEqual(['sums > with a']);
    expect(selection.measure.map((m) => m.id.name)).toEqual(['sums > with a', 'sums > with b']);
  });
});

describe('a benchmark that never returns when called once', () => {
  it('is killed by the watchdog without failing its file: ranked as unknown, the next file goes on', async () => {
    const dir = project();
    // `work` returns the first time (tinybench may call a task when it is added), then spins forever.
    writeFileSync(
      join(dir, 'bench/hang.bench.js'),
      "import { Bench } from 'tinybench';\nimport { sumA } from '../lib/index.js';\nlet calls = 0;\nexport default new Bench().add('spin', () => { if (++calls > 1) for (;;); return sumA(2); });\n",
    );
    writeFileSync(
      join(dir, 'bench/ok.bench.js'),
      "import { Bench } from 'tinybench';\nimport { sumA } from '../lib/index.js';\nexport default new Bench().add('ok', () => sumA(3));\n",
    );
    const files = ['bench/hang.bench.js', 'bench/ok.bench.js'];
    const graphs = {
      base: { reached: new Map(), loaded: new Set<string>() },
      head: { reached: new Map(), loaded: new Set<string>() },
    };
    const affected = { select: 'affected' as const, changed: ['lib/a.js'], roots: { base: dir, head: dir } };
    const found = await discover(
      {
        sides: { base: { dir, files }, head: { dir, files } },
        budget: { ...DEFAULT_BUDGET, timeoutMs: 1_500 },
        node: process.execPath,
        workDir: mkdtempSync(join(tmpdir(), 'flamegate-executed-work-')),
        profileDir: dir,
        affected,
      },
      graphs,
    );
    expect(found.map((m) => [m.id.name, m.errors, m.infrastructureError])).toEqual([
      ['spin', {}, undefined],
      ['ok', {}, undefined],
    ]);
    const selection = selectAffected(found, { ...affected, graphs });
    expect(selection.executionUnknown?.map((m) => m.id.name)).toEqual(['spin']);
    expect(selection.executedChanges?.map((m) => m.id.name)).toEqual(['ok']);
  });
});
