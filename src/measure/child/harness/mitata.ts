// The mitata 1.x adapter. A mitata file registers benchmarks with `bench` (in `group`, `summary`,
// `barplot`, `boxplot`, `lineplot` and `compact` blocks), then calls `run()`. The file is loaded up to
// that call (`script.ts`, with mitata's entry instrumented by `mitata-hooks.ts`), and each registered
// benchmark, one per combination of its `.args`/`.range` values, becomes a task timed by flamegate:
// - a one-shot function `() => work()`: synchronous calls in batches, or one awaited call at a time;
// - an iterator function `(state) => { for (const _ of state) work() }`: the loop over `state`, timed
//   from its first step to its last, as mitata times it;
// - a generator `function* (state) { setup; yield () => work(); teardown }`: the code before `yield`
//   runs once per process, before the first slice, and the code after it once the job is done; a
//   yielded `{ [0]() {…}, bench(p0) {…} }` makes its parameters fresh for every call, outside the
//   timed region, as mitata does.
// `state.get(name)` gives the combination's parameter values in all three.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import Module, { register } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { SideTiming } from '../../../model.js';
import { clock } from '../pristine.js';
import type { HarnessAdapter, HarnessOptions, HarnessTask } from './adapter.js';
import { checkHarnessVersion, scriptHarnessOf } from './imports.js';
import { instrumentMitata, MITATA_ENTRY } from './mitata-hooks.js';
import {
  type CountedLoop,
  callTimer,
  identity,
  importScript,
  isThenable,
  never,
  scriptRan,
  timeCounted,
  uniqueNames,
} from './script.js';
import { ensureTypeScript } from './tinybench.js';

/** What mitata's `bench()` returns (its class `B`), as far as the runner reads it. */
interface MitataBench {
  f: (...args: unknown[]) => unknown;
  _name: string;
  _args: Record<string, unknown[]>;
}
interface Collection {
  name: unknown;
  trials: MitataBench[];
}
interface Instance {
  take(): Collection[];
}

const instances: Instance[] = [];
let hooked = false;

function hook(): void {
  if (hooked) return;
  hooked = true;
  (globalThis as Record<symbol, unknown>)[Symbol.for('flamegate.mitata')] = {
    instance: (instance: Instance) => instances.push(instance),
    run: () => {
      scriptRan();
      return never();
    },
  };
  // A file that imports mitata: Node's load hooks give the runner's version of mitata's entry.
  const here = dirname(fileURLToPath(import.meta.url));
  register(pathToFileURL(join(here, 'mitata-hooks.js')).href);
  // A CommonJS file that requires mitata (an ES module, loaded by `require` since Node 20.19): load
  // hooks do not see it, so the entry it resolves to is swapped for an instrumented copy.
  const cjs = Module as unknown as {
    _resolveFilename: (this: unknown, request: string, ...rest: unknown[]) => string;
  };
  const resolveFilename = cjs._resolveFilename;
  cjs._resolveFilename = function (request, ...rest) {
    const resolved = resolveFilename.call(this, request, ...rest);
    return MITATA_ENTRY.test(resolved) ? (instrumentedCopy(resolved) ?? resolved) : resolved;
  };
}

const copies = new Map<string, string | undefined>();
let copiesDir: string | undefined;

/**
 * mitata's entry, instrumented, in a temporary file whose relative imports point back at mitata's own
 * files (so `do_not_optimize` is still mitata's); undefined when the entry is not laid out as 1.x's.
 */
