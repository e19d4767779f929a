#!/usr/bin/env node
// The `flamegate` command. It parses arguments into Settings and calls the pipeline; it owns the
// terminal (progress, summary) and the exit code: 0 pass, 1 fail, 2 usage/config/git/install error.
// Commands are imported when they run: `flamegate diff` then loads no config, git or benchmark code.
import { UsageError } from '../settings.js';
import { CommandError } from '../workspace/command-error.js';
import { asksForHelp } from './options.js';

const VERSION = '0.1.0';

/** The commands and what each is for: the top of `flamegate --help`. */
const COMMANDS = `Usage:
  flamegate compare --base <rev> [--head <rev>] [options]
  flamegate track [--head <rev>] [--anchor <ref>] [options]
  flamegate merge <shard-dir>... [--json FILE] [--markdown FILE] [--out DIR]
  flamegate diff <base> <head> [--json FILE] [--svg FILE] [--html FILE] [--text]
  flamegate demo [--out DIR]
  flamegate history [--fetch] [--branch NAME] [--cwd DIR] [--json]
  flamegate <command> --help | -h     one command's help
  flamegate --version | --help`;

/** Each command's help, loaded when asked for: the commands' own modules hold their flags. */
const USAGES: Record<string, () => Promise<string>> = {
  compare: async () => (await import('./compare-options.js')).COMPARE_USAGE,
  track: async () => (await import('./track-options.js')).TRACK_USAGE,
  merge: async () => (await import('./merge.js')).MERGE_USAGE,
  diff: async () => (await import('./diff.js')).DIFF_USAGE,
  demo: async () => (await import('./demo.js')).DEMO_USAGE,
  history: async () => (await import('./history.js')).HISTORY_USAGE,
};

/** The whole help: what flamegate is, its commands, then every command's own help. */
async function fullHelp(): Promise<string> {
  const { harnessNames } = await import('./compare-options.js');
  const sections = await Promise.all(Object.values(USAGES).map((usage) => usage()));
  return [
    `flamegate ${VERSION}: a performance gate for pull requests. It benchmarks a pull request's base and\n` +
      `head, profiles each benchmark and names the function that changed.\nHarnesses: ${harnessNames()}.`,
    COMMANDS,
    ...sections,
  ].join('\n\n');
}

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const out = (s: string) => process.stdout.write(s);
  const err = (s: string) => process.stderr.write(s);
  if (!command || command === '--help' || command === '-h') {
    out(`${await fullHelp()}\n`);
    return command ? 0 : 2;
  }
  // `flamegate help [command]`, and `flamegate <command> --help` whatever else is on the line.
  const helpFor = command === 'help' ? rest[0] : asksForHelp(rest) ? command : undefined;
  if (command === 'help' && helpFor === undefined) {
    out(`${await fullHelp()}\n`);
    return 0;
  }
  if (helpFor !== undefined) {
    const usage = Object.hasOwn(USAGES, helpFor) ? USAGES[helpFor] : undefined;
    if (usage) {
      out(`${await usage()}\n`);
      return 0;
    }
    if (command === 'help') {
      err(`flamegate: no command "${helpFor}" (commands: ${Object.keys(USAGES).join(', ')})\n`);
      return 2;
    }
  }
  if (command === '--version' || command === '-v') {
    out(`${VERSION}\n`);
    return 0;
  }
  if (command === 'diff') {
    const { runDiff } = await import('./diff.js');
    return runDiff(rest, { stdout: out, stderr: err });
  }
  const known = ['compare', 'track', 'merge', 'diff', 'demo', 'history'];
  if (!known.includes(command)) {
    err(
      `flamegate: unknown command "${command}" (expected compare, track, merge, diff, demo or history; see flamegate --help)\n`,
    );
    return 2;
  }
  try {
    if (command === 'demo') {
      const { runDemo } = await import('./demo.js');
      return await runDemo(rest, { stdout: out, stderr: err });
    }
    if (command === 'history') {
      const { historyCommand } = await import('./history.js');
      return await historyCommand(rest, { stdout: out, stderr: err });
    }
    if (command === 'merge') {
      const { mergeCommand } = await import('./merge.js');
      return await mergeCommand(rest);
    }
    if (command === 'track') {
      const { trackCommand } = await import('./track.js');
      return await trackCommand(rest);
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
