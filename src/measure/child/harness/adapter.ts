// What the runner needs of a benchmark harness (tinybench, vitest bench, mitata, benchmark.js and
// bench-node): to load a benchmark file, name its tasks, run one task for a slice of time, and
// call one task once. Everything else (slices of both sides in one process, the profilers, the
// messages) is the runner's, the same for every harness. A harness is one file that exports one
// `HarnessAdapter`, listed in `harness/load.ts`.
import type { SideTiming } from '../../../model.js';

/** How this process times tasks; set once by the job, before any benchmark file loads. */
export interface HarnessOptions {
  /**
   * Time every call with the harness's own per-call timing instead of batching synchronous calls
   * between two clock reads (the self-benchmark's comparison).
   */
  perCall: boolean;
}

/** One benchmark of a loaded file, as the runner drives it. */
export interface HarnessTask {
  /** The task's name in its file: the benchmark key's second half. */
  readonly name: string;
  /**
   * Runs one slice: at least `ms` of measured time and at least one operation, with the harness's
   * per-run hooks around it. Throws the benchmark's own error when it fails.
   */
  slice(ms: number): Promise<SideTiming>;
  /**
   * One call of the task's function with the hooks a slice runs around it (the execution pass: which
   * changed functions a benchmark runs). Never a calibration probe: a call can take seconds.
   */
  callOnce(): Promise<void>;
  /**
   * Ends what the task keeps between slices (a mitata generator's code after `yield`); called once,
   * when the job is done.
   */
  dispose?(): Promise<void>;
}

/** A loaded benchmark file: its tasks in the order the file declares them. */
export interface HarnessFile {
  tasks: HarnessTask[];
}

export interface HarnessAdapter {
  /** The harness's name as its users know it. */
  readonly name: string;
  /** Whether `file` is written for this harness (read without running it). */
  claims(file: string): boolean;
  /**
   * Loads the file (its module and the harness it imports, the user's own copy) and lists its tasks.
   * Throws an error that tells the user what is wrong with the file.
   */
  load(file: string, options: HarnessOptions): Promise<HarnessFile>;
}
