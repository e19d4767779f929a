// Every process flamegate starts (git, install, build, benchmark runners) runs in a process group of
// its own and is listed here until that group is gone, so that an exit, an error or a cancelled job
// (SIGINT, then SIGTERM from the runner) can kill all of them, grandchildren included, before the
// worktrees are removed. A process counts as finished when it exits, plus a short grace period for
// its pipes: a grandchild that inherited stdout must not keep flamegate waiting.
import { type ChildProcess, type SpawnOptions, spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

/**
 * Carries the tags of the groups a process descends from. A grandchild that leaves its group
 * (`setsid`, or node's `detached: true`) still carries it, and is found by it in /proc on Linux.
 */
export const TAG_VARIABLE = 'FLAMEGATE_PROCESS_TAGS';

/** How long a process's pipes may stay open after it exits: grandchildren that hold them are killed. */
export const PIPE_GRACE_MS = 1000;
/** How long to wait for a killed group to disappear before going on without it. */
const STOP_WAIT_MS = 2000;

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** The spawn itself failed (no such command). */
  error?: Error;
}

export interface GroupProcess {
  child: ChildProcess;
  /** Resolves once the process exited, its pipes closed or were given up on, and its group is gone. */
  finished: Promise<Exit>;
  /** Kills the whole group now (timeouts and aborts); `finished` still resolves as above. */
  kill(): void;
}

/** Live groups: leader pid → the tag its members carry, and the leader. */
const live = new Map<number, { tag: string; leader: ChildProcess }>();
// Windows has no process groups to signal (and a detached child there gets a console window of its
// own): only the leader is killed.
const GROUPS = process.platform !== 'win32';
const RUN_TAG = `${process.pid}.`;
let spawned = 0;

export interface GroupSpawnOptions extends SpawnOptions {
  /**
   * Also look, when it ends, for processes it started that left its group (by their tag, in /proc):
   * for the pull request's code. Costs a scan of /proc, ~10 ms, too much for each git command.
   */
  sweep?: boolean;
}

export function spawnInGroup(
  command: string,
  args: string[],
  { sweep = false, ...options }: GroupSpawnOptions,
): GroupProcess {
  const tag = `${RUN_TAG}${++spawned}`;
  const env = options.env ?? process.env;
  const inherited = env[TAG_VARIABLE];
  const child = spawn(command, args, {
    ...options,
    detached: GROUPS,
    env: { ...env, [TAG_VARIABLE]: inherited ? `${inherited} ${tag}` : tag },
  });
  const pid = child.pid;
  if (pid !== undefined) live.set(pid, { tag, leader: child });
  const finished = new Promise<Exit>((resolve) => {
    let exit: Exit | undefined;
    let settled = false;
    const finish = async (end: Exit) => {
      if (settled) return;
      settled = true;
      for (const stream of child.stdio) stream?.destroy();
      if (child.connected) child.disconnect();
      if (pid !== undefined) await stopGroup(pid, sweep ? tag : undefined);
      resolve(end);
    };
    child.on('error', (error) => {
      if (pid === undefined) void finish({ code: null, signal: null, error });
    });
    child.on('exit', (code, signal) => {
      exit = { code, signal };
      // setImmediate runs after the poll phase: output already in the pipe is read even when this
      // timer fires late on a busy loop.
      setTimeout(() => setImmediate(() => void finish({ code, signal })), PIPE_GRACE_MS);
    });
    child.on('close', (code, signal) => void finish(exit ?? { code, signal }));
  });
  return { child, finished, kill: () => pid !== undefined && killMembers(pid, sweep ? tag : undefined) };
}

/**
 * Kills every live group, and every process that carries this run's tag (left its group), and
 * waits for them; returns how many groups there were.
 */
export async function stopAllGroups(): Promise<number> {
  const groups = [...live];
  killEverything();
  await Promise.all(groups.map(([pgid, { tag }]) => stopGroup(pgid, tag)));
  return groups.length;
}

/** SIGKILL to every live group and every process carrying this run's tag, without waiting. */
export function killEverything(): void {
  for (const [pgid] of live) signalGroup(pgid);
  for (const pid of members(undefined, RUN_TAG)) signalProcess(pid);
}

async function stopGroup(pgid: number, tag: string | undefined): Promise<void> {
  const started = Date.now();
  while (killMembers(pgid, tag) && Date.now() - started < STOP_WAIT_MS)
    await new Promise((resolve) => setTimeout(resolve, 20));
  live.delete(pgid);
}

/**
 * SIGKILL to the group (and, given its tag, to the processes that left it); true while any of them
 * is still alive. The common case, an empty group, costs one kill(2) and no /proc scan.
 */
function killMembers(pgid: number, tag: string | undefined): boolean {
  signalGroup(pgid);
  if (process.platform !== 'linux') return groupExists(pgid);
  if (!tag && !groupExists(pgid)) return false;
  const left = members(pgid, tag);
  for (const pid of left) signalProcess(pid);
  return left.length > 0;
}

