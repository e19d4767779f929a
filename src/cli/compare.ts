// `flamegate compare`: parses arguments into Settings, runs the pipeline, writes the outputs and
// prints the terminal summary. Loaded only when the command runs, so `diff` and `--version` start fast.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { finishRemoval, type PipelineResult, runPipeline } from '../pipeline.js';
import { interruptOnSignals } from '../processes.js';
import { exitCodeOf } from '../report/infrastructure.js';
import { buildReportOutputs } from '../report/outputs.js';
import { renderTerminal } from '../report/terminal.js';
import { type Settings, UsageError } from '../settings.js';
import { readCostsFile } from '../shard/record.js';
import { parseShard, splitList } from '../shard/select.js';
import { createProgress } from './progress.js';

export async function compareCommand(args: string[]): Promise<number> {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args,
      strict: true,
      allowPositionals: false,
      options: {
        base: { type: 'string' },
        head: { type: 'string', default: 'HEAD' },
        config: { type: 'string' },
        cwd: { type: 'string' },
        out: { type: 'string' },
        json: { type: 'string' },
        markdown: { type: 'string' },
        benchmarks: { type: 'string' },
        install: { type: 'string' },
        build: { type: 'string' },
        processes: { type: 'string' },
        'max-processes': { type: 'string' },
        'max-minutes': { type: 'string' },
        time: { type: 'string' },
        node: { type: 'string' },
        'keep-worktrees': { type: 'boolean' },
        'production-profile': { type: 'string' },
        shard: { type: 'string' },
        costs: { type: 'string' },
        packages: { type: 'string' },
        quiet: { type: 'boolean' },
        'no-color': { type: 'boolean' },
      },
    }));
  } catch (error) {
    throw new UsageError(`${(error as Error).message} (see flamegate --help)`);
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
  const color = values['no-color'] !== true && process.stdout.isTTY === true && !process.env.NO_COLOR;
  const settings: Settings = {
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
    signal: controller.signal,
    inputOverrides: {
      benchmarks: values.benchmarks ? [String(values.benchmarks)] : undefined,
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
      },
    },
    onProgress: progress && ((line) => progress.line(line)),
    onStatus: progress && ((status) => progress.update(status)),
    onDeadline: progress && ((at) => progress.deadline(at)),
  };
  try {
    const result = await runPipeline(settings).catch((error: unknown) => {
      if (controller.signal.aborted) throw new UsageError('interrupted; the checkouts were removed');
      throw error;
    });
    progress?.line('writing the flame graphs, the comment and the summary');
    const outputs = writeOutputs(result);
    if (values.json) writeFileSync(String(values.json), `${JSON.stringify(result.report, null, 2)}\n`);
    if (values.markdown) writeFileSync(String(values.markdown), outputs.markdown);
    process.stdout.write(`${renderTerminal(result.report, { color })}\n`);
    process.stdout.write(`Profiles, flame graphs and report: ${result.outDir}\n`);
    await finishRemoval(result, progress && ((line) => progress.line(line)));
    // flamegate's or the machine's fault, or a run that measured nothing, is no verdict on the pull
    // request: exit 2, named as such.
    return exitCodeOf(result.report, (line) => process.stderr.write(line));
  } finally {
    progress?.stop();
    interruption.remove();
    if (interruption.exitCode !== undefined) process.exitCode = interruption.exitCode;
  }
}

/** Writes the flame graphs, HTML viewers and the comment Markdown (comment.md) into the run's folder. */
export function writeOutputs(result: PipelineResult): ReturnType<typeof buildReportOutputs> {
  const outputs = buildReportOutputs(result);
  for (const file of outputs.files) {
    const path = join(result.outDir, file.path);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, file.content);
  }
  writeFileSync(join(result.outDir, 'comment.md'), outputs.markdown);
  return outputs;
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
