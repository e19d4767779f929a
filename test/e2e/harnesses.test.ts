// mitata, benchmark.js and bench-node files run as they are, one small file per construct
// (fixtures/harnesses): the runner lists each registered benchmark under its identity
// (`group > name [param=value]`), times every one of them on both sides with no error, keeps what the
// harness does around a benchmark (setup, teardown, deferred completion, generator state), and
// never lets the file's own `run()` measure or print.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/config/config.js';
import { runChild } from '../../src/measure/child-process.js';
import type { ChildMessage, DiscoverJob, TimingJob } from '../../src/measure/protocol.js';
import { listBenchmarkFiles } from '../../src/workspace/files.js';

const FIXTURE = fileURLToPath(new URL('../../fixtures/harnesses', import.meta.url));
const MODULES = fileURLToPath(new URL('../../node_modules', import.meta.url));
const HARNESSES = ['mitata', 'benchmark', 'bench-node', 'tinybench'];

let dir: string;
let marks: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'flamegate-harnesses-'));
  for (const side of ['base', 'head']) {
    cpSync(FIXTURE, join(dir, side), { recursive: true });
    mkdirSync(join(dir, side, 'node_modules'));
    for (const name of HARNESSES) symlinkSync(join(MODULES, name), join(dir, side, 'node_modules', name));
  }
  marks = join(dir, 'marks.txt');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(job: DiscoverJob | TimingJob, name: string) {
  const messages: ChildMessage[] = [];
  writeFileSync(marks, '');
  process.env.FLAMEGATE_TEST_MARKS = marks;
  const outcome = await runChild(job, {
    node: process.execPath,
    nodeArgs: [],
    cwd: join(dir, 'head'),
    timeoutMs: 60_000,
    jobFile: join(dir, `job-${name}.json`),
    onMessage: (m) => messages.push(m),
  });
  delete process.env.FLAMEGATE_TEST_MARKS;
  return { outcome, messages, marks: readFileSync(marks, 'utf8').split('\n').filter(Boolean) };
}

const FILES = {
  mitata: 'bench/mitata-constructs.mjs',
  sum: 'bench/sum.bench.js',
  benchmarkjs: 'bench/benchmarkjs-constructs.cjs',
  benchNode: 'benchmarks/bench-node-constructs.cjs',
  tiny: 'perf/tiny.bench.mjs',
  tinyScript: 'bench/tinybench-script.mjs',
};

describe('discovery', () => {
  it('finds the files in bench/, benchmarks/ and perf/ that import a harness, whatever their names', async () => {
    const found = await listBenchmarkFiles(join(dir, 'head'), DEFAULT_CONFIG.benchmarks, []);
    expect(found.sort()).toEqual(Object.values(FILES).sort());
    // The helper in bench/ imports no harness; the config's own globs still decide alone.
    expect(found).not.toContain('bench/marks.js');
    expect(await listBenchmarkFiles(join(dir, 'head'), ['bench/*.js'], [])).toEqual([
      'bench/marks.js',
      'bench/sum.bench.js',
    ]);
  });
});

describe('each harness, run as it is', () => {
  let discovered: Record<string, string[]> = {};
  let discoverMarks: string[] = [];

  beforeAll(async () => {
    const files = Object.values(FILES).map((f) => join(dir, 'head', f));
    const { outcome, messages, marks: seen } = await run({ kind: 'discover', files }, 'discover');
    expect(outcome.end, outcome.output).toBe('done');
    const errors = messages.filter((m) => m.type === 'discover-error');
    expect(errors).toEqual([]);
    discovered = Object.fromEntries(
      messages.flatMap((m) =>
        m.type === 'discovered' ? [[m.file.slice(join(dir, 'head').length + 1), m.tasks]] : [],
      ),
    );
    discoverMarks = seen;
  });

  it('names each mitata benchmark by group, name and parameters', () => {
    expect(discovered[FILES.mitata]).toEqual([
      'plain',
      'parse > json',
      'parse > number',
      'bar',
      'box',
      'sum 1 [size=1]',
      'sum 8 [size=8]',
      'sum 64 [size=64]',
      'compact',
      'double [n=1]',
      'double [n=2]',
      'async',
      'sort fresh',
    ]);
    expect(discovered[FILES.sum]).toEqual(['sum']);
  });

  it('names benchmark.js benchmarks by suite and name, and a lone Benchmark by its name', () => {
    expect(discovered[FILES.benchmarkjs]).toEqual([
      'strings > concat',
      'strings > shared setup',
      'strings > string fn',
      'strings > early return',
      'strings > deferred',
      'single',
    ]);
  });

  it('names bench-node benchmarks, and measures a tinybench file beside them', () => {
    // A name used twice in one file is told apart.
    expect(discovered[FILES.benchNode]).toEqual(['includes', 'includes (2)', 'managed sort', 'async']);
    expect(discovered[FILES.tiny]).toEqual(['tiny']);
    // A tinybench script (it runs its Bench and prints) is measured from the Bench it built.
    expect(discovered[FILES.tinyScript]).toEqual(['join']);
  });

  it("never runs the file's own run(), its listeners or its printing", () => {
    expect(discoverMarks).toEqual([]);
  });

  it('times every benchmark on both sides, with the harness’s setup, teardown and deferred completion kept', async () => {
    const benchmarks = Object.entries(FILES).flatMap(([, file]) =>
      (discovered[file] ?? []).map((task, i) => ({
        key: `${file} > ${task}`,
        slug: `${file.replace(/\W/g, '-')}-${i}`,
        base: { file: join(dir, 'base', file), task },
        head: { file: join(dir, 'head', file), task },
      })),
    );
    expect(benchmarks).toHaveLength(26);
    const job: TimingJob = {
      kind: 'timing',
      benchmarks,
      firstSide: 'base',
      sliceMs: 2,
      warmupMs: 4,
      timeMs: 12,
    };
    const { outcome, messages, marks: seen } = await run(job, 'timing');
    expect(outcome.end, outcome.output).toBe('done');
    expect(messages.filter((m) => m.type === 'error')).toEqual([]);
    const timed = messages.flatMap((m) => (m.type === 'timing' ? [m] : []));
    expect(timed.map((m) => m.key).sort()).toEqual(benchmarks.map((b) => b.key).sort());
    for (const m of timed) {
      expect(m.base?.ops, m.key).toBeGreaterThan(0);
      expect(m.head?.ops, m.key).toBeGreaterThan(0);
      expect(m.pairLogRatios.length, m.key).toBeGreaterThan(0);
    }
    // A generator's setup ran once per side before its slices, and its teardown once the job was done.
    for (const size of [1, 8, 64]) {
      expect(seen.filter((l) => l === `setup ${size}`)).toHaveLength(2);
      expect(seen.filter((l) => l === `teardown ${size}`)).toHaveLength(2);
    }
    expect(seen.filter((l) => !/^(setup|teardown) \d+$/.test(l))).toEqual([]);
  });
});

