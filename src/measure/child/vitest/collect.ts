// Stands in for the `vitest` module while a bench file is imported, and records what the file
// declares: Vitest 3/4's top-level `describe`/`bench` with their modifiers and suite hooks, or
// Vitest 5's `test(..., async ({ bench }) => ...)` whose `bench` fixture records instead of running.
// Nothing is timed here: the collected functions go to the runner's slice driver.

type Fn = (...args: unknown[]) => unknown;
type Mode = 'run' | 'skip' | 'todo';

/** One benchmark found in a file: its identity inside the file and what tinybench needs to run it. */
export interface CollectedBench {
  /** Describe path, then (Vitest 5) the test name, then the bench name, joined with ' > '. */
  name: string;
  fn?: Fn;
  /** Bench options (tinybench `BenchOptions`: time, iterations, setup, teardown, throws…). */
  options: Record<string, unknown>;
  /** Per-task options (tinybench `FnOptions`: beforeAll, beforeEach…), Vitest 5 only. */
  fnOpts?: Record<string, unknown>;
  /** Declaring it failed (a describe or test callback threw): the benchmark fails with this. */
  error?: unknown;
}

interface Node {
  kind: 'suite' | 'bench' | 'test';
  name: string;
  mode: Mode;
  only: boolean;
  parent?: SuiteNode;
}
interface SuiteNode extends Node {
  kind: 'suite';
  factory?: Fn;
  children: Node[];
  beforeAll: Fn[];
  beforeEach: Fn[];
}
interface BenchNode extends Node {
  kind: 'bench';
  fn?: Fn;
  options: Record<string, unknown>;
}
interface TestNode extends Node {
  kind: 'test';
  fn?: Fn;
  /** `test.extend` fixtures, outer `extend` first. */
  fixtures: Record<string, unknown>[];
}

export type ApiVersion = 'top-level-bench' | 'bench-fixture';

interface State {
  api: ApiVersion;
  vitestVersion: string;
  root: SuiteNode;
  current: SuiteNode;
}

let state: State | undefined;

function active(what: string): State {
  if (!state) throw new Error(`vitest's ${what}() was called outside flamegate's collection of a bench file`);
  return state;
}

function newSuite(name: string, mode: Mode, only: boolean, parent?: SuiteNode, factory?: Fn): SuiteNode {
  return { kind: 'suite', name, mode, only, parent, factory, children: [], beforeAll: [], beforeEach: [] };
}

function formatName(name: unknown): string {
  if (typeof name === 'string') return name;
  if (typeof name === 'function') return name.name || '<anonymous>';
  return String(name);
}

// `describe.each` / `test.each` titles: printf-style placeholders and `$key` for object rows.
function formatEachName(template: string, row: unknown, index: number): string {
  const args = Array.isArray(row) ? [...row] : [row];
  let name = template.replace(/%[sdifjo#%]/g, (token) => {
    if (token === '%%') return '%';
    if (token === '%#') return String(index);
    const value = args.shift();
    if (token === '%j' || token === '%o') return JSON.stringify(value);
    return String(value);
  });
  if (row && typeof row === 'object' && !Array.isArray(row)) {
    name = name.replace(/\$([A-Za-z_][\w.]*)/g, (whole, key: string) => {
      const value = key.split('.').reduce<unknown>((v, k) => (v as Record<string, unknown>)?.[k], row);
      return value === undefined ? whole : String(value);
    });
  }
  return name;
}

interface Flags {
  mode: Mode;
  only: boolean;
}

type Declare = (flags: Flags, name: unknown, a?: unknown, b?: unknown) => void;

