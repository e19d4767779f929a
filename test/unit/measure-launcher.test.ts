// The measure stage through a scripted launcher: the children's messages, crashes and hangs are
// written here, so sequential stopping, confirmation, respawn and blame are tested without spawning
// a process (the way pprof's plugin.Options takes a test fetcher).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_BUDGET } from '../../src/config/config.js';
import type { Launcher, LaunchOutcome, LaunchRequest } from '../../src/measure/launcher.js';
import { measureRun } from '../../src/measure/measure.js';
import type { ChildBenchmark, ChildMessage, Job } from '../../src/measure/protocol.js';
import { RoundScheduler, roundFits } from '../../src/measure/schedule.js';
import { type BenchmarkMeasurement, type Budget, benchmarkKey, type Side } from '../../src/model.js';
import { processLogRatio } from '../../src/stats/estimate.js';
import { confirmationProcesses } from '../../src/stats/sequential.js';

const FILE = 'bench/a.bench.js';
const SIDES = { base: { dir: '/repo/base', files: [FILE] }, head: { dir: '/repo/head', files: [FILE] } };
const CRASH: LaunchOutcome = {
  end: 'crash',
  output: 'Segmentation fault',
  exitCode: null,
  signal: 'SIGSEGV',
};
const HANG: LaunchOutcome = { end: 'timeout', output: '', exitCode: null, signal: 'SIGKILL' };
const DONE: LaunchOutcome = { end: 'done', output: '', exitCode: 0 };

const key = (task: string) => benchmarkKey({ file: FILE, name: task });

/** What a job does to one benchmark, decided by the test: run it, or end the process on it. */
type Fault = { when: 'before' | 'on'; side?: Side; outcome: LaunchOutcome } | undefined;

interface Script {
  /** The benchmarks discovery finds (in FILE, on both sides). */
  tasks: string[];
  /** ln(head/base) of a benchmark's `n`th timing process (timing rounds and confirmation counted apart). */
  ratio: (task: string, n: number) => number;
  /** A fault for this benchmark in this launch (the launch's index among all launches). */
  fault?: (launch: Launched, b: ChildBenchmark) => Fault;
  /** Each launch takes this long (a timer), so launches side by side overlap. */
  delayMs?: number;
}

interface Launched {
  index: number;
  name: string;
  kind: Job['kind'];
  keys: string[];
}

/** A launcher that plays each job from the script, recording every launch. */
function scripted(script: Script): Launcher & { launches: Launched[]; mostAtOnce: number } {
  const launches: Launched[] = [];
  let running = 0;
  const timed = new Map<string, number>();
  const side = (ns: number) => ({ ops: 1000, totalNs: ns * 1000 });
  const launcher = {
    launches,
    mostAtOnce: 0,
    noInliningFlags: () => [],
    async launch(request: LaunchRequest): Promise<LaunchOutcome> {
      // Measuring processes only: discovery loads both sides at once whatever the width.
      const measuring = request.job.kind !== 'discover';
      if (measuring) running++;
      launcher.mostAtOnce = Math.max(launcher.mostAtOnce, running);
      try {
        if (script.delayMs) await new Promise((resolve) => setTimeout(resolve, script.delayMs));
        return play(request);
      } finally {
        if (measuring) running--;
      }
    },
  };
  return launcher;

  function play(request: LaunchRequest): LaunchOutcome {
    {
      const { job, onMessage } = request;
      const send = (message: ChildMessage) => onMessage(message);
      if (job.kind === 'discover') {
        launches.push({ index: launches.length, name: request.name, kind: job.kind, keys: job.files });
        for (const file of job.files) send({ type: 'discovered', file, tasks: script.tasks });
        send({ type: 'done' });
        return DONE;
      }
      const launched = {
        index: launches.length,
        name: request.name,
        kind: job.kind,
        keys: job.benchmarks.map((b) => b.key),
      };
      launches.push(launched);
      if (job.kind === 'timing') send({ type: 'floor', nsPerOp: 3 });
      for (const b of job.benchmarks) {
        const fault = script.fault?.(launched, b);
        if (fault?.when === 'before') return fault.outcome;
        send({ type: 'progress', key: b.key, side: fault?.side ?? 'base', phase: 'measure' });
        if (fault) return fault.outcome;
        const task = b.base?.task ?? b.head?.task ?? '';
        if (job.kind === 'timing') {
          const counter = `${request.name.startsWith('confirming') ? 'confirm' : 'timing'}:${b.key}`;
          const n = timed.get(counter) ?? 0;
          timed.set(counter, n + 1);
          const r = script.ratio(task, n);
          send({
            type: 'timing',
            key: b.key,
            base: side(100),
            head: side(100 * Math.exp(r)),
            pairLogRatios: [r],
          });
        } else if (job.kind === 'profile') {
          const profiles = {
            base: { path: `${job.outDir}/${b.slug}/base-${job.process}.pb.gz`, ops: 10 },
            head: { path: `${job.outDir}/${b.slug}/head-${job.process}.pb.gz`, ops: 10 },
          };
          send({
            type: 'profiled',
            key: b.key,
            profiles,
            base: side(100),
            head: side(100),
            pairLogRatios: [0],
          });
        } else if (job.kind === 'allocation') {
          const alloc = { ops: 10, bytes: 640, gcNs: 0, wallNs: 1000 };
          const profiles = {
            base: { path: `${job.outDir}/${b.slug}/alloc-base-${job.process}.pb.gz`, ops: 10 },
            head: { path: `${job.outDir}/${b.slug}/alloc-head-${job.process}.pb.gz`, ops: 10 },
          };
          send({ type: 'allocated', key: b.key, profiles, base: alloc, head: alloc, pairLogRatios: [0] });
        }
      }
      send({ type: 'done' });
      return DONE;
    }
  }
}

