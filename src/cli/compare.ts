// `flamegate compare`: parses arguments into Settings, runs the pipeline, writes the outputs and
// prints the terminal summary. Loaded only when the command runs, so `diff` and `--version` start fast.
import { resolve } from 'node:path';
import { finishRemoval, runPipeline } from '../pipeline.js';
import { interruptOnSignals } from '../processes.js';
import { writeRun } from '../report/write-run.js';
import { type Settings, splitList, UsageError } from '../settings.js';
import { readCostsFile } from '../shard/record.js';
import { parseShard } from '../shard/select.js';
import { COMPARE_OPTIONS, COMPARE_USAGE } from './compare-options.js';
import { exitWith, printRun } from './finish.js';
import { type OptionValues, parseOptions } from './options.js';
import { createProgress } from './progress.js';

export async function compareCommand(args: string[]): Promise<number> {
  let values: OptionValues;
  try {
    ({ values } = parseOptions(args, COMPARE_OPTIONS, false));
  } catch (error) {
    throw new UsageError(`${(error as Error).message} (see flamegate compare --help)`);
  }
  if (values.help) {
    process.stdout.write(`${COMPARE_USAGE}\n`);
    return 0;
  }
  if (!values.base) throw new UsageError('--base <rev> is required (for example --base main)');
  const controller = new AbortController();
  const interruption = interruptOnSignals(controller, (signal) =>
    process.stderr.write(
      `\nflamegate: interrupted (${signal}), stopping its processes and removing the checkouts…\n`,
    ),
  );
  const quiet = values.quiet === true;
  const progress = quiet ? undefined : createProgress(process.stderr);
  const settings = settingsFromOptions(values, controller.signal, progress);
  try {
    const result = await runPipeline(settings).catch((error: unknown) => {
      if (controller.signal.aborted) throw new UsageError('interrupted; the checkouts were removed');
      throw error;
    });
    progress?.line('writing the flame graphs, the comment and the summary');
    const written = await writeRun(result, {
      copies: { json: values.json as string | undefined, markdown: values.markdown as string | undefined },
    });
    printRun(
      result.report,
      `Profiles, flame graphs and report: ${result.outDir}`,
      values['no-color'] === true,
    );
    await finishRemoval(result, progress && ((line) => progress.line(line)));
    return exitWith(written.exit);
  } finally {
    progress?.stop();
    interruption.remove();
    if (interruption.exitCode !== undefined) process.exitCode = interruption.exitCode;
  }
}

/** The Settings of `compare`'s options; `track` takes the same (its base is the anchor, found later). */
export function settingsFromOptions(
  values: OptionValues,
  signal: AbortSignal,
  progress: ReturnType<typeof createProgress> | undefined,
): Settings {
  return {
    cwd: resolve(String(values.cwd ?? '.')),
    base: String(values.base),
    head: String(values.head),
    configPath: values.config as string | undefined,
    outDir: values.out as string | undefined,
    node: values.node as string | undefined,
    keepWorktrees: values['keep-worktrees'] === true,
    productionProfile: values['production-profile'] as string | undefined,
    shard: values.shard !== undefined ? parseShard(String(values.shard)) : undefined,
    costs: values.costs ? readCostsFile(String(values.costs), '--costs') : undefined,
    packages: values.packages ? splitList(String(values.packages)) : undefined,
    signal,
    inputOverrides: {
      benchmarks: benchmarksFlag(values.benchmarks),
      install: commandFlag('--install', values.install),
      build: commandFlag('--build', values.build),
      budget: {
        ...(values.processes ? { processes: positiveInt('--processes', values.processes) } : {}),
        ...(values.time ? { timePerProcessMs: positiveInt('--time', values.time) } : {}),
        ...(values['max-processes']
          ? { maxProcesses: positiveInt('--max-processes', values['max-processes']) }
          : {}),
        ...(values['max-minutes']
          ? { maxMinutes: positiveNumber('--max-minutes', values['max-minutes']) }
          : {}),
        ...(values.parallel ? { parallel: positiveInt('--parallel', values.parallel) } : {}),
      },
    },
    onProgress: progress && ((line) => progress.line(line)),
    onStatus: progress && ((status) => progress.update(status)),
    onDeadline: progress && ((at) => progress.deadline(at)),
  };
}

/**
 * `--benchmarks`: globs, like the config's list. The flag repeats, and each value may hold several,
 * comma separated (as `--packages`); absent or empty: the config's.
 */
function benchmarksFlag(value: unknown): string[] | undefined {
  if (value === undefined) return undefined;
  const globs = (value as string[]).flatMap(splitList);
  return globs.length > 0 ? globs : undefined;
}

/** A shell command given as a flag; the config's schema refuses an empty one, and so does this. */
function commandFlag(flag: string, value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (String(value).trim() === '') throw new UsageError(`${flag} needs a command, got an empty string`);
  return String(value);
}

function positiveInt(flag: string, value: unknown): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0)
    throw new UsageError(`${flag} must be a positive whole number, got "${value}"`);
  return n;
}

function positiveNumber(flag: string, value: unknown): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0)
    throw new UsageError(`${flag} must be a positive number, got "${value}"`);
  return n;
}
