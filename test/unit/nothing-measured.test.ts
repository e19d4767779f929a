// Never pass what was not measured: a run with no benchmark timed on both sides is no verdict (exit 2,
// or a warning with `thresholds.failed: warn`), and benchmarks that failed on both sides are named on
// the verdict's first line.
import { describe, expect, it } from 'vitest';
import { compare } from '../../src/compare/compare.js';
import { DEFAULT_BUDGET, parseConfig } from '../../src/config/config.js';
import { mergeShards } from '../../src/merge/merge.js';
import type { BenchmarkMeasurement, Config, Report } from '../../src/model.js';
import { exitCodeOf, noVerdict } from '../../src/report/infrastructure.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { renderTerminal } from '../../src/report/terminal.js';
import { selectShard } from '../../src/shard/select.js';
import { config, measurement, REV, timings } from './compare-fixtures.js';

const LOAD_ERROR =
  "Error: Cannot find package 'tinybench'\n    at resolve (node:internal/modules/esm/resolve:1:1)";
const failedOnBoth = (name: string) =>
  measurement(name, [], { errors: { base: LOAD_ERROR, head: LOAD_ERROR } });

function run(measurements: BenchmarkMeasurement[], patch: Partial<Config> = {}): Report {
  return compare({ measurements, cpuTables: {}, config: config(patch), ...REV });
}

/** The verdict's line: the comment's first line, the terminal's `Verdict:` line. */
function verdictLines(report: Report): { comment: string; terminal: string } {
  return {
    comment: renderMarkdown(report).split('\n')[0] ?? '',
    terminal:
      renderTerminal(report)
        .split('\n')
        .find((l) => l.startsWith('Verdict:')) ?? '',
  };
}

function exitCode(report: Report): { code: number; stderr: string } {
  let stderr = '';
  const code = exitCodeOf(report, (line) => {
    stderr += line;
  });
  return { code, stderr };
}

describe('some benchmarks failed on both sides', () => {
  it('the verdict says so in its first line, and the run still passes on what was measured', () => {
    const report = run([measurement('timed', timings(3, 0)), failedOnBoth('broken')]);
    expect(report.measured).toEqual({ both: 1, failedOnBoth: 1, onNothing: 'error' });
    expect(report.nothingMeasured).toBeUndefined();
    const { comment, terminal } = verdictLines(report);
    expect(comment).toBe(
      '### ⚠️ flamegate: pass, 1 benchmark failed on both sides and was not measured · 2 benchmarks: 1 failed, 1 unchanged',
    );
    expect(terminal).toBe('Verdict: PASS · 1 benchmark failed on both sides and was not measured');
    expect(exitCode(report).code).toBe(0);
  });

  it('with a regression too, the first line is a fail that still names them', () => {
    const report = run([measurement('slower', timings(7, 0.2)), failedOnBoth('broken')]);
    expect(report.verdict).toBe('fail');
    expect(verdictLines(report).comment).toMatch(
      /^### ❌ flamegate: fail, 1 benchmark failed on both sides and was not measured · \d+ benchmarks: 1 regressed/,
    );
    expect(exitCode(report).code).toBe(1);
  });
});

