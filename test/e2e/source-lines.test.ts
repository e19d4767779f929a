// Frames of code Vite transformed are reported at the source's lines. Vite drops a TypeScript file's
// type-only lines (interfaces, type aliases, overload signatures), so a function below them runs at
// an earlier line than the one it has in the .ts file; the pull request edits that function, and
// its row must sit at its source line, marked as changed in this PR, with a link to that line.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { noInliningFlags, runChild } from '../../src/measure/child-process.js';
import type { ProfileJob } from '../../src/measure/protocol.js';
import type { FunctionResult, Report } from '../../src/model.js';
import { classifyProfile } from '../../src/profile/classify.js';
import { decodePprof } from '../../src/profile/pprof.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { CLI, runCli } from '../helpers/cli-run.js';
import { mapJson } from '../helpers/source-map.js';
import { createRepo, type Repo } from '../helpers/vitest-repo.js';

const LIB = `// Letter counts: the code under benchmark.
export interface Tally {
  vowels: number;
  others: number;
}

export type Counter = (text: string) => Tally;

/** Overloads: signatures only, which the transform drops with the types above. */
export function tally(text: string): Tally;
export function tally(text: string, rounds: number): Tally;
export function tally(text: string, rounds = 1): Tally {
  const result: Tally = { vowels: 0, others: 0 };
  for (let round = 0; round < rounds * 2; round++) {
    for (let i = 0; i < text.length; i++) {
      if ('aeiou'.includes(text[i] as string)) result.vowels++;
      else result.others++;
    }
  }
  return result;
}
`;

const BENCH = `import { bench } from 'vitest';
import { tally } from '../lib/lines';

const text = 'the quick brown fox jumps over the lazy dog '.repeat(20);

bench('tally letters', () => {
  tally(text);
});
`;

// The least that still names the slowed function: one profiling process, short slices.
const CONFIG = `benchmarks: bench/lines.bench.ts
budget: { processes: 2, maxProcesses: 2, timePerProcessMs: 200, warmupMs: 50, profileMs: 200, profileProcesses: 2, allocationProcesses: 2, allocationMs: 100 }
`;

/** The 1-based line of the first line of `text` that starts with `start`. */
function lineOf(text: string, start: string): number {
  const index = text.split('\n').findIndex((l) => l.startsWith(start));
  if (index < 0) throw new Error(`no line starts with ${start}`);
  return index + 1;
}

let repo: Repo;
let report: Report;
let comment: string;
let stderr: string;
let code: number;

describe('source-mapped lines (vitest bench through Vite, TypeScript)', () => {
  beforeAll(async () => {
    if (!existsSync(CLI)) throw new Error('dist/cli.js is missing: run npm run build (npm test does)');
    // vitest-ts-alias brings a Vitest 4 lock file; its own bench files are left out by `benchmarks`.
    repo = createRepo(
      'vitest-ts-alias',
      // The slowdown: nine times as many rounds, each splitting the text (time and bytes), on a
      // line inside the function, so no line moves.
      [
        {
          file: 'lib/lines.ts',
          from: 'round < rounds * 2;',
          to: "round < text.split(' ').length * rounds / 10;",
        },
      ],
      { 'lib/lines.ts': LIB, 'bench/lines.bench.ts': BENCH, '.github/flamegate.yml': CONFIG },
    );
    const out = mkdtempSync(join(tmpdir(), 'flamegate-out-'));
    const json = join(out, 'r.json');
    const args = ['compare', '--base', repo.baseSha, '--head', repo.headSha, '--out', out, '--json', json];
    const result = await runCli(args, repo.dir);
    ({ stderr, code } = result);
    if (!existsSync(json)) throw new Error(`no report (exit ${code}):\n${stderr}`);
    report = JSON.parse(readFileSync(json, 'utf8')) as Report;
    comment = readFileSync(join(out, 'comment.md'), 'utf8');
  }, 120_000);

  it("puts the edited function's row at its line in the .ts source, marked changed in this PR", () => {
    // The slowed function fails the run (function threshold), whatever the short timing resolves.
    expect(code, stderr).toBe(1);
    const rows = report.functions.filter((f) => f.name === 'tally' && f.file === 'lib/lines.ts');
    expect(rows.length, JSON.stringify(report.functions, null, 1)).toBeGreaterThan(0);
    const row = rows[0] as FunctionResult;
    const sourceLine = lineOf(
      readFileSync(join(repo.dir, 'lib/lines.ts'), 'utf8'),
      'export function tally(text: string, rounds = 1)',
    );
    expect(sourceLine).toBe(12);
    expect(row.line).toBe(sourceLine);
    expect(row.source).toMatchObject({ changed: true, reason: 'edited', lines: [12, 21] });
    // The comment marks it (✏️) and links its source line.
    expect(comment).toContain('| `tally` ✏️');
    // The allocation pass's row of the same function (the heap profiler's frames) too.
    const allocating = report.allocations?.find((a) => a.name === 'tally' && a.file === 'lib/lines.ts');
    expect(allocating?.line).toBe(sourceLine);
    const linked = renderMarkdown(report, { links: { repoUrl: 'https://github.com/o/r' } });
    expect(linked).toContain(
      `[\`lib/lines.ts\`:12](https://github.com/o/r/blob/${repo.headSha}/lib/lines.ts#L12)`,
    );
  });
});

