// What a run left out for time and what it actually ran, as a reader sees them: the verdict's first
// line counts the benchmarks budget.maxMinutes left out (a warning, never a silent pass), the comment
// folds their names with why, a saved report keeps them, and the footer states the processes and
// profile times that ran, not the budget's.
import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/model.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { parseReport } from '../../src/report/schema.js';
import { renderTerminal } from '../../src/report/terminal.js';
import { whatRan } from '../../src/report/what-ran.js';
import { bench, FILE, report } from './compare-fixtures.js';

const REASON =
  'budget.maxMinutes (3 min) holds 2 of 5 benchmarks at the minimum 4 timing processes: about 12 s each with profiling, 40 s left after install and discovery';

function leftOutReport(): Report {
  const r = report([
    { ...bench('a', 'unchanged'), processes: 4 },
    { ...bench('b', 'unchanged'), processes: 7 },
  ]);
  r.leftOut = ['c', 'd', 'e'].map((name) => ({ name, file: FILE, reason: REASON }));
  r.settings = { ...(r.settings as NonNullable<Report['settings']>), maxProcesses: 10, profileMs: 500 };
  r.profiles = { [`${FILE} > a`]: { base: 'profiles/a/base.pb.gz', head: 'profiles/a/head.pb.gz' } };
  r.sampling = {
    processes: 11,
    maxProcesses: 20,
    seconds: 30,
    savedSeconds: 0,
    resolved: 1,
    unresolved: 1,
    alphaPerLook: 0.01,
    trailing: { profileMs: 170, allocationMs: 68 },
  };
  return r;
}

describe('benchmarks left out for time', () => {
  it('are counted on the verdict line, a warning and not a plain pass', () => {
    const md = renderMarkdown(leftOutReport());
    expect(md).toContain(
      '### ⚠️ flamegate: pass, 3 benchmarks left out for time (budget.maxMinutes) · 2 benchmarks, all unchanged',
    );
    const terminal = renderTerminal(leftOutReport(), { color: false });
    expect(terminal).toContain('Verdict: PASS · 3 benchmarks left out for time (budget.maxMinutes)');
    expect(terminal).toContain(`  3 benchmarks left out: ${REASON}`);
  });

  it('are listed folded in the comment, with why', () => {
    const md = renderMarkdown(leftOutReport());
    const section = md.slice(md.indexOf('<details><summary>⏱️'));
    expect(section).toMatch(
      /^<details><summary>⏱️ 3 benchmarks left out for time: not measured, in no verdict<\/summary>/,
    );
    expect(section).toContain(`- ${REASON}`);
    expect(section).toContain(`\`${FILE} > c\`, \`${FILE} > d\`, \`${FILE} > e\``);
  });

  it('show at most 50 names and 3 reasons, however many a saved report holds', () => {
    const r = leftOutReport();
    r.leftOut = Array.from({ length: 500 }, (_, i) => ({
      name: `t${i}`,
      file: FILE,
      reason: `reason ${i % 10}`,
    }));
    const md = renderMarkdown(r);
    expect(md).toContain(`\`${FILE} > t49\`, … and 450 more (the JSON report lists them all)`);
    expect(md).not.toContain(`${FILE} > t50\``);
    expect(md).toContain('- 50: reason 0\n- 50: reason 1\n- 50: reason 2\n- … and 7 other reasons');
  });

  it('survive a saved report read back (post-only mode)', () => {
    const back = parseReport(JSON.stringify(leftOutReport()), 'report.json');
    expect(back.leftOut).toEqual(leftOutReport().leftOut);
    expect(back.settings?.allocationMs).toBeUndefined();
    expect(() =>
      parseReport(
        JSON.stringify({ ...leftOutReport(), leftOut: [{ name: 'x', file: 1, reason: 'r' }] }),
        'report.json',
      ),
    ).toThrow(/field "leftOut\[0\]\.file"/);
  });

  it('leave a run without them as it was', () => {
    const r = leftOutReport();
    delete r.leftOut;
    expect(renderMarkdown(r)).toContain('### ✅ flamegate: pass · 2 benchmarks, all unchanged');
    expect(renderMarkdown(r)).not.toContain('left out for time');
  });
});

describe('the footer states what was run', () => {
  it('the processes the measured benchmarks got, and profile times with the cut shown', () => {
    expect(whatRan(leftOutReport())).toBe(
      '4–7 timing processes × 2000 ms per side, profiles 170 ms per side (cut from 500 ms by budget.maxMinutes), v20.19.0',
    );
    expect(renderMarkdown(leftOutReport())).toContain(
      'Measured with 4–7 timing processes × 2000 ms per side, profiles 170 ms per side (cut from 500 ms by budget.maxMinutes), v20.19.0.',
    );
    const uncut = leftOutReport();
    delete uncut.sampling?.trailing;
    expect(whatRan(uncut)).toBe(
      '4–7 timing processes × 2000 ms per side, profiles 500 ms per side, v20.19.0',
    );
  });

  it('allocation samples when the allocation pass ran', () => {
    const r = leftOutReport();
    r.settings = { ...(r.settings as NonNullable<Report['settings']>), allocationMs: 200 };
    r.benchmarks[0] = {
      ...(r.benchmarks[0] as Report['benchmarks'][number]),
      memory: {
        baseBytesPerOp: 10,
        headBytesPerOp: 10,
        change: 0,
        ci: [0, 0],
        status: 'unchanged',
        processes: 3,
      } as never,
    };
    expect(whatRan(r)).toContain('allocation samples 68 ms per side (cut from 200 ms by budget.maxMinutes)');
  });

  it('the allocation pass cut to the first benchmarks measured, its times left whole', () => {
    const r = leftOutReport();
    r.settings = { ...(r.settings as NonNullable<Report['settings']>), allocationMs: 200 };
    r.benchmarks[0] = {
      ...(r.benchmarks[0] as Report['benchmarks'][number]),
      memory: {
        baseBytesPerOp: 10,
        headBytesPerOp: 10,
        change: 0,
        ci: [0, 0],
        status: 'unchanged',
        processes: 3,
      } as never,
    };
    (r.sampling as NonNullable<Report['sampling']>).trailing = {
      profileMs: 500,
      allocationMs: 200,
      allocated: 1,
      allocatable: 2,
    };
    expect(whatRan(r)).toBe(
      '4–7 timing processes × 2000 ms per side, profiles 500 ms per side, allocation samples 200 ms per side for 1 of 2 benchmarks (budget.maxMinutes), v20.19.0',
    );
    const md = renderMarkdown(r);
    // Nothing was cut but the count: no "cut profiles" claim.
    expect(md).not.toContain('cut profiles');
    expect(md).toContain(
      'budget.maxMinutes left time for the allocation pass on 1 of 2 benchmarks, the first measured',
    );
    // A saved report with the counts reads back.
    const saved = leftOutReport();
    saved.sampling = r.sampling;
    expect(parseReport(JSON.stringify(saved), 'r.json').sampling?.trailing).toEqual({
      profileMs: 500,
      allocationMs: 200,
      allocated: 1,
      allocatable: 2,
    });
  });

  it('nothing about processes when nothing was measured', () => {
    const r = report([{ ...bench('a', 'failed'), error: 'base: broke' }]);
    expect(whatRan(r)).toBe('v20.19.0');
    expect(renderMarkdown(r)).not.toContain('timing processes');
  });
});