describe('a file flamegate cannot run', () => {
  it('names the harness and the version it found, never another harness’s error', async () => {
    const old = join(dir, 'old');
    mkdirSync(join(old, 'node_modules', 'mitata'), { recursive: true });
    // An installed mitata 0.x (its API differs): only its version is read, the file never runs.
    writeFileSync(
      join(old, 'node_modules', 'mitata', 'package.json'),
      '{"name":"mitata","version":"0.1.14"}',
    );
    writeFileSync(
      join(old, 'sum.bench.js'),
      "import { bench, run } from 'mitata';\nbench('sum', () => 1);\nawait run();\n",
    );
    writeFileSync(join(old, 'package.json'), '{"type":"module"}');
    writeFileSync(join(old, 'plain.bench.js'), 'export const x = 1;\n');
    const manual = join(dir, 'head', 'bench', 'manual.mjs');
    writeFileSync(
      manual,
      "import { bench, run } from 'mitata';\nbench('manual', function* () { yield { manual: true, bench() { return 1; } }; });\nawait run();\n",
    );
    const files = [join(old, 'sum.bench.js'), join(old, 'plain.bench.js'), manual];
    const { outcome, messages } = await run({ kind: 'discover', files }, 'unsupported');
    expect(outcome.end, outcome.output).toBe('done');
    const errors = messages.flatMap((m) => (m.type === 'discover-error' ? [m.error] : []));
    expect(errors).toHaveLength(2);
    expect(errors[0]).toMatch(
      /written for mitata .*mitata 0\.1\.14 is installed: flamegate runs mitata 1\.x files/,
    );
    expect(errors[0]).not.toMatch(/vitest|tinybench/);
    expect(errors[1]).toMatch(/no benchmark harness recognised: .*imports none of tinybench, vitest, mitata/);
    // mitata's manual timing: the file loads, and its benchmark fails when it is first timed.
    expect(messages.find((m) => m.type === 'discovered' && m.file === manual)).toMatchObject({
      tasks: ['manual'],
    });
    const spec = { file: manual, task: 'manual' };
    const timing = await run(
      {
        kind: 'timing',
        benchmarks: [{ key: 'manual', slug: 'manual', base: spec, head: spec }],
        firstSide: 'base',
        sliceMs: 2,
        warmupMs: 2,
        timeMs: 4,
      },
      'manual',
    );
    expect(timing.messages.find((m) => m.type === 'error')).toMatchObject({
      side: 'base',
      error: expect.stringMatching(/manual timing .* is not supported/),
    });
  });
});

describe('a generator whose teardown never ends', () => {
  it('is timed, and the job still ends: teardown gets a second once every result is sent', async () => {
    const file = join(dir, 'head', 'bench', 'hang.mjs');
    writeFileSync(
      file,
      "import { bench, run } from 'mitata';\nbench('hangs', async function* () { yield () => 1; await new Promise(() => {}); });\nawait run();\n",
    );
    const spec = { file, task: 'hangs' };
    const started = Date.now();
    const { outcome, messages } = await run(
      {
        kind: 'timing',
        benchmarks: [{ key: 'hangs', slug: 'hangs', base: spec, head: spec }],
        firstSide: 'base',
        sliceMs: 2,
        warmupMs: 2,
        timeMs: 4,
      },
      'hang',
    );
    expect(outcome.end, outcome.output).toBe('done');
    expect(messages.find((m) => m.type === 'timing')).toMatchObject({ key: 'hangs' });
    expect(Date.now() - started).toBeLessThan(20_000);
  });
});
