// What sequential sampling adds to the comment and the terminal: the run's spend and savings in the
// header, the resolution of every benchmark (folded), the confirmation of a regression, and the
// budget that would resolve an unresolved benchmark.
import { describe, expect, it } from 'vitest';
import type { BenchmarkResult } from '../../src/model.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { renderTerminal } from '../../src/report/terminal.js';
import { bench, report } from './compare-fixtures.js';

const slow: BenchmarkResult = {
  ...bench('slow', 'regressed', 0.2),
  resolution: 0.01,
  processes: 4,
  stoppedBy: 'resolved',
  confirmation: { change: 0.19, ci: [0.17, 0.21], processes: 4, confirmed: true },
};
const dropped: BenchmarkResult = {
  ...bench('blip', 'unchanged', 0.08),
  resolution: 0.03,
  processes: 6,
  stoppedBy: 'resolved',
  confirmation: { change: 0.001, ci: [-0.01, 0.012], processes: 4, confirmed: false },
};
const open: BenchmarkResult = {
  ...bench('noisy', 'unchanged', 0.01),
  ci: [-0.04, 0.06],
  inconclusive: true,
  resolution: 0.05,
  processes: 16,
  stoppedBy: 'maxProcesses',
  neededProcesses: 40,
};
const r = {
  ...report([slow, dropped, open], [], 'fail'),
  settings: { processes: 4, timePerProcessMs: 300, profileMs: 500, node: 'v20.19.0', maxProcesses: 16 },
  sampling: {
    processes: 42,
    confirmProcesses: 8,
    maxProcesses: 48,
    seconds: 61,
    savedSeconds: 25,
    resolved: 2,
    unresolved: 1,
    alphaPerLook: 0.0125,
    harnessFloorNs: 0.8,
  },
};

describe('sequential sampling in the report', () => {
  it('puts spend and savings in the comment header, resolution folded, confirmation in the status', () => {
    const md = renderMarkdown(r);
    const header = md.split('\n\n').slice(0, 4).join('\n\n');
    expect(header).toContain(
      'Sampling: 34 of at most 48 benchmark-processes (+8 confirming), 1 min 01 s; stopping early saved about 25 s',
    );
    expect(header).toContain('harness floor 0.8 ns/op');
    expect(md).toMatch(
      /<details><summary>Resolution: the smallest change each benchmark could show \(1 unresolved\)/,
    );
    expect(md).toMatch(/\|\s+±1\.0% \|/);
    expect(md).toContain('🔴 regressed · confirmed');
    expect(md).toContain('⚪ unchanged · not confirmed');
    // The setting as it is, then what would resolve it: never the needed count next to the key alone.
    expect(md).toContain(
      'unresolved at 5.0%: budget.maxProcesses (16) ran out after 16 processes; about 40 processes would resolve it, with budget.maxProcesses raised from 16 to 40',
    );
    expect(md).not.toMatch(/budget\.maxProcesses: 40/);
    expect(md).toContain('first verdict regressed, not confirmed: +0.1%');
    expect(md).toMatch(
      /^### .* · 3 benchmarks: 1 regressed, 1 unchanged, 1 too noisy to resolve the threshold$/m,
    );
    const two = { ...r, benchmarks: [...r.benchmarks, { ...open, name: 'noisy too' }] };
    expect(renderMarkdown(two)).toMatch(
      /^### .* · 4 benchmarks: 1 regressed, 1 unchanged, 2 too noisy to resolve the threshold$/m,
    );
  });

  it('says a change on the threshold is the answer, not a bigger budget', () => {
    const onThreshold: BenchmarkResult = {
      ...bench('edge', 'unchanged', 0.049),
      ci: [0.041, 0.057],
      inconclusive: true,
      resolution: 0.008,
      processes: 10,
      stoppedBy: 'maxProcesses',
    };
    const md = renderMarkdown({ ...report([onThreshold], [], 'pass') });
    expect(md).toContain(
      'unresolved at 5.0%: the change, +4.9% (±0.8%), sits too close to the threshold for more processes to say which side it is on',
    );
    expect(md).not.toContain('processes would resolve it');
  });

  it('does not call a confirmed regression unresolved, though its interval still reaches the threshold', () => {
    const confirmed: BenchmarkResult = {
      ...bench('load', 'regressed', 0.039),
      ci: [0.011, 0.068],
      inconclusive: true,
      resolution: 0.028,
      processes: 10,
      stoppedBy: 'maxProcesses',
      neededProcesses: 19,
      confirmation: { change: 0.045, ci: [0.027, 0.064], processes: 10, confirmed: true },
    };
    const md = renderMarkdown({ ...report([confirmed], [], 'fail') });
    expect(md).toContain('confirmed: +4.5%');
    expect(md).not.toContain('unresolved at');
    expect(renderTerminal({ ...report([confirmed], [], 'fail') })).not.toContain('unresolved at');
  });

  it('shows resolution, processes, confirmation and the needed budget in the terminal', () => {
    const plain = renderTerminal(r);
    expect(plain).toMatch(/> slow .*±1\.0%\s+4\s+regressed/);
    expect(plain).toContain('    confirmed: +19.0% (+17.0% … +21.0%) in 4 fresh processes');
    expect(plain).toContain(
      '    unresolved at 5.0%: budget.maxProcesses (16) ran out after 16 processes; about 40 processes would resolve it',
    );
    expect(plain).toContain('Sampling: 34 of at most 48 benchmark-processes (+8 confirming)');
  });
});
