// The report never contradicts itself: per-side times that agree with the change in every output,
// verdict counts that add up, the unresolved note that says the setting as it is, one GC figure
// without evidence, the reproduce line with every option, and no temp path in an error.
import { describe, expect, it } from 'vitest';
import { compare } from '../../src/compare/compare.js';
import { formatNs } from '../../src/format.js';
import type { BenchmarkResult, ProcessTiming, Report } from '../../src/model.js';
import { withoutTempPaths } from '../../src/pipeline.js';
import { renderMarkdown, verdictCounts } from '../../src/report/markdown.js';
import { renderFlames } from '../../src/report/outputs.js';
import { renderTerminal } from '../../src/report/terminal.js';
import { reproduceArgs } from '../../src/settings.js';
import { bench, config, FILE, measurement, REV, report } from './compare-fixtures.js';
import { standardPair } from './flame-fixtures.js';

/**
 * Six processes as a loaded runner records them: load (1x or 2x) lands on base in four processes
 * and on head in the other two, so the medians of the absolute per-process times cross (base's
 * 2 µs, head's 1.2 µs) while every pair of slices, measured side by side, says head is ~20% slower.
 */
function crossedTimings(): ProcessTiming[] {
  const baseLoad = [2, 2, 2, 2, 1, 1];
  const headLoad = [1, 1, 1, 1, 2, 2];
  const ratios = [1.19, 1.2, 1.21, 1.2, 1.19, 1.21];
  return baseLoad.map((load, process) => {
    const ops = 1000;
    const baseNs = 1000 * load;
    const headNs = 1000 * (ratios[process] ?? 1.2) * (headLoad[process] ?? 1);
    return {
      process,
      base: { ops, totalNs: ops * baseNs },
      head: { ops, totalNs: ops * headNs },
      // Each pair's two slices ran under the same load: the pairs see the true ratio.
      pairLogRatios: Array.from({ length: 9 }, () => Math.log(ratios[process] ?? 1.2)),
    };
  });
}

function crossedReport(): Report {
  return compare({
    measurements: [measurement('sort versions', crossedTimings())],
    cpuTables: {},
    config: config(),
    ...REV,
  });
}

/** The Base and Head cells of a benchmark's row in the comment's table. */
function tableCells(md: string, name: string): [string, string] {
  const row = md.split('\n').find((l) => l.startsWith('|') && l.includes(name));
  if (!row) throw new Error(`no row for ${name}`);
  const cells = row.split('|').map((c) => c.trim());
  return [cells[2] ?? '', cells[3] ?? ''];
}

describe('Base and Head agree with Change', () => {
  it('a regressed row never shows head below base, where the absolute medians cross', () => {
    const r = crossedReport();
    const b = r.benchmarks[0] as BenchmarkResult;
    // The recorded data is what the issue saw: medians that cross on a real regression.
    expect(b.status).toBe('regressed');
    expect(b.base?.medianNs).toBeGreaterThan(b.head?.medianNs ?? Number.POSITIVE_INFINITY);
    expect(b.change).toBeCloseTo(0.2, 2);
    // The paired figures agree with the change, by construction.
    const paired = b.pairedNs;
    if (!paired) throw new Error('no paired figures');
    expect(paired.head).toBeGreaterThan(paired.base);
    expect(paired.head / paired.base - 1).toBeCloseTo(b.change, 10);

    const md = renderMarkdown(r);
    const [baseCell, headCell] = tableCells(md, 'sort versions');
    expect(baseCell).toBe(formatNs(paired.base));
    expect(headCell).toBe(formatNs(paired.head));
    expect(md).not.toContain(formatNs(b.head?.medianNs ?? 0));

    const terminal = renderTerminal(r);
    const line = terminal.split('\n').find((l) => l.includes('sort versions')) ?? '';
    expect(line).toContain(`${formatNs(paired.base)}  ${formatNs(paired.head)}`);

    // The flame graph's header leads with the same figures, in the comment, the SVG and the HTML.
    const { base, head } = standardPair();
    const key = `${FILE} > sort versions`;
    const flames = renderFlames({
      report: r,
      cpuStacks: { [key]: { base, head } },
      slugs: { [key]: 'sort' },
    });
    const headline = `benchmark +20.0%: ${formatNs(paired.base)} → ${formatNs(paired.head)} per op`;
    expect(flames.sections[key]).toContain(headline);
    for (const f of flames.files) expect(f.content).toContain(headline);
  });

  it('an improvement shows head below base; a side measured alone shows its own median', () => {
    const improved = compare({
      measurements: [
        measurement(
          'faster',
          crossedTimings().map((t) => ({
            ...t,
            head: { ops: t.head.ops, totalNs: t.head.totalNs / 1.44 },
            pairLogRatios: t.pairLogRatios.map((x) => -x),
          })),
        ),
        measurement('new one', [], {
          present: { base: false, head: true },
          soloTimings: [{ side: 'head', timing: { ops: 10, totalNs: 12_345 } }],
        }),
      ],
      cpuTables: {},
      config: config(),
      ...REV,
    });
    const [faster, added] = improved.benchmarks as [BenchmarkResult, BenchmarkResult];
    expect(faster.status).toBe('improved');
    expect(faster.pairedNs?.head).toBeLessThan(faster.pairedNs?.base ?? 0);
    expect(added.status).toBe('added');
    expect(added.pairedNs).toBeUndefined();
    expect(tableCells(renderMarkdown(improved), 'new one')).toEqual(['–', formatNs(1234.5)]);
  });
});

