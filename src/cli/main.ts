#!/usr/bin/env node
// The `flamegate` command. It parses arguments into Settings and calls the pipeline; it owns the
// terminal (progress, summary) and the exit code: 0 pass, 1 fail, 2 usage/config/git/install error.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { runPipeline } from '../pipeline.js';
import { infrastructureFailure } from '../report/infrastructure.js';
import { buildReportOutputs } from '../report/outputs.js';
import { renderTerminal } from '../report/terminal.js';
import { type Settings, UsageError } from '../settings.js';
import { CommandError } from '../workspace/exec.js';
import { DIFF_USAGE, runDiff } from './diff.js';
import { createProgress } from './progress.js';

const VERSION = '0.1.0';

const HELP = `flamegate ${VERSION}: a performance gate for pull requests

Usage:
  flamegate compare --base <rev> [--head <rev>] [options]
  flamegate diff <base.pb.gz> <head.pb.gz> [--svg FILE] [--html FILE] [--text]

compare: measures the repo's tinybench benchmarks on two revisions (git worktrees, installed and
built), profiles them, and compares time per op and each function's self time per op.
  --base <rev>        base revision (required): branch, tag or SHA
  --head <rev>        head revision (default HEAD)
  --config <file>     config file on disk (default: .github/flamegate.yml as committed in base)
  --cwd <dir>         directory of the package to benchmark (default: current directory)
  --out <dir>         where raw profiles (pprof), flame graphs and report.json go
  --json <file>       write the JSON report
  --markdown <file>   write the PR comment (Markdown)
  --benchmarks <glob> override the config's benchmark glob
  --processes <n>     minimum timing processes per benchmark (default from config: 4)
  --max-processes <n> most timing processes per benchmark (default from config: 16)
  --max-minutes <m>   wall-clock budget of the run; sampling stops early to meet it (default 3)
  --time <ms>         measured time per side per benchmark per process
  --node <path>       node binary for benchmarks (default: node on PATH)
  --keep-worktrees    do not remove the worktrees (debugging)
  --quiet             no progress lines
  --no-color          plain output

Exit codes: 0 nothing exceeded a threshold, 1 a threshold was exceeded or a benchmark broke on head,
2 usage, config, git or install error, or an infrastructure error (a fault of flamegate or the machine).

diff: the flame-graph delta of any two pprof files (Node, Go, Rust…).`;

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const out = (s: string) => process.stdout.write(s);
  const err = (s: string) => process.stderr.write(s);
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    out(`${HELP}\n\n${DIFF_USAGE}\n`);
    return command ? 0 : 2;
  }
  if (command === '--version' || command === '-v') {
    out(`${VERSION}\n`);
    return 0;
  }
  if (command === 'diff') return runDiff(rest, { stdout: out, stderr: err });
  if (command !== 'compare') {
    err(`flamegate: unknown command "${command}" (expected compare or diff; see flamegate --help)\n`);
    return 2;
  }
  try {
    return await compareCommand(rest);
  } catch (error) {
    if (error instanceof UsageError || error instanceof CommandError) {
      err(`flamegate: ${error.message}\n`);
      return 2;
    }
    err(`flamegate: unexpected error: ${(error as Error).stack ?? error}\n`);
    return 2;
  }
}

async function compareCommand(args: string[]): Promise<number> {
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
        processes: { type: 'string' },
        'max-processes': { type: 'string' },
        'max-minutes': { type: 'string' },
        time: { type: 'string' },
        node: { type: 'string' },
        'keep-worktrees': { type: 'boolean' },
        quiet: { type: 'boolean' },
        'no-color': { type: 'boolean' },
      },
    }));
  } catch (error) {
    throw new UsageError(`${(error as Error).message} (see flamegate --help)`);
  }
  if (!values.base) throw new UsageError('--base <rev> is required (for example --base main)');
  const controller = new AbortController();
  const onSignal = () => {
    process.stderr.write('\nflamegate: interrupted, removing worktrees…\n');
    controller.abort();
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
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
    signal: controller.signal,
    inputOverrides: {
      benchmarks: values.benchmarks ? [String(values.benchmarks)] : undefined,
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
  };
  try {
    const result = await runPipeline(settings).catch((error: unknown) => {
      if (controller.signal.aborted) throw new UsageError('interrupted; the worktrees were removed');
      throw error;
    });
    progress?.stop();
    const outputs = buildReportOutputs(result);
    for (const file of outputs.files) {
      const path = join(result.outDir, file.path);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, file.content);
    }
    writeFileSync(join(result.outDir, 'comment.md'), outputs.markdown);
    if (values.json) writeFileSync(String(values.json), `${JSON.stringify(result.report, null, 2)}\n`);
    if (values.markdown) writeFileSync(String(values.markdown), outputs.markdown);
    process.stdout.write(`${renderTerminal(result.report, { color })}\n`);
    process.stdout.write(`Profiles, flame graphs and report: ${result.outDir}\n`);
    // flamegate's or the machine's fault is no verdict on the pull request: exit 2, named as such.
    const infrastructure = infrastructureFailure(result.report);
    if (infrastructure) {
      process.stderr.write(`flamegate: ${infrastructure}\n`);
      return 2;
    }
    return result.report.verdict === 'fail' ? 1 : 0;
  } finally {
    progress?.stop();
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    if (controller.signal.aborted) process.exitCode = 130;
  }
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

// Run when executed as a program (the bin), not when imported by tests.
const invoked = process.argv[1] ?? '';
if (/(?:^|[\\/])(cli\.js|flamegate)$/.test(invoked) || invoked.endsWith('/src/cli/main.ts')) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = process.exitCode ?? code;
    },
    (error) => {
      process.stderr.write(`flamegate: ${(error as Error).stack ?? error}\n`);
      process.exitCode = 2;
    },
  );
}
