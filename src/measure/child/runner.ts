// The child runner: a process started under the user's `node` that loads benchmark files from the
// base and head worktrees and drives their tinybench tasks in short alternating slices. Base and head
// share one process so that a pair of slices milliseconds apart sees the same machine speed.
// This is the only module that imports the profiler.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { Session } from 'node:inspector/promises';
import { createRequire, register } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import v8 from 'node:v8';
import { gzipSync } from 'node:zlib';
import type { SourceMapper as PprofSourceMapper } from '@datadog/pprof';
import type { Side, SideTiming } from '../../model.js';
import {
  type AllocationJob,
  type ChildBenchmark,
  type ChildMessage,
  type Job,
  OPS_COMMENT_PREFIX,
  type ProfileJob,
  SIDE_LABEL,
  type SideAllocation,
  type TimingJob,
} from '../protocol.js';
import { ExecutionRecorder } from './executed.js';
import { HeapStacks, type SamplingHeapProfile } from './heap-profile.js';
import { ModuleGraph } from './module-graph.js';
import { refuseOtherHarness } from './other-harness.js';
import { explainPnpError, usePnpLoaderFor } from './pnp.js';
import { clock, FunctionConstructor, log, replacedClocks, sendToParent } from './pristine.js';
import { type Position, SourceMapper } from './source-maps.js';
import {
  isVitestBenchFile,
  loadedModuleEdges,
  loadVitestBench,
  takeOpenedProjects,
  type VitestBenchGroup,
} from './vitest/load.js';

// The parts of tinybench (2.x to 6.x) the runner relies on; the user's own copy is loaded.
interface TaskLike {
  name: string;
  reset(emit?: boolean): void;
  run(): Promise<unknown>;
  result?: {
    state?: string;
    error?: unknown;
    totalTime?: number;
    latency?: { samplesCount?: number };
    samples?: unknown[];
  };
  runs?: number;
}
interface BenchLike {
  tasks: TaskLike[];
  run(): unknown;
  time?: number;
  iterations?: number;
  opts?: { time?: number; iterations?: number };
  setup?: (task: TaskLike, mode: 'run' | 'warmup') => unknown;
  teardown?: (task: TaskLike, mode: 'run' | 'warmup') => unknown;
}

/** What `Bench.add` was given: tinybench keeps the function private, so the runner records it. */
interface TaskSpec {
  fn: (this: unknown) => unknown;
  opts: {
    async?: boolean;
    beforeAll?: (this: unknown, mode: string) => unknown;
    afterAll?: (this: unknown, mode: string) => unknown;
    beforeEach?: unknown;
    afterEach?: unknown;
  };
}
const addedTasks = new WeakMap<object, Map<string, TaskSpec>>();
const patchedBenches = new WeakSet<object>();

/**
 * Wraps `Bench.prototype.add` of the tinybench a benchmark file will import (resolved from that
 * file, so it is the user's own copy and module instance), to keep each task's function and options.
 * A copy that cannot be found or patched leaves its tasks timed per call by tinybench, as before.
 */
async function recordTaskFunctions(file: string): Promise<void> {
  const candidates = new Set<string>();
  try {
    const require = createRequire(file);
    const main = require.resolve('tinybench');
    candidates.add(main);
    // tinybench 2.x ships separate CommonJS and ESM builds; an ESM benchmark imports the latter.
    // Its package.json is found by walking up from the entry (`exports` may not expose it).
    let pkgDir = dirname(main);
    while (!existsSync(join(pkgDir, 'package.json')) && dirname(pkgDir) !== pkgDir) pkgDir = dirname(pkgDir);
    const pkg = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')) as {
      module?: string;
      exports?: { '.'?: { import?: string | { default?: string } } };
    };
    const esm = pkg.exports?.['.']?.import;
    const esmPath = typeof esm === 'string' ? esm : (esm?.default ?? pkg.module);
    if (esmPath) candidates.add(join(pkgDir, esmPath));
  } catch {
    return;
  }
  for (const path of candidates) {
    try {
      const mod = (await import(pathToFileURL(path).href)) as {
        Bench?: { prototype: Record<string, unknown> };
      };
      const proto = mod.Bench?.prototype;
      if (!proto || patchedBenches.has(proto) || typeof proto.add !== 'function') continue;
      const add = proto.add as (this: object, name: string, fn: unknown, opts?: unknown) => unknown;
      proto.add = function (this: object, name: string, fn: unknown, opts?: unknown) {
        const result = add.call(this, name, fn, opts);
        if (typeof fn === 'function') {
          let byName = addedTasks.get(this);
          if (!byName) addedTasks.set(this, (byName = new Map()));
          byName.set(name, { fn: fn as TaskSpec['fn'], opts: (opts ?? {}) as TaskSpec['opts'] });
        }
        return result;
      };
      patchedBenches.add(proto);
    } catch {
      // Not loadable here: its tasks keep tinybench's own per-call timing.
    }
  }
}

const SIDES: Side[] = ['base', 'head'];

const send: (message: ChildMessage) => Promise<void> = sendToParent;

/**
 * Throws when the code that just ran (a side's benchmark file or slice) replaced a clock: the side
 * that broke the timer fails, with this message, instead of reporting numbers no clock measured.
 */
