// What a repository's vitest config asks of `vitest bench`, read the way vitest reads it, with no I/O:
// which files are a project's bench files (`benchmark.include`/`exclude`, `dir`), how they load
// (`experimental.viteModuleRunner: false` is Node's own `import`), the Node flags of the processes that
// run them (`execArgv`, `poolOptions.<pool>.execArgv`), the setup files run before each file, and every
// setting flamegate does not honour, named so that it is never silently dropped.
import { isAbsolute, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import picomatch from 'picomatch';

/** The part of a vite/vitest config this module reads (the object a config file exports). */
export interface UserConfigLike {
  root?: unknown;
  define?: unknown;
  test?: Record<string, unknown>;
  /** `test.projects` entries: whether to take the root config's settings first (`true`) or a file's. */
  extends?: unknown;
}

/** One vitest project as flamegate runs its bench files. */
export interface BenchProject {
  /** `test.name`, else the project's folder relative to the config's folder (`.` for the root). */
  name: string;
  /** Absolute folder vitest runs the project from (`test.root`, else the config's folder). */
  root: string;
  /** Folder the include/exclude globs are matched from (`test.dir`, else `root`). */
  dir: string;
  include: string[];
  exclude: string[];
  /** Whether the config sets `benchmark.include` or `exclude` (else vitest's defaults apply). */
  globsSet: boolean;
  /** `experimental.viteModuleRunner: false`: loaded with Node's own `import`, no Vite in between. */
  native: boolean;
  /** Node flags for the processes that run this project's files; paths made absolute. */
  execArgv: string[];
  /** Absolute paths, run before each bench file as vitest does. */
  setupFiles: string[];
  /** `define`: globals vitest puts on globalThis (values as written, JSON text or values). */
  define: Record<string, unknown>;
  /** Settings of this project flamegate does not honour, one sentence each. */
  notes: string[];
}

// vitest's own defaults (benchmarkConfigDefaults in vitest 2 to 4).
export const DEFAULT_BENCH_INCLUDE = ['**/*.{bench,benchmark}.?(c|m)[jt]s?(x)'];
export const DEFAULT_BENCH_EXCLUDE = ['**/node_modules/**', '**/.git/**'];

const isRecord = (value: unknown): value is Record<string, unknown> =>
  !!value && typeof value === 'object' && !Array.isArray(value);

const strings = (value: unknown): string[] | undefined => {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  return undefined;
};

// Flags whose value is a module path: vitest's workers start in the folder vitest runs from, so a
// relative one is relative to the project's root there; flamegate's processes start elsewhere.
const MODULE_FLAGS = new Set(['--import', '--require', '-r', '--loader', '--experimental-loader']);

function absoluteModule(flag: string, value: string, root: string): string {
  if (!value.startsWith('./') && !value.startsWith('../')) return value;
  const path = resolve(root, value);
  // `--require` takes a path; the ESM flags take a URL or specifier.
  return flag === '--require' || flag === '-r' ? path : pathToFileURL(path).href;
}

/** `execArgv` with the module paths of `--import`/`--require`/`--loader` made absolute from `root`. */
export function absoluteExecArgv(execArgv: string[], root: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < execArgv.length; i++) {
    const arg = execArgv[i] as string;
    const eq = arg.indexOf('=');
    const flag = eq > 0 ? arg.slice(0, eq) : arg;
    if (!MODULE_FLAGS.has(flag)) {
      out.push(arg);
    } else if (eq > 0) {
      out.push(`${flag}=${absoluteModule(flag, arg.slice(eq + 1), root)}`);
    } else if (i + 1 < execArgv.length) {
      out.push(arg, absoluteModule(flag, execArgv[i + 1] as string, root));
      i++;
    } else {
      out.push(arg);
    }
  }
  return out;
}

/**
 * Merges a project's `test` over the root config's (`extends: true` in `test.projects`): objects key
 * by key, anything else replaced, as vite's mergeConfig does for these settings.
 */
export function mergeTest(
  base: Record<string, unknown>,
  over: Record<string, unknown>,
): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(over)) {
    const before = out[key];
    out[key] = isRecord(before) && isRecord(value) ? mergeTest(before, value) : value;
  }
  return out;
}

/**
 * The project a config describes. `configDir` is the folder of its config file (or of the config that
 * declares it inline); paths in the config are relative to it, as vitest reads them.
 */
