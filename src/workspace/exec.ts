// Runs commands for the workspace stage and turns failures into messages that show the command and
// the tail of its output, which is what a user needs to fix an install or a build.
import { type Exit, spawnInGroup } from '../processes.js';
import type { ExecResult } from './command-error.js';

// Where the entry points and the other stages have always imported them from.
export { CommandError, type ExecResult, tail } from './command-error.js';

export interface ExecOptions {
  cwd: string;
  shell?: boolean;
  env?: NodeJS.ProcessEnv;
  signal?: AbortSignal;
  /** Kills the command's whole process group after this long; the result then says `timedOut`. */
  timeoutMs?: number;
  /** Also kill what it started that left its group (the pull request's code; see spawnInGroup). */
  sweep?: boolean;
}

export interface ExecOutcome extends ExecResult {
  /** The signal that ended the command, when one did. */
  signal: NodeJS.Signals | null;
  /** Stopped by `timeoutMs`. */
  timedOut: boolean;
}

/**
 * Runs a command in a process group of its own. It is done when it exits (plus a short grace for its
 * pipes), and whatever it left running in its group is killed then; an abort kills the group and
 * rejects with an AbortError.
 */
export function exec(command: string, args: string[], options: ExecOptions): Promise<ExecOutcome> {
  if (options.signal?.aborted) return Promise.reject(abortError(command));
  return new Promise((resolve, reject) => {
    const { child, finished, kill } = spawnInGroup(command, args, {
      cwd: options.cwd,
      shell: options.shell ?? false,
      env: options.env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
      sweep: options.sweep,
    });
    let stdout = '';
    let stderr = '';
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
    });
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    let timedOut = false;
    const timer =
      options.timeoutMs === undefined
        ? undefined
        : setTimeout(() => {
            timedOut = true;
            kill();
          }, options.timeoutMs);
    const onAbort = () => kill();
    options.signal?.addEventListener('abort', onAbort, { once: true });
    finished.then((end: Exit) => {
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      if (end.error) reject(end.error);
      else if (options.signal?.aborted) reject(abortError(command));
      else resolve({ code: end.code ?? 1, signal: end.signal, timedOut, stdout, stderr });
    });
  });
}

function abortError(command: string): Error {
  return Object.assign(new Error(`${command} was stopped: the run was cancelled`), { name: 'AbortError' });
}