function signalGroup(pgid: number): void {
  try {
    if (GROUPS) process.kill(-pgid, 'SIGKILL');
    else live.get(pgid)?.leader.kill('SIGKILL');
  } catch {
    // ESRCH: the group is gone already.
  }
}

function signalProcess(pid: number): void {
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    // Gone already, or not ours to kill.
  }
}

function groupExists(pgid: number): boolean {
  if (!GROUPS) {
    const leader = live.get(pgid)?.leader;
    return !!leader && leader.exitCode === null && leader.signalCode === null;
  }
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

/** When this process started, in clock ticks since boot: nothing older can be one of ours. */
const OWN_START = (() => {
  try {
    return process.platform === 'linux' ? statFields(String(process.pid))?.startTime : undefined;
  } catch {
    return undefined;
  }
})();

/**
 * Live (not zombie) processes in group `pgid`, or whose environment carries a tag that starts with
 * `tag` (an exact tag, or this run's prefix). Linux only: elsewhere the group signal has to do.
 */
function members(pgid: number | undefined, tag: string | undefined): number[] {
  if (process.platform !== 'linux') return [];
  const found: number[] = [];
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return [];
  }
  for (const entry of entries) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    try {
      const stat = statFields(entry);
      if (!stat || stat.state === 'Z' || stat.state === 'X') continue;
      if (stat.pgrp === pgid) found.push(Number(entry));
      else if (tag && (OWN_START === undefined || stat.startTime >= OWN_START) && carriesTag(entry, tag))
        found.push(Number(entry));
    } catch {
      // The process ended meanwhile, or belongs to another user.
    }
  }
  return found;
}

function statFields(pid: string): { state: string; pgrp: number; startTime: number } | undefined {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // The fields after the command name, which is in parentheses and may hold spaces, from field 3
  // (state): pgrp is field 5, starttime field 22.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  if (fields.length < 20) return undefined;
  return { state: fields[0] ?? '', pgrp: Number(fields[2]), startTime: Number(fields[19]) };
}

function carriesTag(pid: string, tag: string): boolean {
  const environ = readFileSync(`/proc/${pid}/environ`, 'latin1');
  const start = environ.indexOf(`${TAG_VARIABLE}=`);
  if (start === -1) return false;
  const end = environ.indexOf('\0', start);
  const tags = environ.slice(start + TAG_VARIABLE.length + 1, end === -1 ? undefined : end).split(' ');
  return tags.some((t) => (tag.endsWith('.') ? t.startsWith(tag) : t === tag));
}

const SIGNAL_NUMBERS: Partial<Record<NodeJS.Signals, number>> = { SIGINT: 2, SIGTERM: 15 };

export interface Interruption {
  /** The first SIGINT or SIGTERM received, if any. */
  readonly received: NodeJS.Signals | undefined;
  /** 130 after SIGINT, 143 after SIGTERM: what a shell reports for a process those signals ended. */
  readonly exitCode: number | undefined;
  /** Removes the handlers. */
  remove(): void;
}

/**
 * On SIGINT or SIGTERM: aborts `controller` (the run unwinds and removes its worktrees) and kills
 * every group at once, so no benchmark burns the runner's CPU while the run unwinds. A second
 * signal (the runner sends SIGTERM ~7.5 s after SIGINT, then SIGKILL) leaves at once.
 */
export function interruptOnSignals(
  controller: AbortController,
  onFirst: (signal: NodeJS.Signals) => void,
): Interruption {
  let received: NodeJS.Signals | undefined;
  const handler = (signal: NodeJS.Signals) => {
    if (received) {
      killEverything();
      process.exit(128 + (SIGNAL_NUMBERS[received] ?? 15));
    }
    received = signal;
    onFirst(signal);
    killEverything();
    controller.abort(new Error(`cancelled by ${signal}`));
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
  return {
    get received() {
      return received;
    },
    get exitCode() {
      return received && 128 + (SIGNAL_NUMBERS[received] ?? 15);
    },
    remove() {
      process.off('SIGINT', handler);
      process.off('SIGTERM', handler);
    },
  };
}

/**
 * How a process ended, for a message: "exited with code 3", "was killed by SIGABRT", with the
 * out-of-memory killer named for an unexplained SIGKILL (flamegate's own kills are reported as
 * timeouts or cancellations, never through here).
 */
export function describeExit(code: number | null, signal: NodeJS.Signals | null): string {
  if (signal === 'SIGKILL') return 'was killed by SIGKILL (likely the out-of-memory killer)';
  if (signal) return `was killed by ${signal}`;
  return `exited with code ${code ?? 'unknown'}`;
}

/**
 * V8's or Node's fatal line in a process's output ("FATAL ERROR: Reached heap limit Allocation failed -
 * JavaScript heap out of memory"), which says why it aborted better than the signal does.
 */
export function fatalLine(output: string): string | undefined {
  return /^(?:FATAL ERROR: .+|Fatal JavaScript .+|# Fatal error in .+|Fatal error: .+)$/m
    .exec(output)?.[0]
    ?.trim();
}