/** Builds vitest's chainable API: `x.skip`, `x.only`, `x.todo`, `x.skipIf(c)`, `x.runIf(c)`, `x.each(t)`. */
function chainable(declare: Declare, flags: Flags = { mode: 'run', only: false }): Fn {
  const call = (name: unknown, a?: unknown, b?: unknown) => declare(flags, name, a, b);
  const api = call as Fn & Record<string, unknown>;
  const withFlags = (next: Partial<Flags>) => chainable(declare, { ...flags, ...next });
  Object.defineProperties(api, {
    skip: { get: () => withFlags({ mode: 'skip' }) },
    only: { get: () => withFlags({ only: true }) },
    todo: { get: () => withFlags({ mode: 'todo' }) },
    concurrent: { get: () => api },
    sequential: { get: () => api },
    shuffle: { get: () => api },
    fails: { get: () => api },
  });
  api.skipIf = (condition: unknown) => (condition ? withFlags({ mode: 'skip' }) : api);
  api.runIf = (condition: unknown) => (condition ? api : withFlags({ mode: 'skip' }));
  api.each =
    (table: unknown[]) =>
    (name: unknown, a?: unknown, b?: unknown): void => {
      const fnFirst = typeof a === 'function';
      table.forEach((row, index) => {
        const fn = (fnFirst ? a : b) as Fn | undefined;
        const bound = fn
          ? (...rest: unknown[]) => fn(...(Array.isArray(row) ? row : [row]), ...rest)
          : undefined;
        const title = formatEachName(formatName(name), row, index);
        if (fnFirst) declare(flags, title, bound, b);
        else declare(flags, title, a, bound);
      });
    };
  api.for =
    (table: unknown[]) =>
    (name: unknown, a?: unknown, b?: unknown): void => {
      const fnFirst = typeof a === 'function';
      table.forEach((row, index) => {
        const fn = (fnFirst ? a : b) as Fn | undefined;
        const bound = fn ? (...rest: unknown[]) => fn(row, ...rest) : undefined;
        const title = formatEachName(formatName(name), row, index);
        if (fnFirst) declare(flags, title, bound, b);
        else declare(flags, title, a, bound);
      });
    };
  return api;
}

/** `(name, fn, options)` or `(name, options, fn)`, as vitest accepts both. */
function splitArgs(a: unknown, b: unknown): { fn?: Fn; options: Record<string, unknown> } {
  if (typeof a === 'function') return { fn: a as Fn, options: b && typeof b === 'object' ? { ...b } : {} };
  if (typeof b === 'function') return { fn: b as Fn, options: a && typeof a === 'object' ? { ...a } : {} };
  return { options: a && typeof a === 'object' ? { ...a } : {} };
}

function modeFromOptions(flags: Flags, options: Record<string, unknown>): Flags {
  let { mode, only } = flags;
  if (options.skip === true) mode = 'skip';
  if (options.todo === true) mode = 'todo';
  if (options.only === true) only = true;
  return { mode, only };
}

const describe = chainable((flags, name, a, b) => {
  const s = active('describe');
  const { fn, options } = splitArgs(a, b);
  const { mode, only } = modeFromOptions(flags, options);
  s.current.children.push(newSuite(formatName(name), fn ? mode : 'todo', only, s.current, fn));
});

const bench = chainable((flags, name, a, b) => {
  const s = active('bench');
  if (s.api === 'bench-fixture') {
    throw new Error(
      `this file calls the top-level bench() of Vitest 3/4, but the installed vitest is ${s.vitestVersion}, where bench is a test fixture: test('…', async ({ bench }) => { await bench('…', fn).run() })`,
    );
  }
  const fn = typeof a === 'function' ? (a as Fn) : undefined;
  const options = fn && b && typeof b === 'object' ? { ...(b as object) } : {};
  const node: BenchNode = {
    kind: 'bench',
    name: formatName(name),
    mode: fn || flags.mode !== 'run' ? flags.mode : 'todo',
    only: flags.only,
    parent: s.current,
    fn,
    options,
  };
  s.current.children.push(node);
});

function makeTest(fixtures: Record<string, unknown>[]): Fn {
  const api = chainable((flags, name, a, b) => {
    const s = active('test');
    const { fn, options } = splitArgs(a, b);
    const { mode, only } = modeFromOptions(flags, options);
    const node: TestNode = {
      kind: 'test',
      name: formatName(name),
      mode: fn ? mode : 'todo',
      only,
      fn,
      fixtures,
    };
    node.parent = s.current;
    s.current.children.push(node);
  }) as Fn & Record<string, unknown>;
  api.extend = (more: Record<string, unknown>) => makeTest([...fixtures, more]);
  return api;
}
const test = makeTest([]);