function checkClocks(): void {
  const replaced = replacedClocks();
  if (replaced.length > 0)
    throw new Error(
      `the benchmark code replaced ${replaced.join(', ')}, which flamegate and tinybench time benchmarks with; a benchmark must leave the clocks as it found them`,
    );
}

function errorText(error: unknown): string {
  if (error instanceof Error) {
    const frames = (error.stack ?? '').split('\n').filter((l) => /^\s+at /.test(l));
    const where = frames.find((l) => !l.includes('/dist/runner.js') && !l.includes('node_modules/tinybench'));
    return `${error.name}: ${error.message}${where ? `\n${where.trim()}` : ''}`;
  }
  return String(error);
}

let tsHooksRegistered = false;
function ensureTypeScript(file: string): void {
  if (tsHooksRegistered || !/\.(c|m)?ts$/.test(file)) return;
  // Node 22.18+/23.6+ strip types themselves; older versions get the same stripper as a load hook.
  const features = process.features as { typescript?: string | false };
  if (!features.typescript) {
    const here = dirname(fileURLToPath(import.meta.url));
    register(pathToFileURL(join(here, 'ts-hooks.js')).href);
  }
  tsHooksRegistered = true;
}

function isBench(value: unknown): value is BenchLike {
  const v = value as BenchLike | null;
  return !!v && typeof v === 'object' && Array.isArray(v.tasks) && typeof v.run === 'function';
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object')
    return `an object with keys ${
      Object.keys(value as object)
        .slice(0, 5)
        .join(', ') || '(none)'
    }`;
  return typeof value;
}

const loaded = new Map<string, Promise<BenchLike>>();
function loadBench(file: string): Promise<BenchLike> {
  let promise = loaded.get(file);
  if (!promise) {
    promise = (async () => {
      refuseOtherHarness(file);
      // A Yarn Plug'n'Play repository's imports resolve through its own loader, as under `yarn node`.
      usePnpLoaderFor(file);
      if (isVitestBenchFile(file)) {
        // The vitest loader adds tasks to the project's tinybench; when that is the copy this file
        // resolves, its functions are recorded too and its synchronous tasks are timed in batches.
        await recordTaskFunctions(file);
        const group = await loadVitestBench(file);
        checkClocks();
        return group;
      }
      ensureTypeScript(file);
      await recordTaskFunctions(file);
      const mod = (await import(pathToFileURL(file).href)) as { default?: unknown };
      let exported = mod.default;
      if (typeof exported === 'function' && !isBench(exported))
        exported = await (exported as () => unknown)();
      if (!isBench(exported)) {
        throw new Error(
          `the default export is not a tinybench Bench (got ${describe(exported)}). Export a Bench, or a function that returns one.`,
        );
      }
      // Checked once per file: the rejected promise stays cached, so every task of a file that
      // replaced a clock fails on that side, not only the first one loaded.
      checkClocks();
      return exported;
    })().catch((error: unknown) => {
      throw explainPnpError(error);
    });
    loaded.set(file, promise);
  }
  return promise;
}

async function loadTask(spec: { file: string; task: string }): Promise<{ bench: BenchLike; task: TaskLike }> {
  const bench = await loadBench(spec.file);
  const task = bench.tasks.find((t) => t.name === spec.task);
  if (!task) throw new Error(`task "${spec.task}" is no longer in the Bench`);
  // A vitest file's benchmarks each have their own Bench (their own options), as under vitest.
  return { bench: (bench as Partial<VitestBenchGroup>).ownerOf?.(task) ?? bench, task };
}

/**
 * How a task is timed. `batch`: synchronous calls in batches between two clock reads (as mitata
 * does), so a nanosecond task is not diluted by a clock read per call. `per-call`: tinybench's own
 * `run()`, which reads the clock around every call; kept for async tasks, for tasks with
 * `beforeEach`/`afterEach` hooks (they must run around every call, outside the timed region), and
 * for tasks whose function the runner could not see.
 */
type Timing =
  | { mode: 'per-call' }
  | { mode: 'batch'; spec: TaskSpec; bound: () => unknown; loop: BatchLoop; size: number };
type BatchLoop = (fn: () => unknown, n: number, now: () => number) => number;
const timingOf = new WeakMap<TaskLike, Timing>();
/** Set by a timing job that asks for tinybench's per-call timing (the self-benchmark's comparison). */
let forcePerCall = false;

const isThenable = (v: unknown) =>
  v !== null &&
  (typeof v === 'object' || typeof v === 'function') &&
  typeof (v as { then?: unknown }).then === 'function';

/**
 * A fresh loop function per task: its call site sees one function only, so V8 can call (or inline) it
 * directly, as the user's own code would. The task's function comes bound to the task (tinybench
 * calls it with the task as `this`): V8 inlines a bound function, where `fn.call(task)` in the loop
 * would cost ~3 ns per call. Named after the runner's file so that profiles cut it off with the rest
 * of the harness.
 */
function makeBatchLoop(): BatchLoop {
  return new FunctionConstructor(
    'fn',
    'n',
    'now',
    `let sink;\nconst t0 = now();\nfor (let i = 0; i < n; i++) sink = fn();\nconst t1 = now();\nglobalThis.__flamegateSink = sink;\nreturn t1 - t0;\n//# sourceURL=${import.meta.url}`,
  ) as BatchLoop;
}

