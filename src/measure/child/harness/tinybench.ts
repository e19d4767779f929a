// The tinybench adapter (tinybench 2.x to 6.x, the user's own copy): a benchmark file's default
// export is a Bench (or a function that returns one). vitest bench files become tinybench tasks too
// (`harness/vitest.ts`), so their tasks are driven here as well.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire, register } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { importsAHarness } from '../../../harness-imports.js';
import type { SideTiming } from '../../../model.js';
import { type Batcher, batcherFor, timeBatches } from '../batch.js';
import { clock } from '../pristine.js';
import type { HarnessAdapter, HarnessFile, HarnessOptions, HarnessTask } from './adapter.js';
import { importScript, never, scriptRan, uniqueNames } from './script.js';

// The parts of tinybench the runner relies on.
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
export interface BenchLike {
  tasks: TaskLike[];
  run(): unknown;
  time?: number;
  iterations?: number;
  opts?: { time?: number; iterations?: number };
  setup?: (task: TaskLike, mode: 'run' | 'warmup') => unknown;
  teardown?: (task: TaskLike, mode: 'run' | 'warmup') => unknown;
}

/** What `Bench.add` was given: tinybench keeps the function private, so the runner records it. */
interface AddedTask {
  fn: (this: unknown) => unknown;
  opts: {
    async?: boolean;
    beforeAll?: (this: unknown, mode: string) => unknown;
    afterAll?: (this: unknown, mode: string) => unknown;
    beforeEach?: unknown;
    afterEach?: unknown;
  };
}
const addedTasks = new WeakMap<object, Map<string, AddedTask>>();
const patchedBenches = new WeakSet<object>();
/**
 * While a file loads: the Benches it builds. A tinybench script (no default export; it calls
 * `bench.run()` and prints a table) is measured from these, its own `run` and `warmup` starting nothing.
 */
let scriptBenches: BenchLike[] | undefined;

/** Replaces what a script's own `run`/`warmup` would start while it loads: nothing is measured or printed. */
function patchScriptRuns(proto: Record<string, unknown>): void {
  for (const method of ['run', 'runSync', 'warmup', 'warmupSync']) {
    const original = proto[method];
    if (typeof original !== 'function') continue;
    proto[method] = function (this: BenchLike, ...args: unknown[]) {
      if (!scriptBenches) return (original as (...a: unknown[]) => unknown).apply(this, args);
      if (!scriptBenches.includes(this)) scriptBenches.push(this);
      if (method.startsWith('warmup')) return method === 'warmup' ? Promise.resolve() : undefined;
      scriptRan();
      return method === 'runSync' ? [] : never();
    };
  }
}

/**
 * Wraps `Bench.prototype.add` of the tinybench a benchmark file will import (resolved from that
 * file, so it is the user's own copy and module instance), to keep each task's function and options.
 * A copy that cannot be found or patched leaves its tasks timed per call by tinybench, as before.
 */
export async function recordTaskFunctions(file: string): Promise<void> {
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
        if (scriptBenches && isBench(this) && !scriptBenches.includes(this)) scriptBenches.push(this);
        if (typeof fn === 'function') {
          let byName = addedTasks.get(this);
          if (!byName) addedTasks.set(this, (byName = new Map()));
          byName.set(name, { fn: fn as AddedTask['fn'], opts: (opts ?? {}) as AddedTask['opts'] });
        }
        return result;
      };
      patchScriptRuns(proto);
      patchedBenches.add(proto);
    } catch {
      // Not loadable here: its tasks keep tinybench's own per-call timing.
    }
  }
}

