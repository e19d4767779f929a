// The seam between the measure stage and its benchmark processes: everything above it (the passes,
// the executor's respawn and blame) takes a `Launcher`, so unit tests script messages, crashes and
// hangs through a fake one, the way pprof's plugin.Options takes a test fetcher. The default starts
// the child runner under the user's node (child-process.ts).
import { join } from 'node:path';
import type { Side } from '../model.js';
import { type ChildOutcome, noInliningFlags, runChild } from './child-process.js';
import { pnpNodeArgs } from './pnp.js';
import type { ChildMessage, Job } from './protocol.js';

/** One benchmark process to start. */
export interface LaunchRequest {
  job: Job;
  /** Unique in the run (the job file's name): the pass, its round and the respawn attempt. */
  name: string;
  /** Working directory of the process. */
  cwd: string;
  /** Node flags before the runner: the repository's own, then flamegate's. */
  nodeArgs: string[];
  /** Every message the process sends, in order; a message resets the hang watchdog. */
  onMessage: (message: ChildMessage) => void;
}

/**
 * How a process ended: `end`, the tail of its output, its exit code and signal. What it was doing
 * last is read from its own `progress` messages by whoever charges the failure (executor.ts).
 */
export type LaunchOutcome = Omit<ChildOutcome, 'last'>;

export interface Launcher {
  /** Runs one job in a fresh process; resolves when the process is gone. */
  launch(request: LaunchRequest): Promise<LaunchOutcome>;
  /** The V8 flags this runtime accepts that turn inlining off (attribution and allocation passes). */
  noInliningFlags(): string[];
}

export interface RunnerLauncherOptions {
  /** The node benchmarks run under. */
  node: string;
  /** Scratch directory for job files. */
  workDir: string;
  /** A process that sends nothing for this long is killed (`budget.timeoutMs`). */
  timeoutMs: number;
  /** Each side's working directory: a Yarn Plug'n'Play side gets its runtime preloaded. */
  sides: Record<Side, { dir: string }>;
  signal?: AbortSignal;
}

/** The default launcher: flamegate's child runner in a process group of its own. */
export function runnerLauncher(options: RunnerLauncherOptions): Launcher {
  return {
    launch: ({ job, name, cwd, nodeArgs, onMessage }) =>
      runChild(job, {
        node: options.node,
        nodeArgs,
        // A Yarn Plug'n'Play side (this process's own first) gets its runtime preloaded, as `yarn node`.
        nodeOptions: pnpNodeArgs([cwd, options.sides.head.dir, options.sides.base.dir], nodeArgs),
        cwd,
        timeoutMs: options.timeoutMs,
        jobFile: join(options.workDir, `job-${name}.json`),
        signal: options.signal,
        onMessage,
      }),
    noInliningFlags: () => noInliningFlags(options.node),
  };
}
