// Starts the child runner under the user's node and watches it: a child that sends nothing for
// `timeoutMs` is hanging (a sync infinite loop cannot be interrupted from inside) and is killed.
import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { codeUnderTestEnv } from '../code-env.js';
import type { Side } from '../model.js';
import { describeExit, fatalLine, spawnInGroup } from '../processes.js';
import { BUNDLE_DIR, PRELOAD_BUNDLE, RUNNER_BUNDLE } from './harness.js';
import type { ChildMessage, Job, MessageOf } from './protocol.js';
import { parseChildMessage } from './protocol-parse.js';

export interface ChildOutcome {
  /**
   * `done`: the job finished; `timeout`: killed by the watchdog; `crash`: exited without finishing,
   * or killed for a message that broke the protocol (`violation`).
   */
  end: 'done' | 'timeout' | 'crash' | 'aborted';
  /**
   * Why the child was killed for a message the protocol does not allow (the code it runs can write to
   * the IPC channel too). Charged as a crash at that point: to the side it was working on, if any.
   */
  violation?: string;
  /** What the child was doing last, so a hang or crash is charged to the right benchmark and side. */
  last?: { key: string; side: Side };
  /** The tail of the child's stderr and stdout. */
  output: string;
  exitCode: number | null;
  /** The signal that ended the child, when one did. */
  signal?: NodeJS.Signals | null;
}

export interface ChildOptions<M = ChildMessage> {
  node: string;
  nodeArgs: string[];
  cwd: string;
  timeoutMs: number;
  jobFile: string;
  signal?: AbortSignal;
  /** Each message, checked (protocol-parse.ts); one that fails the check ends the child instead. */
  onMessage: (message: M) => void;
  /**
   * Flags every thread of the process needs (a Yarn PnP runtime and loader), given as `yarn node`
   * gives them, through NODE_OPTIONS: worker threads a benchmark or its tools start (esbuild's sync
   * API does) read NODE_OPTIONS, not the parent's `--require`.
   */
  nodeOptions?: string[];
}

/** The built runner lives next to the bundle that runs this code, or in dist/ when running from src/. */
export function runnerPath(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const candidates = [join(here, RUNNER_BUNDLE), join(here, '../..', BUNDLE_DIR, RUNNER_BUNDLE)];
  const found = candidates.find((c) => existsSync(c));
  if (!found)
    throw new Error(
      `flamegate's child runner was not found (looked in ${candidates.join(', ')}); run npm run build`,
    );
  return found;
}

/** The preload that takes the runner's clocks first, built next to the runner (pristine-preload.ts). */
function preloadPath(): string {
  return join(dirname(runnerPath()), PRELOAD_BUNDLE);
}

/**
 * A `run:` step's environment (benchmark files are the pull request's code) with NODE_OPTIONS led by
 * flamegate's preload, which takes the clocks before any preload of the repository's runs (options in
 * NODE_OPTIONS load before those on the command line), then `nodeOptions`, then the user's own.
 */
function childEnv(nodeOptions: string[]): NodeJS.ProcessEnv {
  const env = codeUnderTestEnv();
  const ours = ['--require', preloadPath(), ...nodeOptions].map(quoteNodeOption).join(' ');
  return {
    ...env,
    NODE_OPTIONS: env.NODE_OPTIONS ? `${ours} ${env.NODE_OPTIONS}` : ours,
    NODE_ENV: process.env.NODE_ENV ?? 'production',
  };
}

/** One NODE_OPTIONS word: Node reads double-quoted words with backslash escapes (paths with spaces). */
function quoteNodeOption(option: string): string {
  return /^[\w@%+=:,./-]+$/.test(option) ? option : `"${option.replace(/[\\"]/g, '\\$&')}"`;
}