describe('nothing measured on both sides', () => {
  it('is an error: exit 2, the comment and the terminal say what failed and why', () => {
    const report = run([failedOnBoth('a'), failedOnBoth('b')]);
    expect(report.verdict).toBe('pass');
    expect(report.measured).toEqual({ both: 0, failedOnBoth: 2, onNothing: 'error' });
    // One distinct error is named once, with a benchmark it stopped.
    expect(report.nothingMeasured).toBe(
      'nothing was measured on both sides, so this run is no verdict on the pull request: 2 benchmarks ' +
        "failed on both base and head (not this pull request's doing). Errors: bench/a.bench.js > a: " +
        "Error: Cannot find package 'tinybench'.",
    );
    const { code, stderr } = exitCode(report);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^flamegate: error: nothing was measured on both sides/);
    expect(noVerdict(report)).toContain("Cannot find package 'tinybench'");
    const { comment, terminal } = verdictLines(report);
    expect(comment).toBe(
      '### ⛔ flamegate: error, nothing was measured on both sides · 2 benchmarks, all failed',
    );
    expect(terminal).toMatch(/^Verdict: ERROR \(nothing was measured on both sides, see below\)/);
    expect(renderMarkdown(report)).toMatch(/> \[!CAUTION\]\n> flamegate error: nothing was measured/);
    expect(renderTerminal(report)).toContain(
      "Errors: bench/a.bench.js > a: Error: Cannot find package 'tinybench'",
    );
  });

  it('passes with a warning under `thresholds.failed: warn`', () => {
    const report = run([failedOnBoth('a')], { thresholds: { ...config().thresholds, failed: 'warn' } });
    expect(report.measured?.onNothing).toBe('warn');
    expect(noVerdict(report)).toBeUndefined();
    const { code, stderr } = exitCode(report);
    expect(code).toBe(0);
    expect(stderr).toMatch(
      /^flamegate: warning: nothing was measured on both sides.*`thresholds\.failed: warn`/,
    );
    const { comment, terminal } = verdictLines(report);
    expect(comment).toMatch(/^### ⚠️ flamegate: pass, warning: nothing was measured on both sides · /);
    expect(terminal).toBe('Verdict: PASS · warning: nothing was measured on both sides');
  });

  it('names the cause: no benchmark at all, or only benchmarks on one side', () => {
    const none = run([]);
    expect(none.nothingMeasured).toMatch(
      /the benchmark files define no benchmark, or an override skips every one/,
    );
    expect(exitCode(none).code).toBe(2);
    const skipped = run([measurement('x', timings(1, 0))], {
      overrides: [{ match: '*', thresholds: {}, skip: true }],
    });
    expect(skipped.nothingMeasured).toMatch(/an override skips every one/);
    const added = run([
      measurement('new', [], {
        present: { base: false, head: true },
        soloTimings: [{ side: 'head', timing: { ops: 10, totalNs: 1000 } }],
      }),
    ]);
    expect(added.nothingMeasured).toMatch(
      /: 1 exist only on head, with nothing on base to compare them with\.$/,
    );
    expect(exitCode(added).code).toBe(2);
  });

  it('leaves the verdict to a benchmark the pull request broke, and the message to an infrastructure error', () => {
    // It passed on base and fails on head: the gate failed, exit 1, as before.
    const broken = run([measurement('x', [], { errors: { head: 'Error: boom' } })]);
    expect(broken.verdict).toBe('fail');
    expect(broken.nothingMeasured).toBeUndefined();
    expect(exitCode(broken).code).toBe(1);
    // flamegate's own fault stopped everything: its message alone, never "what to fix" in the repository.
    const infrastructure = run([
      measurement('x', [], { infrastructureError: 'the profiler failed to load' }),
    ]);
    expect(infrastructure.nothingMeasured).toBeUndefined();
    expect(exitCode(infrastructure).stderr).toMatch(/^flamegate: infrastructure error/);
  });
});

describe('shards', () => {
  it('decides on the merged run: a shard that measured nothing is no error, the run that did is', () => {
    const found = ['a', 'b', 'c'].map((name) => ({
      ...failedOnBoth(name),
      id: { file: `bench/${name}.bench.js`, name },
    }));
    const measuredOnly = (timed: string[]) =>
      [1, 2].map((index) => {
        const plan = selectShard({ measurements: found, budget: DEFAULT_BUDGET, spec: { index, count: 2 } });
        const measurements = plan.selected.map((m) =>
          timed.includes(m.id.name) ? { ...m, errors: {}, timings: timings(5, 0) } : m,
        );
        const report = compare({ measurements, cpuTables: {}, config: config(), ...REV, partial: true });
        expect(report.nothingMeasured).toBeUndefined();
        return {
          dir: `/out/shard-${index}`,
          report: { ...report, configFingerprint: 'cfg', shard: plan.info },
          stacks: {},
          slugs: {},
        };
      });
    const nothing = mergeShards(measuredOnly([])).report;
    expect(nothing.measured).toEqual({ both: 0, failedOnBoth: 3, onNothing: 'error' });
    expect(nothing.nothingMeasured).toMatch(/^nothing was measured on both sides/);
    expect(exitCode(nothing).code).toBe(2);
    const one = mergeShards(measuredOnly(['c'])).report;
    expect(one.measured).toEqual({ both: 1, failedOnBoth: 2, onNothing: 'error' });
    expect(one.nothingMeasured).toBeUndefined();
    expect(verdictLines(one).comment).toMatch(/^### ⚠️ flamegate: pass, 2 benchmarks failed on both sides/);
  });
});

describe('thresholds.failed in .github/flamegate.yml', () => {
  it('is error by default, takes warn, and names the allowed values of anything else', () => {
    expect(parseConfig('', 'f.yml').thresholds.failed).toBeUndefined();
    expect(parseConfig('thresholds:\n  failed: warn\n', 'f.yml').thresholds.failed).toBe('warn');
    expect(parseConfig('thresholds:\n  failed: error\n', 'f.yml').thresholds.failed).toBe('error');
    expect(() => parseConfig('thresholds:\n  failed: ignore\n', 'f.yml')).toThrow(
      /"thresholds\.failed" = "ignore": must be one of "error", "warn"/,
    );
    // About the whole run, so not per benchmark.
    expect(() =>
      parseConfig('overrides:\n  - match: "x"\n    thresholds: { failed: warn }\n', 'f.yml'),
    ).toThrow(/unknown key "overrides\[0\]\.thresholds\.failed"/);
  });
});
