#!/usr/bin/env node
// The `flamegate` command. It parses arguments into Settings and calls the pipeline; it owns the
// terminal (progress, summary) and the exit code: 0 pass, 1 fail, 2 usage/config/git/install error.
// Commands are imported when they run: `flamegate diff` then loads no config, git or benchmark code.
import { UsageError } from '../settings.js';
import { CommandError } from '../workspace/command-error.js';

const VERSION = '0.1.0';

const HELP = `flamegate ${VERSION}: a performance gate for pull requests

Usage:
  flamegate compare --base <rev> [--head <rev>] [options]
  flamegate merge <shard-dir>... [--json FILE] [--markdown FILE] [--out DIR]
  flamegate diff <base> <head> [--json FILE] [--svg FILE] [--html FILE] [--text]
  flamegate demo [--out DIR]
  flamegate --version | --help

compare: measures the repo's benchmarks (tinybench, vitest bench, mitata, benchmark.js and bench-node
files) on two revisions (throwaway checkouts, installed and built), profiles them, and compares time per
op and each function's self time per op.
  --base <rev>        base revision (required): branch, tag or SHA
  --head <rev>        head revision (default HEAD)
  --config <file>     config file on disk (default: .github/flamegate.yml as committed in base)
  --cwd <dir>         directory of the package to benchmark (default: current directory)
  --out <dir>         where raw profiles (pprof), flame graphs and report.json go
  --json <file>       write the JSON report
  --markdown <file>   write the PR comment (Markdown)
  --benchmarks <globs> override the config's benchmark globs: comma separated, or the flag
                      repeated (a comma inside braces stays in its glob)
  --install <cmd>     install command run in each checkout (default: the config's install, else
                      chosen from the lockfile and package.json's packageManager: npm ci,
                      pnpm install --frozen-lockfile, yarn install --immutable with the repo's own
                      Yarn (yarnPath) or the declared version through npx, bun install --frozen-lockfile)
  --build <cmd>       build command run in each checkout after the install (default: the config's)
  --processes <n>     minimum timing processes per benchmark (default from config: 4)
  --max-processes <n> most timing processes per benchmark (default from config: 40)
  --max-minutes <m>   wall-clock budget of the run; sampling stops early to meet it (default 3)
  --parallel <n>      measuring processes side by side (default from config: one per core, at most 8)
  --time <ms>         measured time per side per benchmark per process
  --node <path>       node binary for benchmarks (default: node on PATH)
  --production-profile <file>  a CPU profile from production (pprof or .cpuprofile): function rows get
                      their share of production CPU and the estimated fleet impact (thresholds.fleet)
  --shard <i/N>       measure only shard i of N (a CI matrix); combine the shards with merge
  --costs <file>      a previous JSON report whose measured costs balance the shards
  --packages <list>   monorepo: package directories or globs (comma separated), relative to --cwd
  --keep-worktrees    do not remove the checkouts (debugging)
  --quiet             no progress lines
  --no-color          plain output

Exit codes: 0 nothing exceeded a threshold, 1 a threshold was exceeded or a benchmark broke on head,
2 usage, config, git or install error, or an infrastructure error (a fault of flamegate or the machine).

diff: the flame-graph delta of any two profiles: pprof (Node, Go, Rust…), .cpuprofile, folded stacks.
demo: the whole compare on a throwaway copy of the bundled sample project, one function slowed.`;

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const out = (s: string) => process.stdout.write(s);
  const err = (s: string) => process.stderr.write(s);
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    const { DIFF_USAGE } = await import('./diff.js');
    const { DEMO_USAGE } = await import('./demo.js');
    const { MERGE_USAGE } = await import('./merge.js');
    out(`${HELP}\n\n${MERGE_USAGE}\n\n${DIFF_USAGE}\n\n${DEMO_USAGE}\n`);
    return command ? 0 : 2;
  }
  if (command === '--version' || command === '-v') {
    out(`${VERSION}\n`);
    return 0;
  }
  if (command === 'diff') {
    const { runDiff } = await import('./diff.js');
    return runDiff(rest, { stdout: out, stderr: err });
  }
  if (command !== 'compare' && command !== 'demo' && command !== 'merge') {
    err(
      `flamegate: unknown command "${command}" (expected compare, merge, diff or demo; see flamegate --help)\n`,
    );
    return 2;
  }
  try {
    if (command === 'demo') {
      const { runDemo } = await import('./demo.js');
      return await runDemo(rest, { stdout: out, stderr: err });
    }
    if (command === 'merge') {
      const { mergeCommand } = await import('./merge.js');
      return await mergeCommand(rest);
    }
    const { compareCommand } = await import('./compare.js');
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

// Run when executed as a program (the bin), not when imported by tests.
const invoked = process.argv[1] ?? '';
if (/(?:^|[\\/])(cli\.js|flamegate)$/.test(invoked) || invoked.endsWith('/src/cli/main.ts')) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = process.exitCode ?? code;
      // `flamegate diff` has nothing left to do once its output is out (no worktree, no child): it
      // leaves without waiting for its worker thread and heap to wind down, ~10 ms of a 0.5 s diff.
      if (process.argv[2] === 'diff') exitWhenFlushed();
    },
    (error) => {
      process.stderr.write(`flamegate: ${(error as Error).stack ?? error}\n`);
      process.exitCode = 2;
    },
  );
}

/** Exits once everything written to stdout and stderr has gone out (pipes can be asynchronous). */
function exitWhenFlushed(): void {
  let pending = 2;
  const done = () => {
    pending--;
    if (pending === 0) process.exit();
  };
  process.stdout.write('', done);
  process.stderr.write('', done);
}
