import { describe, expect, it } from 'vitest';
import type { BenchmarkResult, FunctionResult, Report } from '../../src/model.js';
import { formatNs, formatPercent } from '../../src/report/format.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { renderTerminal } from '../../src/report/terminal.js';

const SHA = { base: 'a'.repeat(40), head: 'b'.repeat(40) };

function bench(name: string, status: BenchmarkResult['status'], change = 0): BenchmarkResult {
  return {
    name,
    file: 'bench/a.bench.js',
    status,
    base: { meanNs: 1000, samples: 100 },
    head: { meanNs: 1000 * (1 + change), samples: 100 },
    change,
    ci: [change - 0.01, change + 0.01],
    threshold: 0.05,
  };
}

function fnRow(
  benchmark: string,
  name: string,
  delta: number,
  extra: Partial<FunctionResult> = {},
): FunctionResult {
  return {
    benchmark,
    name,
    file: 'src/lib.js',
    line: 12,
    baseSelfNsPerOp: 100,
    headSelfNsPerOp: 100 + delta,
    deltaNsPerOp: delta,
    change: delta / 100,
    status: delta > 0 ? 'regressed' : 'improved',
    kind: 'user',
    shareOfBenchmark: delta / 1000,
    ...extra,
  };
}

function report(
  benchmarks: BenchmarkResult[],
  functions: FunctionResult[] = [],
  verdict: Report['verdict'] = 'pass',
): Report {
  return {
    schemaVersion: 1,
    verdict,
    base: { ref: 'main', sha: SHA.base },
    head: { ref: 'HEAD', sha: SHA.head },
    benchmarks,
    functions,
    failures: verdict === 'fail' ? ['bench/a.bench.js > slow: 20.0% slower'] : [],
  };
}

describe('markdown comment', () => {
  const r = report(
    [bench('slow', 'regressed', 0.2), bench('same', 'unchanged'), bench('same too', 'unchanged')],
    [
      fnRow('bench/a.bench.js > slow', 'hotLoop', 200, { gate: true }),
      fnRow('bench/a.bench.js > slow', 'get', 50, {
        kind: 'dependency',
        package: 'lodash',
        file: 'node_modules/lodash/get.js',
      }),
    ],
    'fail',
  );

  it('leads with the verdict (after the marker) and folds unchanged benchmarks', () => {
    const md = renderMarkdown(r, { marker: '<!-- flamegate:k -->' });
    const lines = md.split('\n').filter((l) => l.trim() !== '');
    expect(lines[0]).toBe('<!-- flamegate:k -->');
    expect(lines[1]).toMatch(/^### ❌ flamegate: fail · 1 regressed/);
    expect(md).toMatch(/<details><summary>2 unchanged benchmark\(s\)<\/summary>/);
    const mainTable = md.slice(0, md.indexOf('<details><summary>2 unchanged'));
    expect(mainTable).toContain('slow');
    expect(mainTable).not.toContain('same too');
    expect(md).toContain('`hotLoop` ⛔');
  });

  it('links commits and user functions to the head commit, but not dependencies', () => {
    const md = renderMarkdown(r, { links: { repoUrl: 'https://github.com/acme/w' } });
    expect(md).toContain(`[\`${SHA.head.slice(0, 7)}\`](https://github.com/acme/w/commit/${SHA.head})`);
    expect(md).toContain(`(https://github.com/acme/w/blob/${SHA.head}/src/lib.js#L12)`);
    expect(md).not.toContain('node_modules/lodash/get.js#L');
    expect(md).toMatch(/\| lodash\s+\|/);
  });

  it('escapes names that would break a table', () => {
    const md = renderMarkdown(report([bench('a|b <script>', 'regressed', 0.2)], [], 'fail'));
    expect(md).toContain('a\\|b &lt;script&gt;');
    expect(md).not.toContain('<script>');
  });

  it('inserts a section per benchmark', () => {
    const md = renderMarkdown(r, { sections: { 'bench/a.bench.js > slow': 'FLAME-SECTION' } });
    expect(md).toContain('FLAME-SECTION');
    expect(md.indexOf('FLAME-SECTION')).toBeGreaterThan(md.indexOf('hotLoop'));
  });

  it('stays under the comment limit with 2,000 benchmarks and 50,000 functions, and says what it left out', () => {
    const benchmarks = Array.from({ length: 2000 }, (_, i) =>
      bench(`case ${i} ${'x'.repeat(30)}`, i % 2 ? 'regressed' : 'unchanged', 0.3),
    );
    const functions = Array.from({ length: 50_000 }, (_, i) =>
      fnRow(`bench/a.bench.js > case ${i % 2000} ${'x'.repeat(30)}`, `function${i}`, 10 + i),
    );
    const sections = Object.fromEntries(
      benchmarks.map((b) => [`bench/a.bench.js > ${b.name}`, 'y'.repeat(3000)]),
    );
    const md = renderMarkdown(report(benchmarks, functions, 'fail'), { sections });
    expect(md.length).toBeLessThan(65_536);
    expect(md).toMatch(/Some details were left out to fit GitHub's comment limit/);
    expect(md).toMatch(/more changed benchmarks in the full report/);
    expect(md.split('\n')[0]).toMatch(/^### ❌ flamegate: fail · 1000 regressed/);
  });

  it('returns a string under a tiny budget', () => {
    const md = renderMarkdown(r, { maxChars: 300 });
    expect(md.length).toBeLessThan(300);
    expect(md).toMatch(/flamegate: fail/);
  });
});

describe('terminal summary', () => {
  it('lists every benchmark and the verdict, colour only when asked', () => {
    const r = report([bench('slow', 'regressed', 0.2), bench('same', 'unchanged')], [], 'fail');
    const plain = renderTerminal(r);
    expect(plain).toContain('bench/a.bench.js > slow');
    expect(plain).toContain('bench/a.bench.js > same');
    expect(plain).toMatch(/Verdict: FAIL/);
    expect(plain).not.toContain('\x1b[');
    expect(renderTerminal(r, { color: true })).toContain('\x1b[31m');
  });
});

describe('formatting', () => {
  it('picks units and signs', () => {
    expect(formatNs(812)).toBe('812 ns');
    expect(formatNs(1240)).toBe('1.24 µs');
    expect(formatNs(3_500_000)).toBe('3.5 ms');
    expect(formatNs(2_000_000_000)).toBe('2 s');
    expect(formatPercent(0.123)).toBe('+12.3%');
    expect(formatPercent(-0.05)).toBe('−5.0%');
    expect(formatPercent(0)).toBe('±0.0%');
    expect(formatPercent(0.05, false)).toBe('5.0%');
  });
});