async function timingFor(bench: BenchLike, task: TaskLike): Promise<Timing> {
  const known = timingOf.get(task);
  if (known) return known;
  const spec = addedTasks.get(bench)?.get(task.name);
  let timing: Timing = { mode: 'per-call' };
  const asyncFn = spec && (spec.opts.async === true || spec.fn.constructor.name === 'AsyncFunction');
  if (!forcePerCall && spec && !asyncFn && !spec.opts.beforeEach && !spec.opts.afterEach) {
    // One probe call tells a function that returns a promise, or overrides its own duration.
    const probe = spec.fn.call(task);
    if (isThenable(probe)) await probe;
    const overrides = typeof probe === 'object' && probe !== null && 'overriddenDuration' in probe;
    if (!isThenable(probe) && !overrides)
      timing = { mode: 'batch', spec, bound: spec.fn.bind(task), loop: makeBatchLoop(), size: 1 };
  }
  timingOf.set(task, timing);
  return timing;
}

const now = clock;

/** Runs one slice: at least `ms` of measured time and at least one operation. */
async function runSlice(bench: BenchLike, task: TaskLike, ms: number): Promise<SideTiming> {
  const timing = await timingFor(bench, task);
  if (timing.mode === 'batch') return runBatches(bench, task, timing, ms);
  bench.time = ms;
  bench.iterations = 1;
  if (bench.opts) {
    bench.opts.time = ms;
    bench.opts.iterations = 1;
  }
  task.reset();
  const started = clock();
  await task.run();
  const elapsedMs = clock() - started;
  const result = task.result;
  if (!result || result.state === 'errored' || result.error) {
    throw result?.error ?? new Error('the task produced no result');
  }
  const ops = result.latency?.samplesCount ?? result.samples?.length ?? task.runs ?? 0;
  const totalMs = result.totalTime ?? 0;
  if (!(ops > 0) || !(totalMs >= 0)) throw new Error('the task measured no operations');
  // tinybench times with its own clock; time it says it measured beyond what passed is not time.
  if (!(totalMs <= elapsedMs * 1.05 + 1))
    throw new Error(
      `tinybench measured ${totalMs} ms in ${elapsedMs.toFixed(3)} ms: its clock was replaced or broken`,
    );
  return { ops, totalNs: totalMs * 1e6 };
}

/**
 * Batches of calls until `ms` of measured time, with tinybench's per-run hooks (`setup`,
 * `beforeAll`, `afterAll`, `teardown`) around the slice as `run()` would call them. The batch size
 * is calibrated so one batch lasts about a quarter of the slice (at most 1 ms): long enough that two
 * clock reads are lost in it, short enough that a slice holds several batches.
 */
async function runBatches(
  bench: BenchLike,
  task: TaskLike,
  timing: Extract<Timing, { mode: 'batch' }>,
  ms: number,
): Promise<SideTiming> {
  const { spec, loop, bound } = timing;
  await bench.setup?.(task, 'run');
  await spec.opts.beforeAll?.call(task, 'run');
  const goalMs = Math.min(ms / 4, 1);
  let ops = 0;
  let totalMs = 0;
  const end = now() + ms;
  do {
    const n = timing.size;
    const took = loop(bound, n, now);
    ops += n;
    totalMs += took;
    if (took < goalMs / 2 && n < 2 ** 30)
      timing.size = Math.min(n * 2, Math.max(1, Math.ceil((n * goalMs) / Math.max(took, 1e-4))));
    else if (took > goalMs * 2 && n > 1) timing.size = Math.max(1, Math.floor((n * goalMs) / took));
  } while (totalMs < ms && now() < end);
  await spec.opts.afterAll?.call(task, 'run');
  await bench.teardown?.(task, 'run');
  return { ops, totalNs: totalMs * 1e6 };
}

/** The harness floor: an empty task through the same batched timing, in ns per op. */
async function harnessFloor(): Promise<number> {
  const fn = () => undefined;
  const task = { name: '(empty)' } as unknown as TaskLike;
  const timing: Extract<Timing, { mode: 'batch' }> = {
    mode: 'batch',
    spec: { fn, opts: {} },
    bound: fn.bind(task),
    loop: makeBatchLoop(),
    size: 1,
  };
  const bench = { tasks: [], run: () => undefined } as BenchLike;
  // Long enough for the optimizing compiler (a background thread, late on a busy machine) to finish.
  await runBatches(bench, task, timing, 60);
  // The least of several short slices: a busy neighbour only ever adds time, never removes it.
  let floor = Number.POSITIVE_INFINITY;
  for (let i = 0; i < 20; i++) {
    const t = await runBatches(bench, task, timing, 2);
    floor = Math.min(floor, t.totalNs / t.ops);
  }
  return floor;
}

type Loaded = Partial<Record<Side, { bench: BenchLike; task: TaskLike }>>;

async function loadSides(
  b: ChildBenchmark,
  around?: <T>(side: Side, load: () => Promise<T>) => Promise<T>,
  order: Side[] = SIDES,
): Promise<Loaded | undefined> {
  const sides: Loaded = {};
  for (const side of order) {
    const spec = b[side];
    if (!spec) continue;
    await send({ type: 'progress', key: b.key, side, phase: 'load' });
    try {
      const load = () => loadTask(spec);
      sides[side] = await (around ? around(side, load) : load());
    } catch (error) {
      await send({ type: 'error', key: b.key, side, error: errorText(error) });
      return undefined;
    }
  }
  return sides;
}

