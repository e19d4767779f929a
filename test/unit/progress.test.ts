// The progress a person reads: on a non-TTY (a CI log), one plain line per process round with the
// time left; the Action writes the same lines.
import { describe, expect, it } from 'vitest';
import { createProgress } from '../../src/cli/progress.js';
import type { MeasureStatus } from '../../src/model.js';
import { progressLine } from '../../src/report/progress.js';

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
      '  [confirming 1] 9/12 benchmark-processes · 1 regression(s) being confirmed · about 12 s left',
      '  [profiling] 12/12 benchmark-processes · attribution pass · about 8 s left',
    ]);
  });

  it('is the line the Action logs', () => {
    expect(progressLine(status({ round: 2, secondsLeft: 3725 }))).toBe(
      '[timing 3] 0/8 benchmark-processes · 2 sampling, 0 resolved · about 1 h 02 min left',
    );
  });
});