describe('verdict counts', () => {
  const total = (parts: string[]) => {
    const first = parts[0] ?? '';
    const declared = Number(/^(\d+) benchmarks?/.exec(first)?.[1]);
    const counted = [...first.replace(/^\d+ benchmarks?/, '').matchAll(/(\d+) /g)].reduce(
      (sum, m) => sum + Number(m[1]),
      0,
    );
    return { declared, counted };
  };

  it('count each benchmark once: unresolved ones are not counted as unchanged too', () => {
    const noisy = { ...bench('noisy', 'unchanged'), inconclusive: true };
    const r = report([noisy, { ...noisy, name: 'noisier' }]);
    expect(verdictCounts(r)[0]).toBe('2 benchmarks, all too noisy to resolve the threshold');
    expect(renderMarkdown(r).split('\n')[0]).toBe(
      '### ✅ flamegate: pass · 2 benchmarks, all too noisy to resolve the threshold',
    );
  });

  it('add up to the benchmarks, with no part at zero and no "(s)"', () => {
    const r = report(
      [
        bench('a', 'regressed', 0.1),
        bench('b', 'improved', -0.1),
        bench('c', 'unchanged'),
        { ...bench('d', 'unchanged'), inconclusive: true },
        bench('e', 'failed'),
      ],
      [],
      'fail',
    );
    const parts = verdictCounts(r);
    expect(parts[0]).toBe(
      '5 benchmarks: 1 regressed, 1 failed, 1 improved, 1 unchanged, 1 too noisy to resolve the threshold',
    );
    const { declared, counted } = total(parts);
    expect(counted).toBe(declared);
    const md = renderMarkdown(r);
    expect(md).not.toContain('(s)');
    expect(md).not.toMatch(/\b0 unchanged\b/);
  });

  it('name the memory gain of an improvement PR', () => {
    const memory = {
      baseBytesPerOp: 2000,
      headBytesPerOp: 1000,
      change: -0.5,
      ci: [-0.52, -0.48] as [number, number],
      status: 'improved' as const,
      threshold: 0.1,
      baseGcShare: 0.1,
      headGcShare: 0.05,
      processes: 4,
    };
    const r = report([{ ...bench('a', 'improved', -0.2), memory }]);
    expect(renderMarkdown(r).split('\n')[0]).toBe(
      '### ✅ flamegate: pass · 1 benchmark, improved · 1 benchmark allocating less per op',
    );
  });
});

describe('memory figures', () => {
  const memory = (status: 'unchanged' | 'regressed', headBytes: number) => ({
    baseBytesPerOp: 3_334_000,
    headBytesPerOp: headBytes,
    change: headBytes / 3_334_000 - 1,
    ci: [-0.01, 0.01] as [number, number],
    status,
    threshold: 0.1,
    baseGcShare: 0.161,
    headGcShare: 0.045,
    processes: 4,
  });

  it('one GC figure and one size when the allocations did not change; both when they did', () => {
    const same = renderMarkdown(
      report([{ ...bench('a', 'unchanged'), memory: memory('unchanged', 3_334_010) }]),
    );
    const row = same.split('\n').find((l) => l.startsWith('| `a`')) ?? '';
    const memoryCell = row.split('|')[6]?.trim();
    expect(memoryCell).toBe('3.18 MiB/op · GC 10%');
    const grew = renderMarkdown(
      report([{ ...bench('a', 'unchanged'), memory: memory('regressed', 4_000_000) }]),
    );
    expect(grew).toContain('3.18 MiB → 3.81 MiB/op · GC 16% → 4.5%');
  });
});

