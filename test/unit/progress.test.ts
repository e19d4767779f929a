// The progress a person reads: on a non-TTY (a CI log), one plain line per process round with the
// time left, and something at least every 10 s; the Action writes the same lines.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createProgress } from '../../src/cli/progress.js';
import type { MeasureStatus } from '../../src/model.js';
import { etaText, heartbeatLine, progressLine, secondsLeftAfter } from '../../src/report/progress.js';

const status = (patch: Partial<MeasureStatus>): MeasureStatus => ({
  phase: 'timing',
  round: 0,
  done: 0,
  total: 8,
  sampling: 2,
  resolved: 0,
  secondsLeft: 95,
  ...patch,
});

describe('progress on a non-TTY', () => {
  it('writes one plain line per round, with the time left and no control characters', () => {
    const written: string[] = [];
    const progress = createProgress({ isTTY: false, write: (t: string) => written.push(t) });
    progress.line('installing base 1234567: npm ci');
    progress.update(status({ round: 0, done: 0, total: 8 }));
    progress.update(status({ round: 1, done: 2, total: 8 }));
    progress.update(status({ round: 4, done: 8, total: 12, sampling: 1, resolved: 1, secondsLeft: 20 }));
    progress.update(
      status({ phase: 'confirming', round: 0, done: 9, total: 12, sampling: 1, secondsLeft: 12 }),
    );
    progress.update(status({ phase: 'profiling', done: 12, total: 12, secondsLeft: 8 }));
    progress.stop();
    const text = written.join('');
    expect(text.includes(String.fromCharCode(27))).toBe(false);
    expect(text.includes('\r')).toBe(false);
    const lines = text.trimEnd().split('\n');
    expect(lines).toEqual([
      '  installing base 1234567: npm ci',
      '  [timing 1] 0/8 benchmark-processes · 2 sampling, 0 resolved · about 1 min 35 s left',
      '  [timing 2] 2/8 benchmark-processes · 2 sampling, 0 resolved · about 1 min 35 s left',
      '  [timing 5] 8/12 benchmark-processes · 1 sampling, 1 resolved · about 20 s left',
      '  [confirming 1] 9/12 benchmark-processes · 1 change being confirmed · about 12 s left',
      '  [profiling] 12/12 benchmark-processes · attribution pass · about 8 s left',
    ]);
  });

  it('is the line the Action logs', () => {
    expect(progressLine(status({ round: 2, secondsLeft: 3725 }))).toBe(
      '[timing 3] 0/8 benchmark-processes · 2 sampling, 0 resolved · about 1 h 02 min left',
    );
  });
});

describe('the time left', () => {
  it('counts down with the clock from the last estimate, to zero at the least', () => {
    expect(secondsLeftAfter(95, 0)).toBe(95);
    expect(secondsLeftAfter(95, 30_000)).toBe(65);
    expect(secondsLeftAfter(95, 95_000)).toBe(0);
    expect(secondsLeftAfter(95, 500_000)).toBe(0);
    expect(etaText(65)).toBe('about 1 min 05 s left');
    // An estimate that ran out says so rather than "about 0 s left".
    expect(etaText(0)).toBe('past its estimate, finishing');
  });

  it('names the step, how long it has run, the whole run, and the time left when known', () => {
    expect(heartbeatLine({ what: 'installing on head: npm ci', stepMs: 30_000, runMs: 65_000 })).toBe(
      '… installing on head: npm ci · 30 s in this step · 1 min 05 s since start',
    );
    // Before discovery there is no estimate; once the config is read, when budget.maxMinutes runs out.
    const install = { what: 'installing on head: npm ci', stepMs: 30_000, runMs: 65_000 };
    expect(heartbeatLine({ ...install, budgetSecondsLeft: 115 })).toBe(
      '… installing on head: npm ci · 30 s in this step · 1 min 05 s since start · budget.maxMinutes runs out in 1 min 55 s',
    );
    expect(heartbeatLine({ ...install, budgetSecondsLeft: -20 })).toBe(
      '… installing on head: npm ci · 30 s in this step · 1 min 05 s since start · budget.maxMinutes ran out 20 s ago',
    );
    // An estimate, once there is one, is the time left.
    expect(heartbeatLine({ ...install, budgetSecondsLeft: 115, secondsLeft: 40 })).toMatch(
      / · about 40 s left$/,
    );
    expect(
      heartbeatLine({
        what: '[timing 1] 12/4504 benchmark-processes · 1126 sampling, 0 resolved',
        stepMs: 12_000,
        runMs: 140_000,
        secondsLeft: 40,
      }),
    ).toBe(
      '… [timing 1] 12/4504 benchmark-processes · 1126 sampling, 0 resolved · 12 s in this step · 2 min 20 s since start · about 40 s left',
    );
  });
});

