// The benchmark.js 2.x adapter. A benchmark.js file builds suites (`new Benchmark.Suite(name)`,
// `.add(name, fn, options)`, listeners with `.on('cycle' | 'complete')`), or a single
// `new Benchmark(name, fn)`, then calls `.run()`. The user's own copy of benchmark.js (the one the
// file resolves) is patched before the file loads: `Suite#add` records the suite, and `run()` of a
// suite or a benchmark records it and returns it without running, so no listener ever fires.
//
// Each benchmark is timed as benchmark.js compiles it, with flamegate's clock and batch sizes: when
// the benchmark has a `setup` or `teardown`, or its function is a string, the sources of setup, the
// function and teardown are joined into one function (their variables are shared, as benchmark.js
// users rely on), setup runs before each batch and teardown after it, untimed. A function that
// returns early falls back to a call per operation, as in benchmark.js. Otherwise the function is
// called with the benchmark as `this`. A `defer: true` benchmark is called one operation at a time,
// each ending when it calls `deferred.resolve()`.
import { createRequire } from 'node:module';
import type { SideTiming } from '../../../model.js';
import { clock, FunctionConstructor } from '../pristine.js';
import type { HarnessAdapter, HarnessOptions, HarnessTask } from './adapter.js';
import { checkHarnessVersion, scriptHarnessOf } from './imports.js';
import { callTimer, identity, importScript, scriptRan, timeCounted, uniqueNames } from './script.js';
import { ensureTypeScript } from './tinybench.js';

type Source = string | ((...args: unknown[]) => unknown);

/** A benchmark.js Benchmark, as far as the runner reads it. */
interface BenchmarkLike {
  name?: string;
  id?: number;
  fn: Source;
  setup: Source;
  teardown: Source;
  defer?: boolean;
}
interface SuiteLike {
  name?: string;
  length: number;
  [index: number]: BenchmarkLike;
}
interface BenchmarkModule {
  (...args: unknown[]): BenchmarkLike;
  prototype: { run: (...args: unknown[]) => unknown };
  options: { setup: Source; teardown: Source };
  Suite: { prototype: { add: (...args: unknown[]) => unknown; run: (...args: unknown[]) => unknown } };
}

/** What the file being loaded registered. */
interface Registered {
  suites: SuiteLike[];
  singles: BenchmarkLike[];
}
let current: Registered | undefined;
const patched = new WeakSet<object>();

/** Patches the benchmark.js that `file` resolves (its module instance is the file's). */
function patch(file: string): BenchmarkModule {
  const Benchmark = createRequire(file)('benchmark') as BenchmarkModule;
  if (patched.has(Benchmark)) return Benchmark;
  patched.add(Benchmark);
  const suiteProto = Benchmark.Suite.prototype;
  const add = suiteProto.add;
  suiteProto.add = function (this: SuiteLike, ...args: unknown[]) {
    if (current && !current.suites.includes(this)) current.suites.push(this);
    return add.apply(this, args);
  };
  suiteProto.run = function (this: SuiteLike) {
    if (current && !current.suites.includes(this)) current.suites.push(this);
    scriptRan();
    return this;
  };
  Benchmark.prototype.run = function (this: BenchmarkLike) {
    if (current && !current.singles.includes(this)) current.singles.push(this);
    scriptRan();
    return this;
  };
  return Benchmark;
}