/**
 * Alternates slices of the present sides until each has run `timeMs` of wall time, pairing
 * adjacent slices. The order inside a pair flips every pair (ABBA) so neither side always goes first.
 */
async function alternate(
  key: string,
  sides: Loaded,
  options: { sliceMs: number; timeMs: number; firstSide: Side; phase: 'warmup' | 'measure' },
  around?: (side: Side, run: () => Promise<SideTiming>) => Promise<SideTiming>,
): Promise<{ totals: Partial<Record<Side, SideTiming>>; pairLogRatios: number[] }> {
  const present = SIDES.filter((s) => sides[s]);
  const totals: Partial<Record<Side, SideTiming>> = {};
  const wall: Record<Side, number> = { base: 0, head: 0 };
  const pairLogRatios: number[] = [];
  let pair = 0;
  while (present.some((s) => wall[s] < options.timeMs)) {
    const baseFirst = (pair % 2 === 0) === (options.firstSide === 'base');
    const order = present.length === 2 ? (baseFirst ? SIDES : [...SIDES].reverse()) : present;
    const slice: Partial<Record<Side, SideTiming>> = {};
    for (const side of order) {
      const loadedSide = sides[side];
      if (!loadedSide) continue;
      await send({ type: 'progress', key, side, phase: options.phase });
      const started = clock();
      const run = async () => {
        const timing = await runSlice(loadedSide.bench, loadedSide.task, options.sliceMs);
        checkClocks();
        return timing;
      };
      try {
        slice[side] = around ? await around(side, run) : await run();
      } catch (error) {
        throw Object.assign(new Error('slice failed'), { side, cause: error });
      }
      wall[side] += clock() - started;
    }
    for (const side of present) {
      const t = slice[side];
      if (!t) continue;
      const total = totals[side] ?? { ops: 0, totalNs: 0 };
      totals[side] = { ops: total.ops + t.ops, totalNs: total.totalNs + t.totalNs };
    }
    if (slice.base && slice.head) {
      pairLogRatios.push(log(slice.head.totalNs / slice.head.ops / (slice.base.totalNs / slice.base.ops)));
    }
    pair++;
  }
  return { totals, pairLogRatios };
}

async function withSliceErrors(key: string, work: () => Promise<void>): Promise<void> {
  try {
    await work();
  } catch (error) {
    const failure = error as { side?: Side; cause?: unknown };
    await send({
      type: 'error',
      key,
      // No side: the failure is outside both sides' code, and the parent charges it to neither.
      side: failure.side,
      error: errorText(failure.cause ?? error),
    });
  }
}

async function runTiming(job: TimingJob): Promise<void> {
  forcePerCall = job.perCall === true;
  if (!forcePerCall) await send({ type: 'floor', nsPerOp: await harnessFloor() });
  // The side loaded first can run differently all process long (older objects, shared built-ins'
  // inline caches); loading in the process's ABBA order turns that into spread between processes,
  // which the interval sees, instead of a bias every process shares.
  const loadOrder: Side[] = job.firstSide === 'base' ? ['base', 'head'] : ['head', 'base'];
  for (const b of job.benchmarks) {
    const sides = await loadSides(b, undefined, loadOrder);
    if (!sides) continue;
    await withSliceErrors(b.key, async () => {
      const common = { sliceMs: job.sliceMs, firstSide: job.firstSide };
      if (job.warmupMs > 0)
        await alternate(b.key, sides, { ...common, timeMs: job.warmupMs, phase: 'warmup' });
      const { totals, pairLogRatios } = await alternate(b.key, sides, {
        ...common,
        timeMs: job.timeMs,
        phase: 'measure',
      });
      await send({ type: 'timing', key: b.key, base: totals.base, head: totals.head, pairLogRatios });
    });
  }
}

const perOp = (totals: Partial<Record<Side, SideTiming>>) => {
  const t = SIDES.map((s) => totals[s]).filter((x): x is SideTiming => !!x);
  return t.reduce((sum, x) => sum + x.totalNs, 0) / t.reduce((sum, x) => sum + x.ops, 0);
};

/** What every sample of the profiling process is labelled with (the profiler's sampling context). */
interface SliceContext {
  benchmark?: string;
  side?: Side;
  phase?: 'load' | 'warmup' | 'measure';
}