/**
 * A checkout of `files` (tinybench linked in) whose one benchmark `task` of `bench` is profiled by
 * the child runner alone, one process, no install: the frames named `name` in its head profile, as
 * `file:line`.
 */
async function profiledLines(
  files: Record<string, string>,
  bench: string,
  task: string,
  name: string,
  extraNodeArgs: (root: string) => string[] = () => [],
): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'flamegate-srcmap-child-'));
  const root = join(dir, 'head');
  mkdirSync(join(root, 'node_modules'), { recursive: true });
  symlinkSync(
    fileURLToPath(new URL('../../node_modules/tinybench', import.meta.url)),
    join(root, 'node_modules/tinybench'),
  );
  writeFileSync(join(root, 'package.json'), '{ "type": "module" }\n');
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  const job: ProfileJob = {
    kind: 'profile',
    benchmarks: [{ key: `${bench} > ${task}`, slug: task, head: { file: join(root, bench), task } }],
    sliceMs: 20,
    warmupMs: 100,
    timeMs: 300,
    intervalUs: 1000,
    outDir: join(dir, 'out'),
    process: 0,
    roots: { head: root },
  };
  const outcome = await runChild(job, {
    node: process.execPath,
    nodeArgs: [...noInliningFlags(process.execPath), ...extraNodeArgs(root)],
    cwd: root,
    timeoutMs: 60_000,
    jobFile: join(dir, 'job.json'),
    onMessage: (message) => {
      if (message.type === 'error') throw new Error(message.error);
    },
  });
  expect(outcome.end, outcome.output).toBe('done');
  const profile = classifyProfile(decodePprof(readFileSync(join(dir, `out/${task}/head-0.pb.gz`))), {
    roots: [root],
  });
  return profile.frames.filter((f) => f.name === name).map((f) => `${f.file}:${f.line}`);
}

// A bundled dist/ file, loaded by Node itself: its map (a sibling .map) puts `spin` at line 30 of
// src/lib.ts. The child runner alone, one profiling process, no install.
// Spelled in two parts: a line of this file starting with the whole comment is read as its own map.
const ANNOTATION = ['//#', 'sourceMappingURL'].join(' ');
const BUNDLE = `// bundled
export function spin(n) {
  let x = 0;
  for (let i = 0; i < n; i++) x += i % 7;
  return x;
}
${ANNOTATION}=lib.js.map
`;
const BUNDLE_MAP = mapJson(
  ['../src/lib.ts'],
  [
    [],
    [
      [0, 0, 29, 0],
      [16, 0, 29, 16],
    ],
    [[2, 0, 30, 2]],
    [[2, 0, 31, 2]],
    [[2, 0, 32, 2]],
    [[0, 0, 33, 0]],
  ],
);
const BUNDLE_BENCH = `import { Bench } from 'tinybench';
import { spin } from './dist/lib.js';

let sink = 0;
const bench = new Bench();
bench.add('spin', () => { sink ^= spin(2000); });
export default bench;
`;

describe('source-mapped lines (a bundled file loaded by Node)', () => {
  it('names the source file and line of a function in dist/ from its .map', async () => {
    const files = { 'dist/lib.js': BUNDLE, 'dist/lib.js.map': BUNDLE_MAP, 'lib.bench.js': BUNDLE_BENCH };
    expect(await profiledLines(files, 'lib.bench.js', 'spin', 'spin')).toEqual(['src/lib.ts:30']);
  });
});

// A TypeScript file a loader transpiles as it loads (the repository's execArgv `--import`, as
// es-toolkit's bench config does): esbuild drops the type-only lines and the comments, and hands
// Node code whose map is inline in that code alone, nowhere on disk. `tally` sits at line 12 of the
// .ts file and runs at an earlier line.
const LOADER = `import { register } from 'node:module';
register('./hooks.mjs', import.meta.url);
`;
const hooks = (esbuild: string) => `import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { transformSync } from ${JSON.stringify(esbuild)};

export async function load(url, context, nextLoad) {
  if (!url.endsWith('.ts')) return nextLoad(url, context);
  const file = fileURLToPath(url);
  const { code } = transformSync(readFileSync(file, 'utf8'), {
    loader: 'ts',
    format: 'esm',
    sourcemap: 'inline',
    sourcefile: file,
  });
  return { format: 'module', source: code, shortCircuit: true };
}
`;
const LOADED_BENCH = `import { Bench } from 'tinybench';
import { tally } from './src/lines.ts';

const text = 'the quick brown fox jumps over the lazy dog '.repeat(20);
let sink = 0;
const bench = new Bench();
bench.add('tally', () => { sink ^= tally(text).vowels; });
export default bench;
`;

describe('source-mapped lines (a .ts file a loader transpiled, its map only in the loaded code)', () => {
  it('names the function at its line in the .ts file', async () => {
    const esbuild = new URL('../../node_modules/esbuild/lib/main.js', import.meta.url).href;
    const files = {
      'loader.mjs': LOADER,
      'hooks.mjs': hooks(esbuild),
      'src/lines.ts': LIB,
      'lines.bench.js': LOADED_BENCH,
    };
    const lines = await profiledLines(files, 'lines.bench.js', 'tally', 'tally', (root) => [
      '--import',
      join(root, 'loader.mjs'),
    ]);
    // The implementation's signature in the .ts file, not the line it ran at.
    expect(lines).toEqual([`src/lines.ts:${lineOf(LIB, 'export function tally(text: string, rounds = 1)')}`]);
  });
});
