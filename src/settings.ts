// The one settings object both entry points (CLI and Action) build from their inputs and hand to the
// pipeline. Nothing here reads the environment: entry points do that.
import { basename, isAbsolute, posix, relative, sep } from 'node:path';
import type { Config, MeasureStatus, ShardSpec } from './model.js';

export interface Settings {
  /** Directory inside the git repository where benchmarks live (the working directory). */
  cwd: string;
  /** Base revision (any git rev). */
  base: string;
  /** Head revision; `HEAD` by default. */
  head: string;
  /** A config file on disk (local use); it overrides the config committed in the base revision. */
  configPath?: string;
  /**
   * Path of the config inside the repository, read from the BASE revision so that a pull request
   * cannot loosen its own gate. Default `.github/flamegate.yml`.
   */
  configInRepo?: string;
  /**
   * Values from CLI flags or Action inputs that win over the config file (not to be confused with the
   * config's per-benchmark `overrides`).
   */
  inputOverrides?: InputOverrides;
  /** Directory for raw profiles and reports; a temp dir when absent. */
  outDir?: string;
  /** `node` binary for benchmark processes: the user's runtime, from PATH by default. */
  node?: string;
  /** Progress lines while measuring. */
  onProgress?: (line: string) => void;
  /** Progress of the measure stage after every process round (the progress bar or its log lines). */
  onStatus?: (status: MeasureStatus) => void;
  /** Told, once the config is read, the epoch ms at which `budget.maxMinutes` runs out. */
  onDeadline?: (deadline: number) => void;
  /** Aborts the run (Ctrl-C): the checkouts are still removed. */
  signal?: AbortSignal;
  /** Keep the checkouts after the run (debugging). */
  keepWorktrees?: boolean;
  /** Measure only this shard's share of the benchmarks (`--shard i/N`). */
  shard?: ShardSpec;
  /** Measured cost per benchmark key from a previous report (`--costs`), to balance shards. */
  costs?: Record<string, number>;
  /** Monorepos: package directories (paths or globs) relative to `cwd`, measured in one run. */
  packages?: string[];
  /** A production profile for production weighting; overrides the config's `production-profile`. */
  productionProfile?: string;
  /**
   * `select` when the config sets none: the Action's `all` for an event with no pull request (a push),
   * `affected` otherwise (the CLI compares two revisions as a pull request would).
   */
  defaultSelect?: 'affected' | 'all';
  /**
   * Track mode (`flamegate track`): base is the anchor (a release), head the pushed commit. The config
   * is read from head, a commit already on the default branch (the anchor may predate the config),
   * and `thresholds.drift` is the benchmark threshold.
   */
  track?: boolean;
  /**
   * Where a pull request's run reads creep from (the history branch, before any of its code runs);
   * `fetch`: fetch the branch from origin first (the Action), else read what the clone has.
   */
  history?: { branch?: string; fetch: boolean };
}

/** Config values a CLI flag or an Action input sets; each one present replaces the config file's. */
export type InputOverrides = Partial<Pick<Config, 'benchmarks' | 'install' | 'build'>> & {
  budget?: Partial<Config['budget']>;
};

/** An error the user caused (config, usage, git revision, install): exit code 2, message names the fix. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/**
 * A list given as one string (a CLI flag, an Action input): comma or newline separated, blanks
 * dropped. A comma inside braces belongs to a glob (`bench/{a,b}.bench.js`), not to the list.
 */
export function splitList(value: string): string[] {
  const items: string[] = [];
  let depth = 0;
  let item = '';
  for (const char of value) {
    if (char === '{') depth++;
    else if (char === '}') depth = Math.max(0, depth - 1);
    if (char === '\n' || (char === ',' && depth === 0)) {
      items.push(item);
      item = '';
    } else item += char;
  }
  items.push(item);
  return items.map((s) => s.trim()).filter(Boolean);
}

/**
 * The `flamegate compare` options, beyond `--base` and `--head`, that repeat this run from the
 * repository's root (`prefix`: the working directory below it): the config it read, the flags and
 * inputs that replaced config values, the packages and the shard. Not the machine's own paths (the
 * node binary, the output folder): those are the reader's. Each argument is one element, unquoted.
 */
export function reproduceArgs(settings: Settings, prefix: string): string[] {
  const args: string[] = [];
  if (prefix) args.push('--cwd', prefix);
  const config = configArg(settings, prefix);
  if (config) args.push('--config', config);
  const o = settings.inputOverrides ?? {};
  for (const glob of o.benchmarks ?? []) args.push('--benchmarks', glob);
  if (o.install !== undefined) args.push('--install', o.install);
  if (o.build !== undefined) args.push('--build', o.build);
  const b = o.budget ?? {};
  const flags: [string, number | undefined][] = [
    ['--processes', b.processes],
    ['--max-processes', b.maxProcesses],
    ['--max-minutes', b.maxMinutes],
    ['--parallel', b.parallel],
    ['--time', b.timePerProcessMs],
  ];
  for (const [flag, value] of flags) if (value !== undefined) args.push(flag, String(value));
  if (settings.packages?.length) args.push('--packages', settings.packages.join(','));
  if (settings.productionProfile) args.push('--production-profile', settings.productionProfile);
  if (settings.shard) args.push('--shard', `${settings.shard.index}/${settings.shard.count}`);
  return args;
}

/**
 * The config as `--config` finds it from the working directory: a file given on disk as given (an
 * absolute one as its path from there, or its bare name when it is outside the repository: a
 * scratch folder is no one else's), a path in the repository (the Action's `config`) from there.
 */
function configArg(settings: Settings, prefix: string): string | undefined {
  const path = settings.configPath;
  if (path) {
    if (!isAbsolute(path)) return path;
    const inside = relative(settings.cwd, path);
    return inside.startsWith('..') || isAbsolute(inside) ? basename(path) : inside.split(sep).join('/');
  }
  const inRepo = settings.configInRepo;
  // The default (config/load.ts's DEFAULT_CONFIG_PATH) is what the CLI reads anyway.
  if (!inRepo || inRepo === '.github/flamegate.yml') return undefined;
  return posix.relative(prefix || '.', inRepo);
}