async function runProfile(job: ProfileJob): Promise<void> {
  // Loaded only here: the discovery and timing passes must not pay for the profiler.
  const { time } = await import('@datadog/pprof');
  if (job.profile === 'overhead') {
    await runOverhead(job, time);
    return;
  }
  // Started before the first benchmark module is imported and kept running until every benchmark of
  // this process is profiled: V8's profiler does not see code compiled while it was off, and charges
  // that code's samples to the caller (docs/measurement.md). Phases are told apart by the sampling
  // context instead, and only `measure` samples are kept.
  time.start({
    intervalMicros: job.intervalUs,
    withContexts: true,
    lineNumbers: false,
    // Called for every location while a profile is written: frames of transformed code get their
    // source positions (source-maps.ts). The profiler's type is its own file-scanning class.
    sourceMapper: sourceMapperFor(job) as unknown as PprofSourceMapper,
  });
  const labelled = async <T>(context: SliceContext, run: () => Promise<T>): Promise<T> => {
    time.setContext(context);
    try {
      return await run();
    } finally {
      time.setContext({});
    }
  };
  for (const b of job.benchmarks) {
    const sides = await loadSides(b, (side, load) =>
      labelled({ benchmark: b.key, side, phase: 'load' }, load),
    );
    if (!sides) continue;
    await withSliceErrors(b.key, async () => {
      const common = { sliceMs: job.sliceMs, firstSide: 'base' as Side };
      if (job.warmupMs > 0)
        await alternate(b.key, sides, { ...common, timeMs: job.warmupMs, phase: 'warmup' }, (side, run) =>
          labelled({ benchmark: b.key, side, phase: 'warmup' }, run),
        );
      const { totals, pairLogRatios } = await alternate(
        b.key,
        sides,
        { ...common, timeMs: job.timeMs, phase: 'measure' },
        (side, run) => labelled({ benchmark: b.key, side, phase: 'measure' }, run),
      );
      // `restart` hands the running profiler a fresh profile without stopping it, so the next
      // benchmark's code is compiled while the profiler is on.
      const profile = time.stop(true, ({ context }): Record<string, string> => {
        const slice = context?.context as SliceContext | undefined;
        return slice?.phase === 'measure' && slice.benchmark === b.key && slice.side
          ? { [SIDE_LABEL]: slice.side }
          : {};
      });
      const profiles = writeSideProfiles(profile, b, totals, job);
      await send({
        type: 'profiled',
        key: b.key,
        profiles,
        base: totals.base,
        head: totals.head,
        pairLogRatios,
      });
    });
  }
  time.stop(false);
}

/**
 * Maps the job's frames to source positions (source-maps.ts), within the checkouts; a job without
 * them (tests that run the child alone) maps within each benchmark file's folder.
 */
function sourceMapperFor(job: ProfileJob | AllocationJob): SourceMapper {
  const roots = Object.values(job.roots ?? {}).filter((r): r is string => !!r);
  if (roots.length === 0)
    for (const b of job.benchmarks) for (const side of SIDES) if (b[side]) roots.push(dirname(b[side].file));
  return new SourceMapper(roots);
}

/** Splits one benchmark's profile by its side label into `<slug>/<side>-<process>.pb.gz`. */
function writeSideProfiles(
  profile: ReturnType<typeof import('@datadog/pprof').time.stop>,
  b: ChildBenchmark,
  totals: Partial<Record<Side, SideTiming>>,
  job: ProfileJob,
): Partial<Record<Side, { path: string; ops: number }>> {
  const labelKey = profile.stringTable.dedup(SIDE_LABEL);
  const all = profile.sample;
  const profiles = writePerSide(b, totals, job, '', (side, comments) => {
    const sideValue = profile.stringTable.dedup(side);
    profile.sample = all.filter((s) => s.label.some((l) => l.key === labelKey && l.str === sideValue));
    profile.comment = comments.map((c) => profile.stringTable.dedup(c));
    return gzipSync(profile.encode());
  });
  profile.sample = all;
  return profiles;
}

/**
 * Writes one profile per side that ran, `<slug>/<prefix><side>-<process>.pb.gz`, from `encode`, which
 * gets the comments every profile carries (ops, benchmark, side).
 */
function writePerSide(
  b: ChildBenchmark,
  totals: Partial<Record<Side, { ops: number }>>,
  job: Pick<ProfileJob | AllocationJob, 'outDir' | 'process'>,
  prefix: string,
  encode: (side: Side, comments: string[]) => Uint8Array,
): Partial<Record<Side, { path: string; ops: number }>> {
  const dir = join(job.outDir, b.slug);
  mkdirSync(dir, { recursive: true });
  const profiles: Partial<Record<Side, { path: string; ops: number }>> = {};
  for (const side of SIDES) {
    const ops = totals[side]?.ops;
    if (!ops) continue;
    const comments = [`${OPS_COMMENT_PREFIX}${ops}`, `flamegate.benchmark=${b.key}`, `${SIDE_LABEL}=${side}`];
    const path = join(dir, `${prefix}${side}-${job.process}.pb.gz`);
    writeFileSync(path, encode(side, comments));
    profiles[side] = { path, ops };
  }
  return profiles;
}

/**
 * The profiler's cost: blocks with and without it alternate (starting and stopping it between blocks,
 * outside measured time), so each pair of blocks sees the same machine speed.
 */
async function runOverhead(job: ProfileJob, time: typeof import('@datadog/pprof').time): Promise<void> {
  const blockMs = 150;
  const settleMs = 100;
  for (const b of job.benchmarks) {
    const sides = await loadSides(b);
    if (!sides) continue;
    await withSliceErrors(b.key, async () => {
      const common = { sliceMs: job.sliceMs, firstSide: 'base' as Side, timeMs: blockMs };
      await alternate(b.key, sides, { ...common, timeMs: job.warmupMs, phase: 'warmup' });
      const pairLogRatios: number[] = [];
      for (let pair = 0; pair * 2 * blockMs < job.timeMs; pair++) {
        const measured: Record<string, number> = {};
        for (const profiled of pair % 2 === 0 ? [true, false] : [false, true]) {
          if (profiled)
            time.start({ intervalMicros: job.intervalUs, withContexts: true, lineNumbers: false });
          // Starting or stopping the profiler disturbs the code that runs next for a while (code
          // events are logged, the sampler thread spins up): the attribution pass never pays that
          // inside its measured phase, so neither does this figure.
          await alternate(b.key, sides, { ...common, timeMs: settleMs, phase: 'warmup' });
          const { totals } = await alternate(
            b.key,
            sides,
            { ...common, phase: 'measure' },
            profiled
              ? async (side, run) => {
                  time.setContext({ side });
                  return run();
                }
              : undefined,
          );
          if (profiled) time.stop(false);
          measured[String(profiled)] = perOp(totals);
        }
        pairLogRatios.push(log((measured.true ?? 0) / (measured.false ?? 1)));
      }
      await send({ type: 'overhead', key: b.key, pairLogRatios });
    });
  }
}