const BUDGET: Budget = {
  ...DEFAULT_BUDGET,
  processes: 4,
  maxProcesses: 10,
  profileProcesses: 2,
  allocationProcesses: 1,
  parallel: 1,
};

/** ±spread, alternating by process: a mean of `shift` over every even number of processes. */
const alternating = (shift: number, spread: number) => (n: number) =>
  shift + (n % 2 === 0 ? spread : -spread);

async function run(script: Script, thresholds: Record<string, number> = {}, budget: Budget = BUDGET) {
  const launcher = scripted(script);
  const result = await measureRun({
    sides: SIDES,
    budget,
    node: 'node-is-never-started',
    workDir: '/nonexistent',
    profileDir: mkdtempSync(join(tmpdir(), 'flamegate-launcher-')),
    launcher,
    thresholdOf: (id) => thresholds[id.name] ?? 0.05,
  });
  const by = (task: string): BenchmarkMeasurement => {
    const m = result.measurements.find((x) => x.id.name === task);
    if (!m) throw new Error(`${task} was not measured`);
    return m;
  };
  /** The launches of a job kind (timing rounds and confirmation told apart by name) that ran `task`. */
  const ran = (task: string, prefix: string) =>
    launcher.launches.filter((l) => l.name.startsWith(prefix) && l.keys.includes(key(task)));
  return { ...result, launcher, by, ran };
}

describe('sequential stopping through the launcher', () => {
  it('stops a resolved benchmark at the first look and samples an unresolved one up to budget.maxProcesses', async () => {
    const {
      by,
      ran,
      run: stage,
    } = await run(
      {
        tasks: ['settled', 'undecided'],
        // Within ±5% at once; and ±5% around zero against a threshold of 0, which no interval resolves.
        ratio: (task, n) => (task === 'settled' ? alternating(0, 0.001)(n) : alternating(0, 0.05)(n)),
      },
      { undecided: 0 },
    );
    expect(by('settled').sampling).toMatchObject({ processes: BUDGET.processes, stoppedBy: 'resolved' });
    expect(ran('settled', 'timing')).toHaveLength(BUDGET.processes);
    expect(by('settled').timings).toHaveLength(BUDGET.processes);
    expect(by('undecided').sampling).toMatchObject({
      processes: BUDGET.maxProcesses,
      stoppedBy: 'maxProcesses',
    });
    expect(ran('undecided', 'timing')).toHaveLength(BUDGET.maxProcesses);
    // Each timing process is numbered by its round, and the floor the processes measured is kept.
    expect(by('undecided').timings.map((t) => t.process)).toEqual([...Array(BUDGET.maxProcesses).keys()]);
    expect(stage.harnessFloorNs).toBe(3);
  });

  it('a lower budget.maxProcesses stops the unresolved benchmark there', async () => {
    const budget = { ...BUDGET, maxProcesses: 6 };
    const { by, ran } = await run(
      { tasks: ['undecided'], ratio: (_task, n) => alternating(0, 0.05)(n) },
      { undecided: 0 },
      budget,
    );
    expect(by('undecided').sampling).toMatchObject({ processes: 6, stoppedBy: 'maxProcesses' });
    expect(ran('undecided', 'timing')).toHaveLength(6);
  });
});

