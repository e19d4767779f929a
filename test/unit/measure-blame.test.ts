// Who a crashed or hung benchmark process is charged to, and how a fault of flamegate or the machine
// travels through compare and report without ever failing the pull request. No processes.
import { describe, expect, it } from 'vitest';
import { compare } from '../../src/compare/compare.js';
import { blameUnfinished, hasFailed, infrastructureMessage } from '../../src/measure/blame.js';
import { infrastructureFailure } from '../../src/report/infrastructure.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { renderTerminal } from '../../src/report/terminal.js';
import { config, FILE, measurement, REV, timings } from './compare-fixtures.js';

describe('blameUnfinished', () => {
  it('charges the side the child said it was running, while that benchmark has not reported', () => {
    expect(blameUnfinished({ key: 'a > x', side: 'base' }, new Set())).toEqual({
      kind: 'side',
      key: 'a > x',
      side: 'base',
    });
    expect(blameUnfinished({ key: 'a > x', side: 'head' }, new Set(['a > w']))).toEqual({
      kind: 'side',
      key: 'a > x',
      side: 'head',
    });
  });

  it('charges neither side when the child announced nothing (the runner died before any benchmark)', () => {
    expect(blameUnfinished(undefined, new Set())).toEqual({ kind: 'infrastructure' });
  });

  it('charges neither side when the announced benchmark had already reported (died between benchmarks)', () => {
    expect(blameUnfinished({ key: 'a > x', side: 'head' }, new Set(['a > x']))).toEqual({
      kind: 'infrastructure',
    });
  });

  it('a benchmark with a side error or an infrastructure error is not run again', () => {
    expect(hasFailed(measurement('x', []))).toBe(false);
    expect(hasFailed(measurement('x', [], { errors: { base: 'boom' } }))).toBe(true);
    expect(hasFailed(measurement('x', [], { infrastructureError: 'runner died' }))).toBe(true);
  });
});

describe('an infrastructure error through compare and report', () => {
  const why = infrastructureMessage('the benchmark process exited unexpectedly (code 70)\nNo native build');
  const report = compare({
    measurements: [
      measurement('stopped one', [], { infrastructureError: why }),
      measurement('stopped two', [], { infrastructureError: why }),
      measurement('kept', timings(3, 0)),
    ],
    cpuTables: {},
    config: config(),
    ...REV,
  });

  it('fails the benchmark as nobody\'s fault: no failure line, no "fails on head"', () => {
    expect(report.benchmarks.map((b) => [b.name, b.status, b.infrastructure])).toEqual([
      ['stopped one', 'failed', true],
      ['stopped two', 'failed', true],
      ['kept', 'unchanged', undefined],
    ]);
    expect(report.failures).toEqual([]);
    expect(report.verdict).toBe('pass');
    expect(JSON.stringify(report)).not.toContain('fails on head');
  });

  it('lists each distinct fault once, with the benchmarks it stopped', () => {
    expect(report.infrastructureErrors).toEqual([
      `${why}\n(stopped 2 benchmarks: ${FILE} > stopped one, ${FILE} > stopped two)`,
    ]);
    expect(infrastructureFailure(report)).toMatch(
      /^infrastructure error: 2 benchmarks could not be measured because of a fault of flamegate or of this machine, not of the pull request/,
    );
    expect(infrastructureFailure({ ...report, infrastructureErrors: undefined })).toBeUndefined();
  });

  it('the comment and the terminal say so instead of a pass', () => {
    const markdown = renderMarkdown(report);
    expect(markdown).toMatch(/^### ⚠️ flamegate: infrastructure error/);
    expect(markdown).toContain('> [!WARNING]\n> flamegate infrastructure error: 2 benchmarks');
    expect(renderTerminal(report, { color: false })).toContain('Verdict: NONE (infrastructure error');
  });

  it('a side error is still charged to its side', () => {
    const blamed = compare({
      measurements: [measurement('broke', [], { errors: { head: 'TypeError: x is undefined' } })],
      cpuTables: {},
      config: config(),
      ...REV,
    });
    expect(blamed.failures).toEqual([
      `${FILE} > broke: fails on head (it passed on base): TypeError: x is undefined`,
    ]);
    expect(blamed.infrastructureErrors).toBeUndefined();
  });
});