/**
 * The allocation pass. Bytes per op come from the garbage collector's own books: the heap's growth
 * over a slice plus every byte the collections during the slice freed (v8.GCProfiler, Node 18.15+),
 * so objects already collected count. Per function, V8's sampling heap profiler (through the
 * inspector, counting collected objects too) runs without a break from before the first benchmark
 * module loads to the end: stopping and restarting it costs tens of ms and slows the code that runs
 * next several-fold, so it is read once per benchmark. Its samples carry no labels; a sample's side
 * is the worktree its stack runs in (base and head load from different folders), and the measured
 * phase is told apart by two marker allocations whose sample ordinals bound it.
 */
async function runAllocation(job: AllocationJob): Promise<void> {
  const { Session: InspectorSession } = await import('node:inspector/promises');
  const session: Session = new InspectorSession();
  session.connect();
  await session.post('HeapProfiler.enable');
  const sampling = {
    samplingInterval: job.samplingIntervalBytes,
    includeObjectsCollectedByMajorGC: true,
    includeObjectsCollectedByMinorGC: true,
  };
  await session.post('HeapProfiler.startSampling', sampling);
  const read = async (): Promise<SamplingHeapProfile> => {
    const { profile } = await session.post('HeapProfiler.stopSampling');
    await session.post('HeapProfiler.startSampling', sampling);
    return profile as unknown as SamplingHeapProfile;
  };
  // An allocation far larger than the sampling interval is sampled with certainty (1 − e⁻⁴⁰).
  const markerLength = Math.ceil((40 * job.samplingIntervalBytes) / 8);
  // Node 18.15+ (flamegate needs 20.6+); the type is spelled out because its JSON shape is loose.
  const GCProfiler = (v8 as unknown as { GCProfiler: new () => GcProfilerLike }).GCProfiler;
  const usedHeap = () => v8.getHeapStatistics().used_heap_size;
  const sourceMapper = sourceMapperFor(job);

  for (const b of job.benchmarks) {
    const sides = await loadSides(b);
    if (!sides) continue;
    await withSliceErrors(b.key, async () => {
      const common = { sliceMs: job.sliceMs, firstSide: job.firstSide };
      if (job.warmupMs > 0)
        await alternate(b.key, sides, { ...common, timeMs: job.warmupMs, phase: 'warmup' });
      const totals: Partial<Record<Side, SideAllocation>> = {};
      const slices: { side: Side; bytes: number; ops: number }[] = [];
      flamegateAllocationMark(markerLength);
      await alternate(
        b.key,
        sides,
        { ...common, timeMs: job.timeMs, phase: 'measure' },
        async (side, run) => {
          const gc = new GCProfiler();
          gc.start();
          const started = clock();
          const before = usedHeap();
          const timing = await run();
          const after = usedHeap();
          const wallNs = (clock() - started) * 1e6;
          const collections = gc.stop().statistics;
          let freed = 0;
          let gcNs = 0;
          let majorGcNs = 0;
          const durations = { minor: [] as number[], major: [] as number[] };
          for (const c of collections) {
            freed += c.beforeGC.heapStatistics.usedHeapSize - c.afterGC.heapStatistics.usedHeapSize;
            gcNs += c.cost * 1e3;
            const minor = /scavenge|minor/i.test(String(c.gcType));
            if (!minor) majorGcNs += c.cost * 1e3;
            durations[minor ? 'minor' : 'major'].push(c.cost * 1e3);
          }
          const bytes = after - before + freed;
          const total = (totals[side] ??= {
            ops: 0,
            bytes: 0,
            gcNs: 0,
            wallNs: 0,
            majorGcNs: 0,
            minorGcDurationsNs: [],
            majorGcDurationsNs: [],
          });
          total.ops += timing.ops;
          total.bytes += bytes;
          total.gcNs += gcNs;
          total.majorGcNs = (total.majorGcNs ?? 0) + majorGcNs;
          total.minorGcDurationsNs?.push(...durations.minor);
          total.majorGcDurationsNs?.push(...durations.major);
          total.wallNs += wallNs;
          slices.push({ side, bytes, ops: timing.ops });
          return timing;
        },
      );
      flamegateAllocationMark(markerLength);
      const stacks = splitBySide(
        await read(),
        {
          base: b.base ? dirname(b.base.file) : undefined,
          head: b.head ? dirname(b.head.file) : undefined,
          roots: job.roots,
        },
        sourceMapper,
      );
      // Slices run in pairs (one per side, ABBA), so consecutive slices of both sides form a pair.
      const pairLogRatios: number[] = [];
      for (let i = 0; i + 1 < slices.length; i += 2) {
        const x = slices[i] as (typeof slices)[number];
        const y = slices[i + 1] as (typeof slices)[number];
        if (x.side === y.side) continue;
        const [base, head] = x.side === 'base' ? [x, y] : [y, x];
        if (base.bytes > 0 && head.bytes > 0)
          pairLogRatios.push(log(head.bytes / head.ops / (base.bytes / base.ops)));
      }
      const profiles = writePerSide(b, totals, job, 'alloc-', (side, comments) =>
        stacks[side].encode(comments, job.samplingIntervalBytes),
      );
      await send({
        type: 'allocated',
        key: b.key,
        profiles,
        base: totals.base,
        head: totals.head,
        pairLogRatios,
      });
    });
  }
  await session.post('HeapProfiler.stopSampling');
  session.disconnect();
}