describe('processes side by side (budget.parallel)', () => {
  const script: Script = {
    tasks: ['settled', 'undecided', 'slower'],
    ratio: (task, n) =>
      task === 'settled'
        ? alternating(0, 0.001)(n)
        : task === 'slower'
          ? alternating(Math.log(1.3), 0.002)(n)
          : alternating(0, 0.05)(n),
    delayMs: 5,
  };
  const thresholds = { undecided: 0 };
  const processes = (r: Awaited<ReturnType<typeof run>>, task: string) => ({
    timing: r.ran(task, 'timing').length,
    confirming: r.ran(task, 'confirming').length,
    profiling: r.ran(task, 'profiling').length,
    allocations: r.ran(task, 'allocations').length,
  });

  it('runs the same processes as one at a time, at most `parallel` at once, and keeps process order', async () => {
    const serial = await run(script, thresholds, { ...BUDGET, profileProcesses: 3, allocationProcesses: 3 });
    const wide = await run(script, thresholds, {
      ...BUDGET,
      profileProcesses: 3,
      allocationProcesses: 3,
      parallel: 2,
    });
    expect(serial.launcher.mostAtOnce).toBe(1);
    expect(wide.launcher.mostAtOnce).toBe(2);
    for (const task of script.tasks) {
      // The sequential looks and confirmation see the same process counts whatever the width.
      expect(processes(wide, task)).toEqual(processes(serial, task));
      expect(wide.by(task).sampling?.processes).toBe(serial.by(task).sampling?.processes);
      expect(wide.by(task).timings.map((t) => t.process)).toEqual(
        serial.by(task).timings.map((t) => t.process),
      );
      // Profiles and their timings line up by process, in process order; the suspected benchmark
      // (it went to confirmation) is profiled in three times the processes.
      const profiled = [...Array(task === 'slower' ? 9 : 3).keys()];
      const paths = wide.by(task).profiles.head?.map((p) => p.path) ?? [];
      expect(paths).toEqual(profiled.map((i) => expect.stringContaining(`head-${i}.pb.gz`)));
      expect(wide.by(task).attributionTimings?.map((t) => t.process)).toEqual(profiled);
      expect(wide.by(task).allocations?.map((a) => a.process)).toEqual([0, 1, 2]);
    }
    expect(wide.by('slower').confirmTimings?.map((t) => t.process)).toEqual(
      serial.by('slower').confirmTimings?.map((t) => t.process),
    );
    expect(wide.by('undecided').sampling?.stoppedBy).toBe('maxProcesses');
  });

  it('never runs more processes at once than there are rounds owed', async () => {
    const one = await run(
      { tasks: ['settled'], ratio: (_t, n) => alternating(0, 0.001)(n), delayMs: 5 },
      {},
      { ...BUDGET, processes: 4, maxProcesses: 4, profileProcesses: 1, allocationProcesses: 1, parallel: 8 },
    );
    expect(one.ran('settled', 'timing')).toHaveLength(4);
    expect(one.launcher.mostAtOnce).toBe(4);
  });
});

