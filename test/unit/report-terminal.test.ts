import { describe, expect, it } from 'vitest';
import type { BenchmarkResult } from '../../src/model.js';
import { renderTerminal } from '../../src/report/terminal.js';
import { bench, FILE, fnRow, report } from './compare-fixtures.js';

const key = (name: string) => `${FILE} > ${name}`;

describe('terminal summary', () => {
  const failed: BenchmarkResult = {
    ...bench('broken', 'failed'),
    head: null,
    error: 'head: Error: boom\nat x',
  };
  const r = report(
    [bench('slow', 'regressed', 0.2), bench('same', 'unchanged'), failed],
    [
      fnRow(key('slow'), 'hotLoop', 200, { gate: true }),
      fnRow(key('slow'), 'get', -50, { package: 'lodash', kind: 'dependency' }),
    ],
    'fail',
  );

  it('lists every benchmark in aligned columns', () => {
    const plain = renderTerminal(r);
    const lines = plain.split('\n');
    const header = lines.find((l) => l.startsWith('benchmark'));
    expect(header).toBeDefined();
    const rows = lines.filter((l) => l.startsWith(FILE));
    expect(rows).toHaveLength(3);
    // Right-aligned numbers end in the same column as their header.
    const changeEnd = (header ?? '').indexOf('change') + 'change'.length;
    for (const row of rows.slice(0, 2)) expect(row.slice(0, changeEnd)).toMatch(/%$/);
    expect(plain).toMatch(
      // No resolution or process count in this fixture: those columns show '–'.
      /bench\/a\.bench\.js > slow\s+1 µs\s+1\.2 µs\s+\+20\.0%\s+\+19\.0% … \+21\.0%\s+–\s+–\s+regressed/,
    );
    expect(plain).toContain('    head: Error: boom');
  });

  it('shows the top function changes and the verdict with its reasons', () => {
    const plain = renderTerminal(r);
    expect(plain).toMatch(
      /\+200 ns\s+hotLoop\s+src\/lib\.js:12\s+\(regressed, over the function threshold\)/,
    );
    expect(plain).toMatch(/−50 ns\s+get\s+lodash/);
    const tail = plain.trimEnd().split('\n').slice(-2);
    expect(tail[0]).toBe('Verdict: FAIL');
    expect(tail[1]).toContain('20.0% slower');
  });

  it('says which function rows this PR changed', () => {
    const changed = report(
      [bench('slow', 'regressed', 0.2)],
      [fnRow(`${FILE} > slow`, 'parseXml', 150, { source: { changed: true, reason: 'new' } })],
      'fail',
    );
    expect(renderTerminal(changed)).toMatch(
      /\+150 ns\s+parseXml\s+src\/lib\.js:12\s+\(regressed, changed in this PR\)/,
    );
  });

  it('colours only when asked', () => {
    expect(renderTerminal(r)).not.toContain('\x1b[');
    const coloured = renderTerminal(r, { color: true });
    expect(coloured).toContain('\x1b[31m');
    expect(renderTerminal(report([bench('same', 'unchanged')]), { color: true })).toContain('\x1b[32mPASS');
  });
});

describe('terminal summary of hostile names', () => {
  it('keeps every name on its line, without escape sequences, and names removed benchmarks', () => {
    const evil = 'x\n::error title=Leak::visit https://evil.example \x1b]8;;https://evil.example\x07here';
    const r = report(
      [bench(evil, 'regressed', 0.2), bench('gone', 'removed')],
      [fnRow(key(evil), evil, 100)],
      'fail',
    );
    r.failures = [`${key(evil)}: 20.0% slower`];
    r.head.ref = 'feat\n::warning::x';
    const text = renderTerminal(r);
    expect(text.split('\n').filter((l) => l.trimStart().startsWith('::'))).toEqual([]);
    expect(text).not.toContain('\x1b');
    expect(text).not.toContain('\x07');
    expect(text).toContain(
      '1 benchmark removed by this pull request, not gated (thresholds.removed: fail would fail it): bench/a.bench.js > gone',
    );
  });
});