describe('the heartbeat', () => {
  afterEach(() => vi.useRealTimers());

  it('prints something at least every 10 s, statuses of a running round included, never after stop', () => {
    vi.useFakeTimers({ now: 0 });
    const written: { at: number; text: string }[] = [];
    const progress = createProgress({
      isTTY: false,
      write: (text: string) => written.push({ at: Date.now(), text: text.trimEnd() }),
    });
    const advance = (ms: number) => vi.advanceTimersByTime(ms);
    progress.line('installing on base: npm ci');
    progress.deadline(180_000);
    advance(25_000);
    progress.update(status({ round: 0, done: 0, total: 8, secondsLeft: 60 }));
    advance(3_000);
    // Within the round: kept, not printed (a thousand benchmarks are a thousand statuses)…
    progress.update(status({ round: 0, done: 3, total: 8, secondsLeft: 50 }));
    const before = written.length;
    advance(1_000);
    expect(written.length).toBe(before);
    // …until 10 s passed with nothing printed: then the latest, its estimate counted down.
    advance(9_000);
    progress.stop();
    advance(30_000);
    expect(written.map((w) => `${w.at / 1000} ${w.text}`)).toEqual([
      '0   installing on base: npm ci',
      '10   … installing on base: npm ci · 10 s in this step · 10 s since start · budget.maxMinutes runs out in 2 min 50 s',
      '20   … installing on base: npm ci · 20 s in this step · 20 s since start · budget.maxMinutes runs out in 2 min 40 s',
      '25   [timing 1] 0/8 benchmark-processes · 2 sampling, 0 resolved · about 1 min left',
      '35   [timing 1] 3/8 benchmark-processes · 2 sampling, 0 resolved · about 43 s left',
    ]);
    const gaps = written.slice(1).map((w, i) => w.at - (written[i]?.at ?? 0));
    expect(Math.max(...gaps)).toBeLessThanOrEqual(10_000);
  });

  it('writes nothing to a closed stream', () => {
    vi.useFakeTimers();
    const written: string[] = [];
    const stream = { isTTY: false, writable: true, write: (t: string) => written.push(t) };
    const progress = createProgress(stream);
    progress.line('installing on base: npm ci');
    stream.writable = false;
    vi.advanceTimersByTime(60_000);
    progress.line('building');
    progress.stop();
    expect(written).toEqual(['  installing on base: npm ci\n']);
  });
});

describe('the heartbeat on a terminal', () => {
  afterEach(() => vi.useRealTimers());

  it('keeps quiet while the bar is drawn, and beats again once a step line ended it', () => {
    vi.useFakeTimers({ now: 0 });
    const written: string[] = [];
    const stream = {
      isTTY: true,
      columns: 200,
      write: (t: string) => written.push(t),
      cursorTo: () => true,
      clearLine: () => true,
      moveCursor: () => true,
      on: () => stream,
      removeListener: () => stream,
    };
    const progress = createProgress(stream);
    progress.update(status({ round: 0, done: 0, total: 8 }));
    vi.advanceTimersByTime(30_000);
    expect(written.join('')).not.toContain('in this step');
    progress.line('reading the profiles and comparing base with head');
    vi.advanceTimersByTime(11_000);
    progress.stop();
    expect(written.join('')).toContain(
      '… reading the profiles and comparing base with head · 10 s in this step · 40 s since start',
    );
  });
});