describe('confirmation through the launcher', () => {
  it('measures a would-be regression again in fresh processes, and nothing else', async () => {
    const { by, ran, launcher } = await run({
      tasks: ['slower', 'same'],
      ratio: (task, n) =>
        task === 'slower' ? alternating(Math.log(1.3), 0.002)(n) : alternating(0, 0.001)(n),
    });
    const slower = by('slower');
    expect(slower.sampling?.stoppedBy).toBe('resolved');
    const size = confirmationProcesses(BUDGET, slower.timings.map(processLogRatio));
    expect(slower.confirmTimings).toHaveLength(size);
    expect(ran('slower', 'confirming')).toHaveLength(size);
    // The confirmation's own processes: kept apart from the sampling rounds.
    expect(slower.timings).toHaveLength(BUDGET.processes);
    expect(by('same').confirmTimings).toBeUndefined();
    expect(ran('same', 'confirming')).toEqual([]);
    // Confirmation comes after sampling, before the attribution pass.
    const kinds = launcher.launches.map((l) => l.name.split('-')[0]);
    expect(kinds.indexOf('confirming')).toBeGreaterThan(kinds.lastIndexOf('timing'));
    expect(kinds.lastIndexOf('confirming')).toBeLessThan(kinds.indexOf('profiling'));
  });
});

describe('respawn and blame through the launcher', () => {
  const steady = (_task: string, n: number) => alternating(0, 0.001)(n);

  it('a crash fails the side it was running; the rest of its process runs again in a fresh one', async () => {
    const { by, launcher } = await run({
      tasks: ['first', 'crasher', 'last'],
      ratio: steady,
      fault: (launch, b) =>
        launch.name === 'timing-1-0' && b.key === key('crasher')
          ? { when: 'on', side: 'head', outcome: CRASH }
          : undefined,
    });
    const crasher = by('crasher');
    expect(crasher.errors.head).toMatch(/before it finished/);
    expect(crasher.errors.base).toBeUndefined();
    expect(crasher.infrastructureError).toBeUndefined();
    expect(crasher.sampling).toBeUndefined();
    // The first round's respawn holds only the benchmark the crash left unrun.
    const respawn = launcher.launches.find((l) => l.name === 'timing-1-1');
    expect(respawn?.keys).toEqual([key('last')]);
    // The crasher is never launched again, in any pass.
    const withCrasher = launcher.launches.filter(
      (l) => l.kind !== 'discover' && l.keys.includes(key('crasher')),
    );
    expect(withCrasher.map((l) => l.name)).toEqual(['timing-1-0']);
    // What the crashed process measured before the crash is kept; the others go on to the end.
    for (const task of ['first', 'last']) {
      expect(by(task).timings).toHaveLength(BUDGET.processes);
      expect(by(task).errors).toEqual({});
      expect(by(task).profiles.base).toHaveLength(BUDGET.profileProcesses);
      expect(by(task).allocations).toHaveLength(BUDGET.allocationProcesses);
    }
  });

  it('a hang is charged to the side it was on, with the watchdog’s words, and the others go on', async () => {
    const { by } = await run({
      tasks: ['hangs', 'fine'],
      ratio: steady,
      fault: (launch, b) =>
        launch.kind === 'profile' && b.key === key('hangs')
          ? { when: 'on', side: 'base', outcome: HANG }
          : undefined,
    });
    const hangs = by('hangs');
    expect(hangs.errors).toEqual({
      base: `timed out: no progress for ${(BUDGET.timeoutMs / 1000).toFixed(1)} s (budget.timeoutMs)`,
    });
    // It hung in the attribution pass: its timing stands, and it gets no profile or allocation pass.
    expect(hangs.timings).toHaveLength(BUDGET.processes);
    expect(hangs.profiles).toEqual({});
    expect(hangs.allocations).toBeUndefined();
    expect(by('fine').profiles.head).toHaveLength(BUDGET.profileProcesses);
    expect(by('fine').allocations).toHaveLength(BUDGET.allocationProcesses);
  });

  it('a crash outside any benchmark is the infrastructure’s: every benchmark left fails, charged to neither side', async () => {
    const { by, launcher } = await run({
      tasks: ['done first', 'pending', 'also pending'],
      ratio: steady,
      // The runner dies after its first benchmark reported, before it says it started the next.
      fault: (launch, b) =>
        launch.name === 'allocations-1-1-0' && b.key !== key('done first')
          ? { when: 'before', outcome: CRASH }
          : undefined,
    });
    for (const task of ['pending', 'also pending']) {
      expect(by(task).errors).toEqual({});
      expect(by(task).infrastructureError).toMatch(
        /^flamegate's benchmark runner failed outside any benchmark, a fault of flamegate or of this machine \(not of base or head\): the benchmark process/,
      );
      // Their timing and profiles, measured before, stand.
      expect(by(task).timings).toHaveLength(BUDGET.processes);
      expect(by(task).profiles.base).toHaveLength(BUDGET.profileProcesses);
    }
    expect(by('done first').infrastructureError).toBeUndefined();
    expect(by('done first').allocations).toHaveLength(1);
    // Nobody to blame: no fresh process is started for the rest.
    expect(launcher.launches.filter((l) => l.name.startsWith('allocations'))).toHaveLength(1);
  });

  it('a crash after its benchmark reported is not that benchmark’s: the next one had not started', async () => {
    const { by } = await run({
      tasks: ['reported', 'next'],
      ratio: steady,
      fault: (launch, b) =>
        launch.name === 'timing-2-0' && b.key === key('next') ? { when: 'before', outcome: HANG } : undefined,
    });
    expect(by('reported').errors).toEqual({});
    expect(by('reported').infrastructureError).toBeUndefined();
    expect(by('next').errors).toEqual({});
    expect(by('next').infrastructureError).toMatch(/outside any benchmark.*timed out: no progress/);
    // One timing process ran before the hang; it is not sampled further, nor profiled.
    expect(by('next').timings).toHaveLength(1);
    expect(by('next').sampling).toBeUndefined();
    expect(by('next').profiles).toEqual({});
  });
});