let tsHooksRegistered = false;
/** Lets Node load a TypeScript benchmark file (and what it imports) on versions that cannot strip types. */
export function ensureTypeScript(file: string): void {
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

const isThenable = (v: unknown) =>
  v !== null &&
  (typeof v === 'object' || typeof v === 'function') &&
  typeof (v as { then?: unknown }).then === 'function';

/**
 * How a task is timed. `batch`: synchronous calls in batches between two clock reads (`batch.ts`).
 * `per-call`: tinybench's own `run()`, which reads the clock around every call; kept for async tasks,
 * for tasks with `beforeEach`/`afterEach` hooks (they must run around every call, outside the timed
 * region), and for tasks whose function the runner could not see.
 */
type Timing = { mode: 'per-call' } | { mode: 'batch'; added: AddedTask; batcher: Batcher };

async function timingFor(bench: BenchLike, task: TaskLike, options: HarnessOptions): Promise<Timing> {
  const added = addedTasks.get(bench)?.get(task.name);
  const asyncFn = added && (added.opts.async === true || added.fn.constructor.name === 'AsyncFunction');
  if (options.perCall || !added || asyncFn || added.opts.beforeEach || added.opts.afterEach)
    return { mode: 'per-call' };
  // One probe call tells a function that returns a promise, or overrides its own duration.
  const probe = added.fn.call(task);
  if (isThenable(probe)) await probe;
  const overrides = typeof probe === 'object' && probe !== null && 'overriddenDuration' in probe;
  if (isThenable(probe) || overrides) return { mode: 'per-call' };
  return { mode: 'batch', added, batcher: batcherFor(added.fn.bind(task)) };
}

/** One slice through tinybench's own `run()`: at least `ms` of its measured time, at least one op. */
async function perCallSlice(bench: BenchLike, task: TaskLike, ms: number): Promise<SideTiming> {
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

/** Batches with tinybench's per-run hooks (`setup`, `beforeAll`, `afterAll`, `teardown`) around the slice, as `run()` calls them. */
async function batchSlice(
  bench: BenchLike,
  task: TaskLike,
  timing: Extract<Timing, { mode: 'batch' }>,
  ms: number,
): Promise<SideTiming> {
  await bench.setup?.(task, 'run');
  await timing.added.opts.beforeAll?.call(task, 'run');
  const measured = timeBatches(timing.batcher, ms);
  await timing.added.opts.afterAll?.call(task, 'run');
  await bench.teardown?.(task, 'run');
  return measured;
}

/**
 * One call of a task's function with the hooks a measured slice runs around it; a task whose function
 * the runner could not see runs through tinybench's own `run()`, for one iteration.
 */
async function callOnce(bench: BenchLike, task: TaskLike): Promise<void> {
  const added = addedTasks.get(bench)?.get(task.name);
  if (!added) {
    await perCallSlice(bench, task, 0);
    return;
  }
  const { beforeAll, afterAll, beforeEach, afterEach } = added.opts;
  await bench.setup?.(task, 'run');
  await beforeAll?.call(task, 'run');
  if (typeof beforeEach === 'function') await beforeEach.call(task, 'run');
  const result = added.fn.call(task);
  if (isThenable(result)) await result;
  if (typeof afterEach === 'function') await afterEach.call(task, 'run');
  await afterAll?.call(task, 'run');
  await bench.teardown?.(task, 'run');
}

/**
 * A Bench's tasks as the runner drives them. `ownerOf` gives the Bench a task belongs to when it is
 * not `bench` itself (a vitest file: one Bench per benchmark, with its own options).
 */
export function tinybenchFile(
  bench: BenchLike,
  options: HarnessOptions,
  ownerOf: (task: TaskLike) => BenchLike = () => bench,
): HarnessFile {
  const tasks = bench.tasks.map((task): HarnessTask => {
    const owner = ownerOf(task);
    // Decided at the first slice (a probe call), then kept; a probe that throws decides nothing.
    let timing: Timing | undefined;
    return {
      name: task.name,
      async slice(ms) {
        const known = (timing ??= await timingFor(owner, task, options));
        return known.mode === 'batch' ? batchSlice(owner, task, known, ms) : perCallSlice(owner, task, ms);
      },
      callOnce: () => callOnce(owner, task),
    };
  });
  return { tasks };
}

export const tinybench: HarnessAdapter = {
  name: 'tinybench',
  // The default: a file no other adapter claims is read as a tinybench file, and told so when it is not.
  claims: () => true,
  async load(file, options) {
    ensureTypeScript(file);
    await recordTaskFunctions(file);
    const built: BenchLike[] = [];
    scriptBenches = built;
    let mod: { default?: unknown } | undefined;
    try {
      mod = await importScript(file);
    } finally {
      scriptBenches = undefined;
    }
    let exported = mod?.default;
    if (typeof exported === 'function' && !isBench(exported)) exported = await (exported as () => unknown)();
    if (isBench(exported)) return tinybenchFile(exported, options);
    // A script: the Benches it built, their tasks in the order they were added.
    if (built.length > 0 && exported === undefined) {
      const tasks = built.flatMap((bench) => tinybenchFile(bench, options).tasks);
      const names = uniqueNames(tasks.map((t) => t.name));
      return { tasks: tasks.map((task, i) => ({ ...task, name: names[i] ?? task.name })) };
    }
    if (!importsAHarness(readFileSync(file, 'utf8')))
      throw new Error(
        `no benchmark harness recognised: the file imports none of tinybench, vitest, mitata, benchmark (benchmark.js) or bench-node, and its default export is not a tinybench Bench (got ${describe(exported)})`,
      );
    throw new Error(
      `the default export is not a tinybench Bench (got ${describe(exported)}). Export a Bench, or a function that returns one.`,
    );
  },
};
