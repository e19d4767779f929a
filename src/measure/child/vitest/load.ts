// Loads a bench file written for `vitest bench` inside the child runner. The config nearest the file
// (base and head each have their own) is read by the project's own vite, with its projects and bench
// settings (`settings.ts`, `projects.ts`). Files load through a Vite server in middleware mode with
// that config, so aliases, TS paths, `define` and plugins resolve as under `vitest bench`; or, with
// `experimental.viteModuleRunner: false`, by Node itself (`native.ts`). Setup files run first. Its
// `vitest` import is served by a stand-in that records describe/bench (Vitest 2/3/4) or calls each
// test with a recording `bench` fixture (Vitest 5). Each collected function becomes a task of the
// project's own tinybench (the one its vitest runs), so the runner drives it in slices like any task.
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { runInThisContext } from 'node:vm';
import { rememberModuleRunnerScript } from '../executed.js';
import { type ViteGraphs, viteModuleEdges } from '../module-graph.js';
import { rememberCompiledModule } from '../source-maps.js';
import { type ApiVersion, type CollectedBench, collect, VITEST_EXPORTS, vitestApi } from './collect.js';
import { importNatively, mapVitestImports, missingFlags } from './native.js';
import { CONFIG_NAMES, projectForFile, projectsOf } from './projects.js';
import { findPackage, type InstalledPackage, notInstalledMessage } from './resolve.js';
import type { BenchProject, UserConfigLike } from './settings.js';

/** The parts of a tinybench Bench and Task the runner drives (tinybench 2 for Vitest 3/4, 6 for Vitest 5). */
export interface VitestTask {
  name: string;
  reset(emit?: boolean): void;
  run(): Promise<unknown>;
}
export interface VitestBenchGroup {
  tasks: VitestTask[];
  run(): unknown;
  /** The tinybench Bench each task belongs to (one per benchmark, as vitest makes them). */
  ownerOf(task: unknown): { tasks: VitestTask[]; run(): unknown } | undefined;
}