describe('the round scheduler and the deadline projection (pure)', () => {
  const plan = { minProcesses: 4, maxProcesses: 10, alpha: 0.05 };
  const view = (ratios: Record<string, number[]>, failed = new Set<string>()) => ({
    failed: (k: string) => failed.has(k),
    ratios: (k: string) => ratios[k] ?? [],
    threshold: () => 0.05,
  });

  it('runs every benchmark to the minimum, then only the unresolved ones to the next look', () => {
    const scheduler = new RoundScheduler(
      [
        { key: 'settled', paired: true },
        { key: 'open', paired: true },
        { key: 'one-sided', paired: false },
      ],
      plan,
    );
    const ratios: Record<string, number[]> = { settled: [], open: [] };
    for (let round = 0; round < 4; round++) {
      expect(scheduler.next(view(ratios)).pending).toEqual(['settled', 'open', 'one-sided']);
      scheduler.ran(['settled', 'open', 'one-sided'], 300);
      ratios.settled?.push(alternating(0, 0.001)(round));
      ratios.open?.push(alternating(0, 0.2)(round));
    }
    const fifth = scheduler.next(view(ratios));
    expect(fifth.pending).toEqual(['open']);
    expect(fifth.resolved).toBe(2);
    // Up to the next planned look (6): two more processes for `open`.
    expect(fifth.remaining).toBe(2);
    expect(scheduler.sampling('settled')).toEqual({ processes: 4, stoppedBy: 'resolved', wallMs: 400 });
    scheduler.stop(fifth.pending, 'maxMinutes');
    expect(scheduler.next(view(ratios)).pending).toEqual([]);
    expect(scheduler.sampling('open')?.stoppedBy).toBe('maxMinutes');
  });

  it('leaves a failed benchmark out of every round', () => {
    const scheduler = new RoundScheduler(
      [
        { key: 'a', paired: true },
        { key: 'b', paired: true },
      ],
      plan,
    );
    expect(scheduler.next(view({}, new Set(['a']))).pending).toEqual(['b']);
  });

  it('a round fits when it and the trailing passes end by the deadline', () => {
    const at = { now: 1000, pending: 3, perBenchmarkProcessMs: 100, trailingMs: 500 };
    expect(roundFits({ ...at, deadline: 1800 })).toBe(true);
    expect(roundFits({ ...at, deadline: 1799 })).toBe(false);
    expect(roundFits({ ...at, deadline: undefined })).toBe(true);
  });
});