export function runChild<J extends Job>(
  job: J,
  options: ChildOptions<MessageOf<J['kind']>>,
): Promise<ChildOutcome> {
  writeFileSync(options.jobFile, JSON.stringify(job));
  return new Promise((resolve) => {
    // In a process group of its own: whatever the benchmark starts is killed with it.
    const { child, finished, kill } = spawnInGroup(
      options.node,
      [...options.nodeArgs, runnerPath(), options.jobFile],
      {
        cwd: options.cwd,
        stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
        // Benchmark files are the pull request's code: they get a `run:` step's environment.
        env: childEnv(options.nodeOptions ?? []),
        sweep: true,
      },
    );
    let output = '';
    const keep = (chunk: Buffer) => {
      output = (output + chunk.toString('utf8')).slice(-8000);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    let last: ChildOutcome['last'];
    let end: ChildOutcome['end'] | undefined;
    let violation: string | undefined;
    let timer: NodeJS.Timeout | undefined;
    const arm = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        end = 'timeout';
        kill();
      }, options.timeoutMs);
    };
    const onAbort = () => {
      end = 'aborted';
      kill();
    };
    options.signal?.addEventListener('abort', onAbort, { once: true });
    arm();
    child.on('message', (raw) => {
      // Nothing more is read from a child that broke the protocol: it is killed, as if it had crashed.
      if (violation !== undefined) return;
      let message: MessageOf<J['kind']>;
      try {
        message = parseChildMessage<J['kind']>(job.kind, raw);
      } catch (error) {
        // Already being killed (the watchdog, an abort): that is why it ends.
        if (end === 'timeout' || end === 'aborted') return;
        violation = `the benchmark process sent a message flamegate's protocol does not allow: ${(error as Error).message}`;
        clearTimeout(timer);
        kill();
        return;
      }
      arm();
      if (message.type === 'progress') last = { key: message.key, side: message.side };
      if (message.type === 'done') end = 'done';
      options.onMessage(message);
    });
    child.on('error', (error) => {
      output += `\n${error.message}`;
    });
    // Done when the runner exits (plus a grace for its pipes), not when the last grandchild that
    // inherited stdout lets go of it.
    child.on('exit', () => clearTimeout(timer));
    finished.then(({ code, signal }) => {
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      resolve({
        end: violation === undefined ? (end ?? 'crash') : 'crash',
        last,
        output: output.trim(),
        exitCode: code,
        signal,
        ...(violation === undefined ? {} : { violation }),
      });
    });
  });
}

/**
 * Why a runner ended before its job was done: its exit code or signal, and V8's fatal line when it
 * printed one (an out-of-memory abort says so only there), then the tail of its output.
 */
export function crashMessage(output: string, exitCode: number | null, signal: NodeJS.Signals | null): string {
  const fatal = fatalLine(output);
  // V8's native stack trace after its fatal line says nothing a benchmark's author can act on.
  const shown = output.split('----- Native stack trace -----')[0]?.trim() ?? '';
  const tail = shown ? `\n${shown.split('\n').slice(-8).join('\n')}` : '';
  return `the benchmark process ${describeExit(exitCode, signal)} before it finished${fatal ? `: ${fatal}` : ''}${tail}`;
}

const flagSupport = new Map<string, string[]>();

/**
 * V8 flags that turn inlining off, so a callee's samples are not charged to its caller. Node 24
 * needs both; older versions may not know the maglev flag, so each is kept only if `node` accepts it.
 */
export function noInliningFlags(node: string): string[] {
  const cached = flagSupport.get(node);
  if (cached) return cached;
  const flags = ['--no-turbo-inlining', '--no-maglev-inlining'].filter(
    (flag) => spawnSync(node, [flag, '-e', '0'], { stdio: 'ignore' }).status === 0,
  );
  flagSupport.set(node, flags);
  return flags;
}

export function nodeVersion(node: string): string {
  const result = spawnSync(node, ['--version'], { encoding: 'utf8' });
  if (result.error || result.status !== 0) {
    throw new Error(
      `cannot run "${node}" (the node used for benchmarks): ${result.error?.message ?? result.stderr}`,
    );
  }
  return result.stdout.trim();
}