describe('the unresolved note', () => {
  it('says the setting as it is, then what would resolve it', () => {
    const open: BenchmarkResult = {
      ...bench('noisy', 'unchanged', 0.01),
      inconclusive: true,
      resolution: 0.05,
      processes: 10,
      stoppedBy: 'maxProcesses',
      neededProcesses: 86,
    };
    const r = {
      ...report([open]),
      settings: { processes: 4, timePerProcessMs: 300, profileMs: 500, node: 'v20', maxProcesses: 10 },
    };
    const md = renderMarkdown(r);
    expect(md).toContain(
      'budget.maxProcesses (10) ran out after 10 processes; about 86 processes would resolve it, with budget.maxProcesses raised from 10 to 86',
    );
    expect(md).not.toContain('(budget.maxProcesses: 86)');
  });
});

describe('provenance', () => {
  it('the reproduce line carries every option the run used, quoted for the shell', () => {
    const args = reproduceArgs(
      {
        cwd: '/repo/packages/lib',
        base: 'main',
        head: 'HEAD',
        configPath: 'perf/flamegate.yml',
        inputOverrides: {
          benchmarks: ['bench/{a,b}.bench.js'],
          install: "npm ci --ignore-scripts && echo 'done'",
          budget: { maxProcesses: 20, parallel: 2 },
        },
      },
      'packages/lib',
    );
    expect(args).toEqual([
      '--cwd',
      'packages/lib',
      '--config',
      'perf/flamegate.yml',
      '--benchmarks',
      'bench/{a,b}.bench.js',
      '--install',
      "npm ci --ignore-scripts && echo 'done'",
      '--max-processes',
      '20',
      '--parallel',
      '2',
    ]);
    const md = renderMarkdown({ ...report([bench('a', 'unchanged')]), reproduce: args });
    expect(md).toContain(
      `\`npx flamegate compare --base ${REV.base.sha} --head ${REV.head.sha} --cwd packages/lib --config perf/flamegate.yml --benchmarks 'bench/{a,b}.bench.js' --install 'npm ci --ignore-scripts && echo '\\''done'\\''' --max-processes 20 --parallel 2\``,
    );
  });

  it("a config outside the repository is named by its file name, the Action's by its path from the working directory", () => {
    const base = { cwd: '/repo', base: 'main', head: 'HEAD' };
    expect(reproduceArgs({ ...base, configPath: '/tmp/flamegate-abc/cfg.yml' }, '')).toEqual([
      '--config',
      'cfg.yml',
    ]);
    expect(reproduceArgs({ ...base, configPath: '/repo/ci/perf.yml' }, '')).toEqual([
      '--config',
      'ci/perf.yml',
    ]);
    expect(reproduceArgs({ ...base, configInRepo: '.github/perf.yml' }, 'packages/a')).toEqual([
      '--cwd',
      'packages/a',
      '--config',
      '../../.github/perf.yml',
    ]);
    expect(reproduceArgs({ ...base, configInRepo: '.github/flamegate.yml' }, '')).toEqual([]);
  });

  it('no temp path reaches an error: checkout files are named from the repository root', () => {
    const scrub = withoutTempPaths([
      ['/tmp/flamegate-x1/head', ''],
      ['/tmp/flamegate-x1/base', ''],
      ['/tmp/flamegate-x1/scratch', '<scratch>'],
    ]);
    expect(
      scrub(
        "Error: Cannot find module '/tmp/flamegate-x1/head/node_modules/lib/x.js' imported from /tmp/flamegate-x1/head/bench/a.bench.js (job /tmp/flamegate-x1/scratch/job-3.json)",
      ),
    ).toBe(
      "Error: Cannot find module 'node_modules/lib/x.js' imported from bench/a.bench.js (job <scratch>/job-3.json)",
    );
  });

  it('the footer says what ran: processes side by side, and nothing timed when nothing was', () => {
    const ran = {
      ...report([{ ...bench('a', 'unchanged'), processes: 6 }]),
      settings: { processes: 4, timePerProcessMs: 300, profileMs: 500, node: 'v24.1.0', parallel: 2 },
    };
    expect(renderMarkdown(ran)).toContain(
      'Measured with 6 timing processes × 300 ms per side, 2 processes side by side, v24.1.0.',
    );
    const none = { ...ran, benchmarks: [{ ...bench('a', 'failed'), error: 'base: broke' }] };
    const md = renderMarkdown(none);
    expect(md).toContain('Nothing was timed on both sides (Node v24.1.0).');
    expect(md).not.toContain('Measured with');
  });
});