/** The marker whose sampled allocations bound the measured phase in the heap profile. */
function flamegateAllocationMark(length: number): number {
  const marker = new Array<number>(length).fill(0);
  return marker.length;
}

/**
 * The measured phase's samples, split by side. A sample belongs to the side whose worktree holds a
 * frame of its stack (the benchmark's own function is on every stack of its operations); samples of
 * neither (the runner between slices) are dropped.
 */
function splitBySide(
  profile: SamplingHeapProfile,
  where: { base?: string; head?: string; roots?: Partial<Record<Side, string>> },
  sourceMapper: SourceMapper,
): Record<Side, HeapStacks> {
  const prefix = (side: Side) => {
    const dir = where.roots?.[side] ?? where[side];
    return dir ? (dir.endsWith('/') ? dir : `${dir}/`) : undefined;
  };
  const prefixes = { base: prefix('base'), head: prefix('head') };
  const marks = markerOrdinals(profile);
  const mapPosition = (p: Position) => sourceMapper.map(p);
  const inPhase = (ordinal: number) => !marks || (ordinal > marks[0] && ordinal < marks[1]);
  const sideOf = (urls: string[]): Side | undefined => {
    for (let i = urls.length - 1; i >= 0; i--) {
      const path = urlPath(urls[i] as string);
      // The longer prefix first: one worktree may sit inside the other's folder.
      const candidates = SIDES.filter((s) => prefixes[s] && path.startsWith(prefixes[s] as string)).sort(
        (x, y) => (prefixes[y]?.length ?? 0) - (prefixes[x]?.length ?? 0),
      );
      if (candidates[0]) return candidates[0];
    }
    return undefined;
  };
  return {
    base: HeapStacks.from(profile, (urls) => sideOf(urls) === 'base', inPhase, mapPosition),
    head: HeapStacks.from(profile, (urls) => sideOf(urls) === 'head', inPhase, mapPosition),
  };
}

function markerOrdinals(profile: SamplingHeapProfile): [number, number] | undefined {
  const markerNodes = new Set<number>();
  const walk = (node: SamplingHeapProfile['head']) => {
    if (node.callFrame.functionName === 'flamegateAllocationMark') markerNodes.add(node.id);
    for (const child of node.children) walk(child);
  };
  walk(profile.head);
  const ordinals = (profile.samples ?? []).filter((s) => markerNodes.has(s.nodeId)).map((s) => s.ordinal);
  if (ordinals.length < 2) return undefined;
  return [Math.min(...ordinals), Math.max(...ordinals)];
}

function urlPath(url: string): string {
  if (!url.startsWith('file://')) return url;
  try {
    return decodeURIComponent(new URL(url).pathname);
  } catch {
    return url.slice('file://'.length);
  }
}

interface GcProfilerLike {
  start(): void;
  stop(): {
    statistics: {
      gcType: string;
      cost: number;
      beforeGC: { heapStatistics: { usedHeapSize: number } };
      afterGC: { heapStatistics: { usedHeapSize: number } };
    }[];
  };
}

async function runDiscover(
  files: string[],
  recordGraph = false,
  executed?: string[],
  executeMs = Number.POSITIVE_INFINITY,
): Promise<void> {
  // Started before any benchmark file loads, so every import of theirs is seen.
  const graph = recordGraph ? ModuleGraph.start() : undefined;
  const execution = graph && executed && executed.length > 0 ? new ExecutionRecorder(executed) : undefined;
  // Calls come after every file is listed, nearest first, within `executeMs`: see executionOrder.
  const toExecute: { file: string; bench: BenchLike }[] = [];
  for (const file of files) {
    // tinybench calls each task once when it is added (to tell sync from async), so a task that
    // hangs hangs here; the parent charges the file named last.
    await send({ type: 'progress', key: file, side: 'head', phase: 'load' });
    try {
      const bench = await loadBench(file);
      const reached = recordGraph ? await reachedFrom(graph, file) : undefined;
      await send({ type: 'discovered', file, tasks: bench.tasks.map((t) => t.name), reached });
      if (execution && reached && execution.changedAmong(reached).length > 0) toExecute.push({ file, bench });
    } catch (error) {
      const reached = recordGraph ? await reachedFrom(graph, file) : undefined;
      await send({ type: 'discover-error', file, error: errorText(error), reached });
    }
    // The repository's vitest settings: the parent starts later processes with their execArgv.
    for (const project of takeOpenedProjects()) await send({ type: 'vitest-project', ...project });
  }
  if (execution) {
    const started = clock();
    for (const { file, bench } of executionOrder(toExecute, executed ?? [])) {
      if (clock() - started < executeMs) await sendExecuted(file, bench, execution);
      else await send({ type: 'executed', file, changed: [], skipped: true });
    }
  }
  if (graph) await send({ type: 'loaded', files: graph.loaded() });
}