const VITEST_IMPORT = /(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*|\bimport\s+)['"]vitest['"]/;

/**
 * A bench file is vitest's when it imports `vitest`, or when it calls vitest's globals (`bench`,
 * `describe`) without importing tinybench or exporting anything.
 */
export function isVitestBenchFile(file: string): boolean {
  let source: string;
  try {
    source = readFileSync(file, 'utf8');
  } catch {
    return false;
  }
  if (VITEST_IMPORT.test(source)) return true;
  return (
    !/tinybench/.test(source) &&
    !/\bexport\s+default\b/.test(source) &&
    /\b(bench|describe)\s*\(/.test(source)
  );
}

/** The project a bench file belongs to: the nearest folder with a vitest/vite config, else with a package.json. */
function projectOf(file: string): { root: string; configFile?: string } {
  let packageRoot: string | undefined;
  for (let dir = dirname(file); ; dir = dirname(dir)) {
    const config = CONFIG_NAMES.find((name) => existsSync(join(dir, name)));
    if (config) return { root: dir, configFile: join(dir, config) };
    if (!packageRoot && existsSync(join(dir, 'package.json'))) packageRoot = dir;
    if (existsSync(join(dir, '.git')) || dirname(dir) === dir) break;
  }
  return { root: packageRoot ?? dirname(file) };
}

const SUPPORTED: Record<number, ApiVersion> = {
  2: 'top-level-bench',
  3: 'top-level-bench',
  4: 'top-level-bench',
  5: 'bench-fixture',
};

interface ViteModule {
  version: string;
  createServer(config: Record<string, unknown>): Promise<ViteServer>;
  loadConfigFromFile(
    env: { command: 'serve'; mode: string },
    configFile: string,
    root: string,
    logLevel?: string,
  ): Promise<{ config: UserConfigLike } | null>;
  createServerModuleRunner?: (environment: unknown, options?: Record<string, unknown>) => ModuleRunner;
}

interface ViteServer {
  config: { define?: Record<string, unknown> };
  environments?: { ssr?: unknown };
  ssrLoadModule(url: string): Promise<Record<string, unknown>>;
}
interface ModuleRunner {
  import(url: string): Promise<Record<string, unknown>>;
}
interface TinybenchModule {
  Bench: new (
    options?: Record<string, unknown>,
  ) => {
    tasks: VitestTask[];
    run(): unknown;
    add(name: string, fn: unknown, fnOpts?: unknown): unknown;
  };
}

interface Project {
  root: string;
  configFile?: string;
  vitest: InstalledPackage;
  api: ApiVersion;
  /** Imports through the Vite server, started on first use (never for a project loaded natively). */
  importFile(file: string): Promise<unknown>;
  tinybench: TinybenchModule;
  /** The vitest projects the config declares (itself when it declares none). */
  benchProjects: BenchProject[];
  /** What Vite's module graph knows of the files loaded (affected selection); none before the server starts. */
  graphs(): ViteGraphs | undefined;
}

const VIRTUAL_ID = '\0flamegate:vitest';
const API_KEY = 'flamegate.vitest.api';
(globalThis as Record<symbol, unknown>)[Symbol.for(API_KEY)] = vitestApi;
const VIRTUAL_SOURCE = [
  `const api = globalThis[Symbol.for(${JSON.stringify(API_KEY)})];`,
  ...VITEST_EXPORTS.map((name) => `export const ${name} = api.${name};`),
  'export default api;',
].join('\n');

function collectorPlugin() {
  return {
    name: 'flamegate:vitest-stand-in',
    enforce: 'pre',
    // vitest's own `test.alias` applies on top of `resolve.alias`. `vitest` must not be left to Node
    // (Vite's SSR externalizes bare imports of installed packages before any plugin sees them).
    config(config: { test?: { alias?: unknown } }) {
      const alias = config.test?.alias;
      return { ssr: { noExternal: ['vitest'] }, ...(alias ? { resolve: { alias } } : {}) };
    },
    resolveId(id: string) {
      return id === 'vitest' ? VIRTUAL_ID : undefined;
    },
    load(id: string) {
      return id === VIRTUAL_ID ? VIRTUAL_SOURCE : undefined;
    },
  };
}

async function importEntry<T>(pkg: InstalledPackage): Promise<T> {
  return (await import(pathToFileURL(pkg.entry).href)) as T;
}

async function openProject(root: string, configFile: string | undefined, file: string): Promise<Project> {
  const vitest = findPackage(root, 'vitest');
  if (!vitest) throw new Error(notInstalledMessage(root, 'vitest', 'this file is written for vitest bench'));
  const major = Number.parseInt(vitest.version, 10);
  const api = SUPPORTED[major];
  if (!api) {
    throw new Error(
      `vitest ${vitest.version} is not supported: flamegate runs bench files of vitest 2.x, 3.x, 4.x and 5.x (found ${vitest.version} in ${vitest.dir})`,
    );
  }
  // vitest 3/4 depend on vite; vitest 5 takes it as a peer. Either way, the one vitest itself imports.
  const vitePkg = findPackage(vitest.dir, 'vite') ?? findPackage(root, 'vite');
  if (!vitePkg) throw new Error(`vite is not installed next to vitest ${vitest.version} (${vitest.dir})`);
  const tinybenchPkg = findPackage(vitest.dir, 'tinybench');
  if (!tinybenchPkg)
    throw new Error(`tinybench, which vitest ${vitest.version} runs benchmarks with, is not installed`);
  const vite = await importEntry<ViteModule>(vitePkg);
  const tinybench = await importEntry<TinybenchModule>(tinybenchPkg);
  const where = () =>
    configFile ? relative(dirname(file), configFile) || basename(configFile) : 'no config file';
  let benchProjects: BenchProject[];
  try {
    benchProjects = await projectsOf(configFile, root, async (config) => {
      const loaded = await vite.loadConfigFromFile(
        { command: 'serve', mode: 'benchmark' },
        config,
        dirname(config),
        'silent',
      );
      return loaded?.config ?? {};
    });
  } catch (error) {
    throw new Error(`vite ${vite.version} could not read ${where()}: ${(error as Error).message}`);
  }
  let importer: Promise<ViteImporter> | undefined;
  let graphs: ViteGraphs | undefined;
  const importFile = (f: string) => {
    importer ??= startServer(vite, root, configFile).then(
      (started) => {
        graphs = started.graphs;
        return started;
      },
      (error) => {
        throw new Error(`vite ${vite.version} could not start with ${where()}: ${(error as Error).message}`);
      },
    );
    return importer.then(({ load }) => load(f));
  };
  return { root, configFile, vitest, api, tinybench, importFile, benchProjects, graphs: () => graphs };
}

interface ViteImporter {
  load(file: string): Promise<unknown>;
  graphs: ViteGraphs;
}

/** A Vite server in middleware mode with the project's config, and how to import a file through it. */
async function startServer(
  vite: ViteModule,
  root: string,
  configFile: string | undefined,
): Promise<ViteImporter> {
  const server = await vite.createServer({
    root,
    configFile: configFile ?? false,
    mode: 'benchmark',
    logLevel: 'error',
    clearScreen: false,
    appType: 'custom',
    server: { middlewareMode: true, hmr: false, ws: false, watch: null, preTransformRequests: false },
    optimizeDeps: { noDiscovery: true, include: [] },
    plugins: [collectorPlugin()],
  });
  defineGlobals(server.config.define);
  const runner =
    vite.createServerModuleRunner && server.environments?.ssr
      ? vite.createServerModuleRunner(server.environments.ssr, {
          hmr: false,
          evaluator: namedScriptEvaluator,
          // Error locations in the original source. Vite's default for Node ('node') relies on Node's
          // own source maps, which do not cover scripts compiled by the evaluator below.
          sourcemapInterceptor: 'prepareStackTrace',
        })
      : undefined;
  const graphs = { runner, server } as ViteGraphs;
  if (runner) return { load: (f) => runner.import(f), graphs };
  // Vite 5 (Vitest 2) has no module runner: its SSR loader, which names each module's code after its file.
  return { load: (f) => server.ssrLoadModule(f), graphs };
}

/** Vitest puts `define` keys that are plain identifiers on globalThis as well; so does this. */
function defineGlobals(define: Record<string, unknown> | undefined): void {
  for (const [key, value] of Object.entries(define ?? {})) {
    if (!/^[A-Za-z_$][\w$]*$/.test(key) || key in globalThis) continue;
    try {
      (globalThis as Record<string, unknown>)[key] = typeof value === 'string' ? JSON.parse(value) : value;
    } catch {
      (globalThis as Record<string, unknown>)[key] = value;
    }
  }
}

/**
 * Vite's default evaluator compiles each module with `new AsyncFunction(code)`, whose functions the
 * profiler reports with no file (so they cannot be told from Node's own). Compiling the same wrapper
 * as a script named after the module's file, as vitest does, keeps every sample's file.
 */
const namedScriptEvaluator = {
  startOffset: 0,
  async runInlinedModule(
    context: Record<string, unknown>,
    code: string,
    module?: { file?: string | null; id?: string },
  ): Promise<void> {
    const keys = Object.keys(context);
    const head = `'use strict';async (${keys.join(',')})=>{`;
    const wrapper = `${head}${code}\n}`;
    const filename = module?.file ?? module?.id ?? 'vitest-bench-module';
    // Vite appends the module's source map to its code: profiles give this file's frames the
    // source's lines through it (source-maps.ts).
    rememberCompiledModule(filename, code, head.length);
    rememberModuleRunnerScript(filename, head.length, code, wrapper.length);
    const run = runInThisContext(wrapper, { filename }) as (...args: unknown[]) => Promise<void>;
    await run(...keys.map((k) => context[k]));
  },
  runExternalModule(file: string): Promise<unknown> {
    return import(file);
  },
};

const projects = new Map<string, Promise<Project>>();

function describeImportError(error: unknown, project: Project, bench: BenchProject): Error {
  const err = error instanceof Error ? error : new Error(String(error));
  const config = project.configFile ? basename(project.configFile) : 'no vite/vitest config';
  const how = bench.native
    ? "natively with Node's import (experimental.viteModuleRunner: false)"
    : 'through vite';
  err.message = `cannot import it ${how} (vitest ${project.vitest.version}, ${config}): ${err.message}`;
  return err;
}

/** Projects whose settings the runner has not yet passed on to the parent (see `takeOpenedProjects`). */
const unreported: BenchProject[] = [];
const seen = new Set<BenchProject>();

/**
 * The vitest projects opened since the last call: their `execArgv`, which the parent starts later
 * processes with, and the settings flamegate does not honour, which the report names.
 */
export function takeOpenedProjects(): { execArgv: string[]; notes: string[] }[] {
  return unreported.splice(0).map((p) => ({ execArgv: p.execArgv, notes: p.notes }));
}

// vitest's globals (`test.globals: true`): present only while the file is collected.
function withGlobals<T>(run: () => Promise<T>): Promise<T> {
  const g = globalThis as Record<string, unknown>;
  const names = [
    'bench',
    'describe',
    'suite',
    'test',
    'it',
    'beforeAll',
    'afterAll',
    'beforeEach',
    'afterEach',
  ];
  const saved = names.map((n) => [n, Object.getOwnPropertyDescriptor(g, n)] as const);
  for (const n of names) if (!(n in g)) g[n] = vitestApi[n];
  return run().finally(() => {
    for (const [n, d] of saved) {
      if (d) Object.defineProperty(g, n, d);
      else delete g[n];
    }
  });
}

/** Imports a vitest bench file and returns its benchmarks as tinybench tasks, one Bench each. */
export async function loadVitestBench(file: string): Promise<VitestBenchGroup> {
  const { root, configFile } = projectOf(file);
  let opening = projects.get(root);
  if (!opening) {
    opening = openProject(root, configFile, file);
    projects.set(root, opening);
  }
  const project = await opening;
  const bench = projectForFile(project.benchProjects, file, configFile);
  if (!seen.has(bench)) {
    seen.add(bench);
    unreported.push(bench);
  }
  const missing = missingFlags(bench.execArgv);
  if (missing.length > 0)
    throw new Error(
      `the vitest config runs this file with execArgv ${JSON.stringify(bench.execArgv)}, which this process was not started with (missing ${missing.join(' ')})`,
    );
  if (bench.native) {
    mapVitestImports(VIRTUAL_SOURCE);
    defineGlobals(bench.define);
  }
  const load = (f: string, asSetup: boolean) =>
    bench.native
      ? importNatively(f, asSetup)
      : project.importFile(asSetup ? `${f}?flamegate-setup=${++setupRuns}` : f);
  // Globals stay in place until describe callbacks, which run after the import, have run too. Setup
  // files run first, inside the collection, so the hooks they declare apply to this file as under vitest.
  const collected = await withGlobals(() =>
    collect(project.api, project.vitest.version, async () => {
      try {
        for (const setup of bench.setupFiles) await load(setup, true);
        await load(file, false);
      } catch (error) {
        throw describeImportError(error, project, bench);
      }
    }),
  );
  const owners = new Map<VitestTask, { tasks: VitestTask[]; run(): unknown }>();
  const tasks = collected.map((c) => toTask(project, c, owners));
  return { tasks, run: () => undefined, ownerOf: (task) => owners.get(task as VitestTask) };
}

let setupRuns = 0;

/**
 * The import edges (file → file) Vite's module graph holds for the project of `file`: none when Vite
 * did not load it (Node's own resolutions cover a native load), undefined when the graph is unreadable.
 */
export async function loadedModuleEdges(file: string): Promise<[string, string][] | undefined> {
  const project = await projects.get(projectOf(file).root)?.catch(() => undefined);
  const graphs = project?.graphs();
  return graphs ? viteModuleEdges(graphs) : [];
}

function toTask(
  project: Project,
  c: CollectedBench,
  owners: Map<VitestTask, { tasks: VitestTask[]; run(): unknown }>,
): VitestTask {
  if (c.error !== undefined || !c.fn) {
    const error = c.error ?? new Error(`"${c.name}" has no function to run`);
    // Declaring this benchmark failed: it is listed, and fails when measured, naming the cause.
    return { name: c.name, reset: () => undefined, run: () => Promise.reject(error) };
  }
  // Vitest's own Bench options per benchmark; its warm-up and duration give way to flamegate's slices.
  const bench = new project.tinybench.Bench({ ...c.options, warmup: false });
  bench.add(c.name, c.fn, c.fnOpts);
  const task = bench.tasks[bench.tasks.length - 1] as VitestTask;
  owners.set(task, bench);
  return task;
}