export function benchProject(config: UserConfigLike, configDir: string, fallbackName = '.'): BenchProject {
  const test = isRecord(config.test) ? config.test : {};
  const rootSetting =
    typeof test.root === 'string' ? test.root : typeof config.root === 'string' ? config.root : undefined;
  const root = rootSetting ? resolve(configDir, rootSetting) : configDir;
  const dir = typeof test.dir === 'string' ? resolve(root, test.dir) : root;
  const benchmark = isRecord(test.benchmark) ? test.benchmark : {};
  const experimental = isRecord(test.experimental) ? test.experimental : {};
  const pool = typeof test.pool === 'string' ? test.pool : 'forks';
  const poolOptions = isRecord(test.poolOptions) ? test.poolOptions : {};
  const poolSettings = isRecord(poolOptions[pool]) ? (poolOptions[pool] as Record<string, unknown>) : {};
  // Vitest 4 has `test.execArgv`; Vitest 2 and 3 have it per pool. A config may carry both.
  const execArgv = absoluteExecArgv(
    [...(strings(test.execArgv) ?? []), ...(strings(poolSettings.execArgv) ?? [])],
    root,
  );
  const name =
    typeof test.name === 'string'
      ? test.name
      : isRecord(test.name) && typeof test.name.label === 'string'
        ? test.name.label
        : relative(configDir, root) || fallbackName;
  return {
    name,
    root,
    dir,
    include: strings(benchmark.include) ?? DEFAULT_BENCH_INCLUDE,
    exclude: strings(benchmark.exclude) ?? DEFAULT_BENCH_EXCLUDE,
    globsSet: benchmark.include !== undefined || benchmark.exclude !== undefined,
    native: experimental.viteModuleRunner === false,
    execArgv,
    setupFiles: (strings(test.setupFiles) ?? []).map((f) => (isAbsolute(f) ? f : resolve(root, f))),
    define: isRecord(config.define) ? config.define : {},
    notes: notHonoured(test, pool, name),
  };
}

/** Settings of `test` that change how or where `vitest bench` runs a file, which flamegate does not do. */
function notHonoured(test: Record<string, unknown>, pool: string, name: string): string[] {
  const notes: string[] = [];
  const say = (text: string) => notes.push(`vitest project "${name}": ${text}`);
  if (pool === 'vmThreads' || pool === 'vmForks')
    say(
      `pool "${pool}" (a VM context per file) is not honoured: flamegate runs bench files in the process's own context`,
    );
  else if (pool !== 'forks' && pool !== 'threads')
    say(`pool "${pool}" is not honoured: flamegate runs bench files in its own processes`);
  const browser = test.browser;
  if (isRecord(browser) && browser.enabled === true)
    say('browser mode is not honoured: flamegate runs the bench files in Node');
  if (typeof test.environment === 'string' && test.environment !== 'node')
    say(
      `environment "${test.environment}" is not honoured: flamegate runs the bench files in plain Node, with no such globals`,
    );
  if (test.runner !== undefined)
    say('the custom runner is not used: flamegate collects describe/bench with its own stand-in for vitest');
  const globalSetup = strings(test.globalSetup);
  if (globalSetup && globalSetup.length > 0) say(`globalSetup (${globalSetup.join(', ')}) is not run`);
  if (isRecord(test.env) && Object.keys(test.env).length > 0)
    say(`env (${Object.keys(test.env).slice(0, 5).join(', ')}) is not set for the bench files`);
  const typecheck = test.typecheck;
  if (isRecord(typecheck) && typecheck.enabled === true) say('typecheck is not run');
  return notes;
}

/** Whether `file` (absolute) is one of the project's bench files, as vitest's globbing would find it. */
export function isBenchFileOf(project: BenchProject, file: string): boolean {
  const rel = relative(project.dir, file).split('\\').join('/');
  if (rel.startsWith('../') || isAbsolute(rel)) return false;
  return picomatch(project.include, { dot: true })(rel) && !picomatch(project.exclude, { dot: true })(rel);
}

/** An entry of `test.projects` (Vitest 3.2+) or of a workspace file (Vitest 2/3). */
export type ProjectEntry =
  | { kind: 'path'; path: string }
  | { kind: 'glob'; pattern: string }
  | { kind: 'inline'; config: UserConfigLike };

/** The project entries a config declares (`test.projects`, or the older `test.workspace` array). */
export function projectEntries(entries: unknown): ProjectEntry[] {
  if (!Array.isArray(entries)) return [];
  const out: ProjectEntry[] = [];
  for (const entry of entries) {
    if (typeof entry === 'string') {
      const negated = entry.startsWith('!');
      if (negated) continue;
      out.push(
        picomatch.scan(entry).isGlob ? { kind: 'glob', pattern: entry } : { kind: 'path', path: entry },
      );
    } else if (isRecord(entry)) {
      out.push({ kind: 'inline', config: entry as UserConfigLike });
    }
  }
  return out;
}

/** An inline project: its own `test` over the root's when it `extends: true`, as vitest merges them. */
export function inlineProject(
  root: UserConfigLike,
  entry: UserConfigLike,
  configDir: string,
  index: number,
): BenchProject {
  const own = isRecord(entry.test) ? entry.test : {};
  const inherited = isRecord(root.test) ? root.test : {};
  const { projects: _p, workspace: _w, ...shared } = inherited;
  const test = entry.extends === true ? mergeTest(shared, own) : own;
  const define =
    entry.extends === true
      ? { ...(isRecord(root.define) ? root.define : {}), ...(isRecord(entry.define) ? entry.define : {}) }
      : entry.define;
  return benchProject({ ...entry, define, test }, configDir, `#${index + 1}`);
}