/**
 * The order the execution pass calls files in: a benchmark file named after a changed file first
 * (`groupBy.bench.ts` for `src/array/groupBy.ts`, as most suites name them), then the others as
 * listed. In a large suite behind a barrel module every file reaches the change, and the pass has a
 * time budget: the file most likely to run the change should not wait behind hundreds that do not.
 */
function executionOrder<T extends { file: string }>(files: T[], changed: string[]): T[] {
  const stem = (path: string) => (basename(path).split('.')[0] ?? '').toLowerCase();
  const names = new Set(changed.map(stem));
  const named = files.filter((f) => names.has(stem(f.file)));
  return [...named, ...files.filter((f) => !named.includes(f))];
}

/** How long one benchmark's single call may take in the execution pass before it counts as unknown. */
const EXECUTE_TIMEOUT_MS = 2_000;

/**
 * Calls each of the file's benchmarks once (`callOnce`), under precise coverage, and tells the parent which
 * changed files they ran. A benchmark that fails or is still running after the timeout makes the file
 * `unknown`: the parent ranks it with those that run the changed code. A synchronous call that never
 * returns is the watchdog's: the parent, told `executing`, keeps the file's tasks and goes on.
 */
async function sendExecuted(file: string, bench: BenchLike, execution: ExecutionRecorder): Promise<void> {
  await send({ type: 'executing', file });
  let unknown = false;
  const changed = new Set<string>();
  // Each benchmark's call is read on its own: a file of groupBy benchmarks for three libraries
  // runs the changed one in one benchmark only, and that one is measured first.
  const tasks: Record<string, string[]> = {};
  for (const task of bench.tasks) {
    let known = true;
    // The file loaded and was reported: nothing here may turn into its loading error.
    const ran = await execution
      .record(async () => {
        const owner = (bench as Partial<VitestBenchGroup>).ownerOf?.(task) ?? bench;
        let timer: NodeJS.Timeout | undefined;
        const timeout = new Promise<'timeout'>((resolve) => {
          timer = setTimeout(() => resolve('timeout'), EXECUTE_TIMEOUT_MS);
        });
        const outcome = await Promise.race([callOnce(owner as BenchLike, task), timeout]).catch(
          () => 'error' as const,
        );
        clearTimeout(timer);
        // Clocks it replaced are put back, so the next file's load is not blamed for them.
        if (outcome === 'timeout' || outcome === 'error' || replacedClocks().length > 0) known = false;
      })
      .catch(() => {
        known = false;
        return [];
      });
    for (const f of ran) changed.add(f);
    if (known) tasks[task.name] = ran;
    else unknown = true;
  }
  await send({
    type: 'executed',
    file,
    changed: [...changed].sort(),
    tasks,
    ...(unknown ? { unknown: true } : {}),
  });
}

/**
 * One call of a task's function with the hooks a measured slice runs around it (`runBatches`); a task
 * whose function the runner could not see runs through tinybench's own `run()`, for one iteration.
 * Never the probe and batch of a slice: a benchmark over a large input can take seconds per call.
 */
async function callOnce(bench: BenchLike, task: TaskLike): Promise<void> {
  const spec = addedTasks.get(bench)?.get(task.name);
  if (!spec) {
    await runSlice(bench, task, 0);
    return;
  }
  const { beforeAll, afterAll, beforeEach, afterEach } = spec.opts;
  await bench.setup?.(task, 'run');
  await beforeAll?.call(task, 'run');
  if (typeof beforeEach === 'function') await beforeEach.call(task, 'run');
  const result = spec.fn.call(task);
  if (isThenable(result)) await result;
  if (typeof afterEach === 'function') await afterEach.call(task, 'run');
  await afterAll?.call(task, 'run');
  await bench.teardown?.(task, 'run');
}

/** The files `file`'s imports reached: Node's resolutions, and Vite's graph for a file Vite loaded. */
async function reachedFrom(graph: ModuleGraph | undefined, file: string): Promise<string[] | undefined> {
  if (!graph) return undefined;
  await graph.settle();
  const viteEdges = isVitestBenchFile(file) ? await loadedModuleEdges(file) : [];
  return viteEdges && graph.reachedFrom(file, viteEdges);
}

async function main(): Promise<void> {
  const jobFile = process.argv[2];
  if (!jobFile) throw new Error('usage: runner.js <job.json>');
  const job = JSON.parse(readFileSync(jobFile, 'utf8')) as Job;
  if (job.kind === 'discover') await runDiscover(job.files, job.graph, job.executed, job.executeMs);
  else if (job.kind === 'timing') await runTiming(job);
  else if (job.kind === 'allocation') await runAllocation(job);
  else await runProfile(job);
  await send({ type: 'done' });
  // Benchmarks may leave timers or sockets open; the parent has everything it needs.
  process.exit(0);
}

main().catch(async (error) => {
  process.stderr.write(`flamegate runner: ${errorText(error)}\n`);
  process.exit(70);
});