/** benchmark.js's `getSource`: a string as it is, a function's body (empty for an arrow without braces). */
function sourceOf(value: Source): string {
  const text = typeof value === 'string' ? value : (/^[^{]+\{([\s\S]*)\}\s*$/.exec(String(value))?.[1] ?? '');
  const trimmed = text.trim();
  return /^(?:\/\*+[\w\W]*?\*\/|\/\/.*?[\n\r\u2028\u2029]|\s)*(["'])use strict\1;?$/.test(trimmed)
    ? ''
    : trimmed;
}

/** benchmark.js's `getFirstArgument`: the name a deferred function gives its argument. */
function firstArgument(fn: Source): string {
  return (typeof fn === 'function' && /^[\s(]*function[^(]*\(([^\s,)]+)/.exec(String(fn))?.[1]) || 'deferred';
}

type Compiled = (
  this: BenchmarkLike,
  bench: BenchmarkLike,
  n: number,
  now: () => number,
) => { elapsed: number; uid?: string };

let uidCounter = 0;

/**
 * The compiled loop of a benchmark with setup/teardown or a string function, as benchmark.js's
 * `clock()` builds it: first with the function's source inlined in the loop, then (it returned early)
 * with that source as a local function, then (it threw) with the function itself called.
 */
function compiledLoop(bench: BenchmarkLike): Compiled {
  const setup = sourceOf(bench.setup);
  const teardown = sourceOf(bench.teardown);
  const fn = sourceOf(bench.fn);
  const build = (loop: string, uid: string) =>
    new FunctionConstructor(
      'm$fg',
      'n$fg',
      'now$fg',
      `var i$fg = n$fg, f$fg = m$fg.fn;\n${setup}\nvar s$fg = now$fg();\n${loop}\nvar r$fg = now$fg() - s$fg;\n${teardown}\nreturn { elapsed: r$fg, uid: "${uid}" };`,
    ) as Compiled;
  const pretest = (compiled: Compiled, uid: string) => compiled.call(bench, bench, 1, clock).uid === uid;
  let error: unknown;
  if (fn !== '') {
    const uid = `fg${uidCounter++}`;
    try {
      const inlined = build(`while (i$fg--) {\n${fn}\n}`, uid);
      if (pretest(inlined, uid)) return inlined;
    } catch (e) {
      error = e;
    }
  }
  const uid = `fg${uidCounter++}`;
  const body =
    typeof bench.fn === 'string' || (fn !== '' && error === undefined)
      ? `function l$fg() {\n${fn}\n}\nwhile (i$fg--) l$fg.call(m$fg);`
      : 'while (i$fg--) f$fg.call(m$fg);';
  const fallback = build(body, uid);
  fallback.call(bench, bench, 1, clock);
  return fallback;
}

/** A deferred benchmark's setup, function and teardown, compiled to share their variables. */
interface DeferredParts {
  fn: (done: () => void) => void;
  teardown: () => void;
}
function deferredParts(bench: BenchmarkLike): () => DeferredParts {
  const arg = firstArgument(bench.fn);
  const source = (s: Source, call: string) =>
    typeof s === 'function' && sourceOf(s) === '' ? call : sourceOf(s);
  const make = new FunctionConstructor(
    'm$fg',
    'd$fg',
    `var f$fg = m$fg.fn, su$fg = m$fg.setup, td$fg = m$fg.teardown;\n${source(bench.setup, 'su$fg.call(m$fg);')}\n` +
      `d$fg.fn = function () { var ${arg} = d$fg; ${typeof bench.fn === 'string' ? bench.fn : 'f$fg.call(m$fg, d$fg);'}\n};\n` +
      `d$fg.teardown = function () { ${source(bench.teardown, 'td$fg.call(m$fg);')}\n};`,
  ) as (bench: BenchmarkLike, deferred: Record<string, unknown>) => void;
  return () => {
    const deferred: Record<string, unknown> = { benchmark: bench, cycles: 0 };
    let done: () => void = () => undefined;
    deferred.resolve = () => done();
    make.call(bench, bench, deferred);
    return {
      fn: (resolve) => {
        done = resolve;
        (deferred.fn as () => void)();
      },
      teardown: deferred.teardown as () => void,
    };
  };
}

function deferredTask(name: string, bench: BenchmarkLike): HarnessTask {
  const start = deferredParts(bench);
  const once = (parts: DeferredParts) => {
    let ended = 0;
    const started = clock();
    return new Promise<number>((resolve) => {
      parts.fn(() => {
        ended = clock();
        resolve(ended - started);
      });
    });
  };
  return {
    name,
    async slice(ms): Promise<SideTiming> {
      const parts = start();
      let ops = 0;
      let totalMs = 0;
      const end = clock() + ms;
      do {
        totalMs += await once(parts);
        ops++;
      } while (totalMs < ms && clock() < end);
      parts.teardown();
      return { ops, totalNs: totalMs * 1e6 };
    },
    async callOnce() {
      const parts = start();
      await once(parts);
      parts.teardown();
    },
  };
}

function benchmarkTask(
  name: string,
  bench: BenchmarkLike,
  Benchmark: BenchmarkModule,
  options: HarnessOptions,
): HarnessTask {
  if (bench.defer) return deferredTask(name, bench);
  const decompiled =
    typeof bench.fn === 'string' ||
    bench.setup !== Benchmark.options.setup ||
    bench.teardown !== Benchmark.options.teardown;
  if (decompiled) {
    let compiled: Compiled | undefined;
    const calibration = { size: 1 };
    const loop = (n: number) => {
      compiled ??= compiledLoop(bench);
      return compiled.call(bench, bench, n, clock).elapsed;
    };
    return {
      name,
      slice: (ms) => timeCounted(loop, ms, calibration),
      callOnce: async () => {
        loop(1);
      },
    };
  }
  const bound = (bench.fn as (this: BenchmarkLike) => unknown).bind(bench);
  return {
    name,
    slice: callTimer(bound, options),
    async callOnce() {
      bound();
    },
  };
}

export const benchmarkjs: HarnessAdapter = {
  name: 'benchmark.js',
  claims: (file) => scriptHarnessOf(file) === 'benchmark',
  async load(file, options) {
    checkHarnessVersion(file, 'benchmark');
    ensureTypeScript(file);
    const Benchmark = patch(file);
    const registered: Registered = { suites: [], singles: [] };
    current = registered;
    try {
      await importScript(file);
    } finally {
      current = undefined;
    }
    const found: { name: string; bench: BenchmarkLike }[] = [];
    const nameOf = (b: BenchmarkLike) => b.name || `<Test #${b.id ?? found.length + 1}>`;
    for (const suite of registered.suites) {
      for (let i = 0; i < suite.length; i++) {
        const bench = suite[i];
        if (bench) found.push({ name: identity(suite.name, nameOf(bench)), bench });
      }
    }
    for (const bench of registered.singles) found.push({ name: identity(undefined, nameOf(bench)), bench });
    const names = uniqueNames(found.map((f) => f.name));
    return { tasks: found.map((f, i) => benchmarkTask(names[i] ?? f.name, f.bench, Benchmark, options)) };
  },
};
