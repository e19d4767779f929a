// The allocation pass in the report stage's outputs: an allocation flame-graph delta per benchmark
// (values in bytes), and the terminal summary's memory lines.
import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/model.js';
import { renderFlames } from '../../src/report/outputs.js';
import { renderTerminal } from '../../src/report/terminal.js';
import { profile } from './flame-fixtures.js';

const KEY = 'bench/yaml.bench.mjs > load';
const report: Report = {
  schemaVersion: 1,
  verdict: 'fail',
  base: { ref: 'main', sha: 'a'.repeat(40) },
  head: { ref: 'pr', sha: 'b'.repeat(40) },
  benchmarks: [
    {
      name: 'load',
      file: 'bench/yaml.bench.mjs',
      status: 'unchanged',
      base: { medianNs: 1.4e6, meanNs: 1.4e6, ops: 1000, samples: 1000 },
      head: { medianNs: 1.41e6, meanNs: 1.41e6, ops: 1000, samples: 1000 },
      change: 0.007,
      ci: [-0.01, 0.02],
      threshold: 0.05,
      memory: {
        baseBytesPerOp: 278_000,
        headBytesPerOp: 323_000,
        change: 0.161,
        ci: [0.15, 0.17],
        status: 'regressed',
        threshold: 0.1,
        baseGcShare: 0.12,
        headGcShare: 0.15,
        processes: 3,
      },
    },
  ],
  functions: [],
  allocations: [
    {
      benchmark: KEY,
      name: 'readPlainScalar',
      file: 'js-yaml/lib/loader.js',
      line: 474,
      baseBytesPerOp: 10_000,
      headBytesPerOp: 55_000,
      deltaBytesPerOp: 45_000,
      status: 'regressed',
      source: { changed: true, reason: 'edited' },
    },
  ],
};

describe('allocation outputs', () => {
  it('renders an allocation flame-graph delta in bytes per op, the unit its profiles carry', () => {
    const heap = { type: 'alloc_space', unit: 'bytes' };
    const base = profile(
      { 'load;readPlainScalar': 10_000 * 100, 'load;readBlockMapping': 200_000 * 100 },
      100,
      {},
      heap,
    );
    const head = profile(
      { 'load;readPlainScalar': 55_000 * 100, 'load;readBlockMapping': 200_000 * 100 },
      100,
      {},
      heap,
    );
    const { files } = renderFlames({
      report,
      cpuStacks: {},
      slugs: { [KEY]: '000-load' },
      allocationStacks: { [KEY]: { base, head } },
    });
    const html = files.find((f) => f.path.endsWith('-alloc.html'));
    expect(html?.changed).toBe(true);
    expect(html?.content).toContain('Allocation flame graph delta: bench/yaml.bench.mjs &gt; load');
    // 210 KB → 255 KB per op: the summary is in bytes, not nanoseconds.
    expect(html?.content).toMatch(/head 249 KiB\/op · base 205 KiB\/op · change \+43\.9 KiB\/op/);
    expect(html?.content).toContain('"bytes":true');
    expect(html?.content).toContain('Functions by change of self allocated bytes per op');
  });

  it('prints bytes per op, GC shares and the functions that allocate more in the terminal', () => {
    const text = renderTerminal(report);
    expect(text).toContain(
      `${KEY}: 271 KiB → 315 KiB/op +16.1% (95% CI +15.0% … +17.0%) regressed; GC 12% → 15% of the time`,
    );
    expect(text).toMatch(
      /\+43\.9 KiB {2}readPlainScalar {2}js-yaml\/lib\/loader\.js:474 {2}\(regressed, changed in this PR\)/,
    );
  });
});