/**
 * Sets up `test.extend` fixtures on the context. A fixture function's teardown (after `use`) never
 * runs: the value stays in use by the collected benchmarks.
 */
async function setupFixtures(
  fixtures: Record<string, unknown>[],
  context: Record<string, unknown>,
): Promise<void> {
  for (const set of fixtures) {
    for (const [key, value] of Object.entries(set)) {
      const fixture = Array.isArray(value) ? value[0] : value;
      if (typeof fixture !== 'function') {
        context[key] = fixture;
        continue;
      }
      await new Promise<void>((resolve, reject) => {
        const use = (v: unknown) => {
          context[key] = v;
          resolve();
          return new Promise<void>(() => undefined);
        };
        Promise.resolve((fixture as Fn)(context, use)).then(() => resolve(), reject);
      });
    }
  }
}

function hook(kind: 'beforeAll' | 'beforeEach' | 'ignored') {
  return (fn: unknown) => {
    const s = active(kind);
    if (kind !== 'ignored' && typeof fn === 'function') s.current[kind].push(fn as Fn);
  };
}

// Anything may be chained on and called: assertions are not evaluated when collecting benchmarks,
// and a fake benchmark result must not make the test body throw before it has registered its benches.
function inert(): unknown {
  const target = () => undefined;
  const proxy: unknown = new Proxy(target, {
    get: (_t, key) => {
      if (key === Symbol.toPrimitive) return () => 0;
      if (key === 'then') return undefined;
      if (key === Symbol.iterator) return [][Symbol.iterator];
      return proxy;
    },
    apply: () => proxy,
  });
  return proxy;
}

/** What the stand-in `vitest` module exports. */
export const vitestApi: Record<string, unknown> = {
  bench,
  describe,
  suite: describe,
  test,
  it: test,
  beforeAll: hook('beforeAll'),
  beforeEach: hook('beforeEach'),
  // Teardown hooks are not run: the collected functions keep running after collection.
  afterAll: hook('ignored'),
  afterEach: hook('ignored'),
  onTestFinished: () => undefined,
  onTestFailed: () => undefined,
  expect: inert(),
  assert: inert(),
  expectTypeOf: inert(),
  assertType: () => undefined,
  vi: inert(),
  vitest: inert(),
  inject: () => undefined,
};

/** The names the stand-in module exports, for the ESM source that re-exports them. */
export const VITEST_EXPORTS = Object.keys(vitestApi);

function included(node: Node, hasOnly: boolean): boolean {
  let onlyOnPath = false;
  for (let n: Node | undefined = node; n; n = n.parent) {
    if (n.mode !== 'run') return false;
    if (n.only) onlyOnPath = true;
  }
  return !hasOnly || onlyOnPath;
}

function pathOf(node: Node): string[] {
  const names: string[] = [];
  for (let n: Node | undefined = node; n?.parent; n = n.parent) names.unshift(n.name);
  return names;
}

/** Runs `body` (importing the bench file) with the stand-in API live, then declares and collects. */
export async function collect(
  api: ApiVersion,
  vitestVersion: string,
  body: () => Promise<unknown>,
): Promise<CollectedBench[]> {
  const root = newSuite('', 'run', false);
  state = { api, vitestVersion, root, current: root };
  const out: CollectedBench[] = [];
  try {
    await body();
    // Like vitest, describe callbacks run after the file has been evaluated, outer before inner.
    const declareSuite = async (suite: SuiteNode): Promise<void> => {
      if (suite.factory && suite.mode === 'run' && state) {
        state.current = suite;
        try {
          await suite.factory();
        } catch (error) {
          out.push({ name: pathOf(suite).join(' > '), options: {}, error });
        } finally {
          if (state) state.current = root;
        }
      }
      for (const child of suite.children) if (child.kind === 'suite') await declareSuite(child as SuiteNode);
    };
    await declareSuite(root);
    const all: Node[] = [];
    const walk = (n: Node) => {
      all.push(n);
      if (n.kind === 'suite') for (const c of (n as SuiteNode).children) walk(c);
    };
    walk(root);
    const hasOnly = all.some((n) => n.only);
    const ran = new Set<SuiteNode>();
    // Vitest runs a suite's beforeAll hooks once, before its benchmarks; here, before they are collected.
    const enter = async (node: Node) => {
      const chain: SuiteNode[] = [];
      for (let p = node.parent; p; p = p.parent) chain.unshift(p);
      for (const suite of chain) {
        if (ran.has(suite)) continue;
        ran.add(suite);
        for (const h of suite.beforeAll) await h(suite);
      }
      return chain;
    };
    for (const node of all) {
      if (node.kind === 'suite' || !included(node, hasOnly)) continue;
      const name = pathOf(node).join(' > ');
      try {
        const chain = await enter(node);
        if (node.kind === 'bench') {
          const b = node as BenchNode;
          out.push({ name, fn: b.fn, options: b.options });
        } else if (api === 'bench-fixture') {
          await runTest(node as TestNode, chain, out);
        }
      } catch (error) {
        out.push({ name, options: {}, error });
      }
    }
  } finally {
    state = undefined;
  }
  return dedupe(out);
}