function instrumentedCopy(entry: string): string | undefined {
  if (!copies.has(entry)) {
    const source = instrumentMitata(readFileSync(entry, 'utf8'));
    let copy: string | undefined;
    if (source !== undefined) {
      if (!copiesDir) {
        const dir = mkdtempSync(join(tmpdir(), 'flamegate-mitata-'));
        copiesDir = dir;
        process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
      }
      copy = join(copiesDir, `main-${copies.size}.mjs`);
      const absolute = source.replace(
        /(\bfrom\s*|\bimport\s*\(\s*)(['"])(\.\.?\/[^'"]+)\2/g,
        (_, lead: string, quote: string, rel: string) =>
          `${lead}${quote}${pathToFileURL(join(dirname(entry), rel)).href}${quote}`,
      );
      writeFileSync(copy, absolute);
    }
    copies.set(entry, copy);
  }
  return copies.get(entry);
}

const GeneratorFunction = function* () {}.constructor;
const AsyncGeneratorFunction = async function* () {}.constructor;

/** mitata's kinds of benchmark function (its `kind()`). */
function kindOf(f: unknown): 'fn' | 'iter' | 'yield' | undefined {
  if (typeof f !== 'function') return undefined;
  if (f instanceof GeneratorFunction || f instanceof AsyncGeneratorFunction) return 'yield';
  return f.length === 0 ? 'fn' : 'iter';
}

/** Each combination of a benchmark's parameters, in mitata's order (the first parameter varies fastest). */
export function combinations(args: Record<string, unknown[]>): Record<string, unknown>[] {
  const names = Object.keys(args);
  if (names.length === 0) return [{}];
  const out: Record<string, unknown>[] = [];
  const offsets = names.map(() => 0);
  const total = names.reduce((n, name) => n * (args[name]?.length ?? 0), 1);
  for (let o = 0; o < total; o++) {
    out.push(Object.fromEntries(names.map((name, i) => [name, args[name]?.[offsets[i] ?? 0]])));
    let i = 0;
    do {
      offsets[i] = ((offsets[i] ?? 0) + 1) % (args[names[i] ?? '']?.length ?? 1);
    } while (offsets[i++] === 0 && i < names.length);
  }
  return out;
}

/** mitata's display name of one combination: `$name` in the benchmark's name replaced by its value. */
function displayName(name: string, params: Record<string, unknown>): string {
  let out = name;
  for (const [k, v] of Object.entries(params)) out = out.replaceAll(`$${k}`, String(v));
  return out;
}

/** How one call is made: a function called with no arguments, or a yielded `bench` with fresh parameters. */
interface Callable {
  call: (...args: unknown[]) => unknown;
  params: (() => unknown)[];
}

function callableOf(value: unknown): Callable {
  if (kindOf(value) === 'fn') return { call: value as Callable['call'], params: [] };
  const yielded = value as { bench?: unknown; manual?: unknown } & Record<number, unknown>;
  if (yielded && typeof yielded === 'object' && yielded.manual !== undefined)
    throw new Error(
      "mitata's manual timing (a yielded `manual`) is not supported: flamegate times every call itself",
    );
  if (!yielded || typeof yielded.bench !== 'function')
    throw new TypeError(
      'expected benchmarkable yield from generator (a function, or an object with `bench`)',
    );
  const call = yielded.bench as Callable['call'];
  const params = Array.from({ length: call.length }, (_, i) => {
    const p = yielded[i];
    if (typeof p !== 'function') throw new TypeError('expected function for benchmark parameter');
    return p as () => unknown;
  });
  return { call, params };
}

async function prepared(c: Callable): Promise<unknown[]> {
  const values: unknown[] = [];
  for (const p of c.params) values.push(await p());
  return values;
}

/** Times a callable: batched when it is synchronous and takes no parameters, else one call at a time. */
function timerFor(c: Callable, options: HarnessOptions): (ms: number) => Promise<SideTiming> {
  return callTimer(c.call, options, c.params.length > 0 ? () => prepared(c) : undefined);
}

/** The state an iterator benchmark loops over: `n` steps, timed from the first to the last. */
function iterLoop(f: MitataBench['f'], params: Record<string, unknown>): CountedLoop {
  return (n) => {
    let i = 0;
    let started = 0;
    let ended = 0;
    const steps = {
      next() {
        if (i === 0) started = clock();
        if (i++ < n) return { value: undefined, done: false };
        ended = clock();
        return { value: undefined, done: true };
      },
    };
    const state = {
      [Symbol.iterator]: () => steps,
      [Symbol.asyncIterator]: () => steps,
      get: (name: string) => params[name],
    };
    const finish = () => {
      if (i === 0) throw new Error('the benchmark never iterated over its state (`for (const _ of state)`)');
      return (ended || clock()) - started;
    };
    const result = f(state);
    return isThenable(result) ? Promise.resolve(result).then(finish) : finish();
  };
}

function mitataTask(
  name: string,
  b: MitataBench,
  params: Record<string, unknown>,
  options: HarnessOptions,
): HarnessTask {
  const kind = kindOf(b.f);
  const ctx = { get: (key: string) => params[key] };
  if (kind === 'iter') {
    const loop = iterLoop(b.f, params);
    const calibration = { size: 1 };
    return {
      name,
      slice: (ms) => timeCounted(loop, ms, calibration),
      callOnce: async () => {
        await loop(1);
      },
    };
  }
  if (kind === 'yield') {
    type Gen = { next(): unknown };
    let running: { gen: Gen; time: (ms: number) => Promise<SideTiming> } | undefined;
    const start = async () => {
      const gen = b.f(ctx) as Gen;
      const first = (await gen.next()) as { value?: unknown };
      return { gen, callable: callableOf(first.value) };
    };
    return {
      name,
      async slice(ms) {
        if (!running) {
          const { gen, callable } = await start();
          running = { gen, time: timerFor(callable, options) };
        }
        return running.time(ms);
      },
      async callOnce() {
        const { gen, callable } = await start();
        const result = callable.call(...(await prepared(callable)));
        if (isThenable(result)) await result;
        await gen.next();
      },
      async dispose() {
        const gen = running?.gen;
        running = undefined;
        if (gen) await gen.next();
      },
    };
  }
  const callable: Callable = { call: b.f, params: [] };
  return {
    name,
    slice: timerFor(callable, options),
    async callOnce() {
      const result = b.f();
      if (isThenable(result)) await result;
    },
  };
}

export const mitata: HarnessAdapter = {
  name: 'mitata',
  claims: (file) => scriptHarnessOf(file) === 'mitata',
  async load(file, options) {
    checkHarnessVersion(file, 'mitata');
    ensureTypeScript(file);
    hook();
    await importScript(file);
    // Every instance: base and head may share one copy of mitata, and each file takes its own.
    const collections = instances.flatMap((i) => i.take());
    if (instances.length === 0)
      throw new Error(
        "flamegate could not read this file's mitata benchmarks: the mitata it imports is not laid out as mitata 1.x's (src/main.mjs)",
      );
    const found: { name: string; bench: MitataBench; params: Record<string, unknown> }[] = [];
    for (const collection of collections) {
      const group = typeof collection.name === 'string' && collection.name ? collection.name : undefined;
      for (const bench of collection.trials) {
        if (!kindOf(bench.f)) continue;
        for (const params of combinations(bench._args ?? {}))
          found.push({
            name: identity(group, displayName(String(bench._name), params), params),
            bench,
            params,
          });
      }
    }
    const names = uniqueNames(found.map((f) => f.name));
    return { tasks: found.map((f, i) => mitataTask(names[i] ?? f.name, f.bench, f.params, options)) };
  },
};