/** Vitest 5: calls the test with a `bench` fixture that records each registration it runs. */
async function runTest(node: TestNode, chain: SuiteNode[], out: CollectedBench[]): Promise<void> {
  const prefix = pathOf(node);
  const record = (reg: Registration, options: Record<string, unknown>) => {
    out.push({ name: [...prefix, reg.name].join(' > '), fn: reg.fn, fnOpts: reg.fnOpts, options });
  };
  const register = (name: unknown, a?: unknown, b?: unknown): Registration => {
    const { fn, options } = splitArgs(a, b);
    const reg: Registration = {
      [REGISTRATION]: true,
      name: formatName(name),
      fn,
      fnOpts: options,
      // `.run(options)` takes Bench options, as the last argument of `compare` does.
      run: async (options?: unknown) => {
        record(reg, options && typeof options === 'object' ? { ...options } : {});
        return inert();
      },
    };
    return reg;
  };
  const benchFixture = register as Fn & Record<string, unknown>;
  benchFixture.compare = async (...args: unknown[]) => {
    const last = args.at(-1);
    const shared = last && typeof last === 'object' && !(REGISTRATION in last) ? (args.pop() as object) : {};
    for (const reg of args as Registration[]) record(reg, { ...shared });
    return inert();
  };
  const variant = register as Fn & Record<string, unknown>;
  const perProject = Object.assign((...a: unknown[]) => variant(...a), {});
  const withBaseline = Object.assign((...a: unknown[]) => variant(...a), { perProject });
  Object.assign(perProject, { withBaseline });
  benchFixture.perProject = perProject;
  benchFixture.withBaseline = withBaseline;
  const controller = new AbortController();
  const context: Record<string, unknown> = {
    bench: benchFixture,
    task: { name: node.name, id: prefix.join(' > ') },
    signal: controller.signal,
    expect: inert(),
    skip: () => {
      throw new SkipTest();
    },
    onTestFinished: () => undefined,
    onTestFailed: () => undefined,
    annotate: async () => undefined,
  };
  await setupFixtures(node.fixtures, context);
  for (const suite of chain) for (const h of suite.beforeEach) await h(context, suite);
  try {
    await node.fn?.(context);
  } catch (error) {
    if (!(error instanceof SkipTest)) throw error;
  }
}

const REGISTRATION = Symbol('flamegate.vitest.registration');
interface Registration {
  [REGISTRATION]: true;
  name: string;
  fn?: Fn;
  fnOpts: Record<string, unknown>;
  run: (options?: unknown) => Promise<unknown>;
}

class SkipTest extends Error {}

/** Vitest allows two benchmarks of the same name; flamegate's identity needs them apart. */
function dedupe(benches: CollectedBench[]): CollectedBench[] {
  const seen = new Map<string, number>();
  return benches.map((b) => {
    const n = (seen.get(b.name) ?? 0) + 1;
    seen.set(b.name, n);
    return n === 1 ? b : { ...b, name: `${b.name} (${n})` };
  });
}
