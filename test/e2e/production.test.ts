// Production weighting with real production profiles of another process: a "server" that runs the
// sample project's code from another path (/…/srv/app/src/records.js, as a container would) plus code
// of its own, profiled once by @datadog/pprof (pprof) and once by node --cpu-prof (.cpuprofile).
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { Profile } from 'pprof-format';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { productionShares, shareOf, weighFunctions, weighReport } from '../../src/compare/production.js';
import type { Report } from '../../src/model.js';
import { classifyProfile } from '../../src/profile/classify.js';
import { readProductionProfile } from '../../src/profile/decode.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { runCli } from '../helpers/cli-run.js';
import { createFixtureRepo, FIXTURE } from '../helpers/fixture-repo.js';
import { functionRow } from '../helpers/function-row.js';

const dir = mkdtempSync(join(tmpdir(), 'flamegate-production-'));
afterAll(() => {
  if (!process.env.FLAMEGATE_KEEP) rmSync(dir, { recursive: true, force: true });
});
const app = join(dir, 'srv/app');
const PPROF_ENTRY = createRequire(import.meta.url).resolve('@datadog/pprof');

// The server: the sample project's parser (its real files, another path) and a handler of its own
// that production spends most of its time in and the benchmarks never run.
const SERVER = `
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { LINES } from './src/lines.js';
import { parseAll } from './src/records.js';

function renderPage(n) {
  let s = 0;
  for (let i = 0; i < n; i++) s = (s + Math.imul(i, 2246822519)) ^ (s >>> 13);
  return s;
}

// With "cpu time" on, the server also waits (as on a database): wall time that costs no CPU. It
// waits as long as it just computed, so half its wall time is waiting however busy the machine is.
const withCpuTime = process.argv[3] === 'cpu';
const blocker = new Int32Array(new SharedArrayBuffer(4));
function waitForDb(ms) {
  Atomics.wait(blocker, 0, 0, ms);
}

let sink = 0;
const serve = () => {
  const start = performance.now();
  for (let r = 0; r < 50; r++) sink ^= parseAll(LINES);
  sink ^= renderPage(3e6);
  if (withCpuTime) waitForDb(performance.now() - start);
};
const out = process.argv[2];
if (out) {
  const { time, encodeSync } = createRequire(import.meta.url)(${JSON.stringify(PPROF_ENTRY)});
  // @datadog/pprof records CPU time (a third sample type, after wall) only along with contexts.
  time.start(withCpuTime ? { intervalMicros: 500, withContexts: true, collectCpuTime: true } : { intervalMicros: 500 });
  const until = Date.now() + 1200;
  while (Date.now() < until) serve();
  writeFileSync(out, encodeSync(time.stop()));
} else {
  const until = Date.now() + 1200;
  while (Date.now() < until) serve();
}
if (sink === 42) console.log(sink);
`;

const row = (name: string, file: string, change: number) =>
  functionRow(name, file, change, change > 0 ? 'regressed' : 'unchanged');

/** A function's share of the pprof's self time in one sample type, computed with pprof-format, independently of flamegate. */
function referenceShare(path: string, name: string, sampleType = 'wall'): number {
  const profile = Profile.decode(gunzipSync(readFileSync(path)));
  const strings = profile.stringTable.strings;
  const valueIndex = profile.sampleType.findIndex((t) => strings[Number(t.type)] === sampleType);
  if (valueIndex < 0) throw new Error(`${path} has no ${sampleType} samples`);
  const fnName = new Map(profile.function.map((f) => [Number(f.id), strings[Number(f.name)]]));
  const leafName = new Map(
    profile.location.map((l) => [Number(l.id), fnName.get(Number(l.line[0]?.functionId ?? 0))]),
  );
  let total = 0;
  let self = 0;
  for (const s of profile.sample) {
    const v = Number(s.value[valueIndex]);
    total += v;
    if (leafName.get(Number(s.locationId[0])) === name) self += v;
  }
  return self / total;
}

describe('production weighting with real profiles of another process', () => {
  const pprofPath = join(dir, 'production.pb.gz');
  const cpuPath = join(dir, 'production.cpuprofile');
  beforeAll(() => {
    mkdirSync(app, { recursive: true });
    cpSync(join(FIXTURE, 'src'), join(app, 'src'), { recursive: true });
    writeFileSync(join(app, 'package.json'), '{ "type": "module" }\n');
    writeFileSync(join(app, 'server.js'), SERVER);
    // Inlining off, as flamegate's own attribution pass runs: otherwise V8 charges the small parser
    // functions to parseAll, in production as anywhere (see README, production weighting).
    execFileSync(process.execPath, ['--no-turbo-inlining', '--no-maglev-inlining', 'server.js', pprofPath], {
      cwd: app,
    });
    execFileSync(
      process.execPath,
      [
        '--no-turbo-inlining',
        '--no-maglev-inlining',
        '--cpu-prof',
        '--cpu-prof-dir',
        dir,
        '--cpu-prof-name',
        'production.cpuprofile',
        'server.js',
      ],
      { cwd: app },
    );
  });

  it('gives each benchmark function its share of production CPU, matched across paths', () => {
    const shares = productionShares(classifyProfile(readProductionProfile(pprofPath)));
    const share = shareOf(shares, 'slowPath', 'src/records.js');
    expect(share).toBeGreaterThan(0.001);
    expect(share).toBeCloseTo(referenceShare(pprofPath, 'slowPath'), 6);
    // Production's own handler has its share too; shares sum to at most 1.
    const render = shareOf(shares, 'renderPage', 'server.js') ?? 0;
    expect(render).toBeGreaterThan(0.01);
    expect((share ?? 0) + render).toBeLessThanOrEqual(1);
    // Same name, another file: no match.
    expect(shareOf(shares, 'slowPath', 'lib/other.js')).toBeUndefined();

    const { functions, failures } = weighFunctions(
      [row('slowPath', 'src/records.js', 2), row('benchOnlyHelper', 'bench/helper.js', 0.5)],
      shares,
    );
    expect(failures).toEqual([]);
    expect(functions[0]?.productionShare).toBeCloseTo(share ?? 0, 9);
    expect(functions[0]?.fleetImpact).toBeCloseTo(2 * (share ?? 0), 9);
    expect(functions[0]?.notInProduction).toBeUndefined();
    expect(functions[1]).toMatchObject({ productionShare: 0, fleetImpact: 0, notInProduction: true });
  });

  it('reads CPU time from a pprof that holds both CPU and wall time', () => {
    const bothPath = join(dir, 'production-cpu-wall.pb.gz');
    execFileSync(
      process.execPath,
      ['--no-turbo-inlining', '--no-maglev-inlining', 'server.js', bothPath, 'cpu'],
      { cwd: app },
    );
    const cpu = referenceShare(bothPath, 'slowPath', 'cpu');
    const wall = referenceShare(bothPath, 'slowPath', 'wall');
    // The server waits half its wall time: the two readings differ, so the test can tell which was read.
    expect(wall).toBeLessThan(0.75 * cpu);
    const profile = readProductionProfile(bothPath);
    expect(profile.sampleType).toEqual({ type: 'cpu', unit: 'nanoseconds' });
    const shares = productionShares(classifyProfile(profile));
    expect(shareOf(shares, 'slowPath', 'src/records.js')).toBeCloseTo(cpu, 6);
  });

  it('reads a .cpuprofile of production the same way', () => {
    const pprofShare =
      shareOf(
        productionShares(classifyProfile(readProductionProfile(pprofPath))),
        'slowPath',
        'src/records.js',
      ) ?? 0;
    const cpuShare =
      shareOf(
        productionShares(classifyProfile(readProductionProfile(cpuPath))),
        'slowPath',
        'src/records.js',
      ) ?? 0;
    expect(cpuShare).toBeGreaterThan(0.001);
    // Two runs of the same server: the shares agree roughly.
    expect(Math.abs(cpuShare - pprofShare)).toBeLessThan(0.5 * pprofShare);
  });

  it('fails the fleet gate as set, and the comment shows the share', () => {
    const shares = productionShares(classifyProfile(readProductionProfile(pprofPath)));
    const share = shareOf(shares, 'slowPath', 'src/records.js') ?? 0;
    const report: Report = {
      schemaVersion: 1,
      verdict: 'pass',
      base: { ref: 'main', sha: 'a'.repeat(40) },
      head: { ref: 'HEAD', sha: 'b'.repeat(40) },
      benchmarks: [
        {
          name: 'parse records',
          file: 'bench/records.bench.js',
          status: 'regressed',
          base: { meanNs: 1000, medianNs: 1000, ops: 10, samples: 10 },
          head: { meanNs: 1200, medianNs: 1200, ops: 10, samples: 10 },
          change: 0.2,
          ci: [0.18, 0.22],
          threshold: 5,
        },
      ],
      functions: [row('slowPath', 'src/records.js', 2), row('benchOnlyHelper', 'bench/helper.js', 0.5)],
    };
    const over = weighReport(report, shares, { fleet: share });
    expect(over.verdict).toBe('fail');
    expect(over.failures).toHaveLength(1);
    expect(over.failures?.[0]).toContain('slowPath (src/records.js) estimated fleet CPU +');
    expect(over.functions[0]?.fleetGate).toBe(true);
    const markdown = renderMarkdown(over);
    expect(markdown).toMatch(/\|\s*Production\s*\|/);
    expect(markdown).toContain(' of CPU · ≈ +');
    expect(markdown).toContain('not run in production');

    const under = weighReport(report, shares, { fleet: 3 * share });
    expect(under.verdict).toBe('pass');
    expect(under.failures ?? []).toEqual([]);
    expect(under.functions[0]?.fleetGate).toBeUndefined();
    const noGate = weighReport(report, shares);
    expect(noGate.verdict).toBe('pass');
  });

  it('flamegate compare --production-profile weighs the rows and applies thresholds.fleet', async () => {
    const config = [
      'thresholds:',
      '  benchmark: 500%',
      '  function: 500%',
      '  fleet: 0.1%',
      'budget:',
      '  processes: 2',
      '  maxProcesses: 2',
      '  allocationProcesses: 0',
      '  timePerProcessMs: 150',
      '  warmupMs: 50',
      '  profileMs: 400',
      '',
    ].join('\n');
    const repo = await createFixtureRepo('slower', { config });
    const out = join(dir, 'out');
    const result = await runCli(
      [
        'compare',
        '--base',
        repo.baseSha,
        '--head',
        repo.headSha,
        '--out',
        out,
        '--json',
        join(out, 'r.json'),
        '--markdown',
        join(out, 'r.md'),
        '--benchmarks',
        'bench/records.bench.js',
        '--production-profile',
        pprofPath,
      ],
      repo.dir,
    );
    rmSync(repo.dir, { recursive: true, force: true });
    const report = JSON.parse(readFileSync(join(out, 'r.json'), 'utf8')) as Report;
    const slow = report.functions.find((f) => f.name === 'slowPath');
    expect(slow?.productionShare, result.stderr).toBeGreaterThan(0.001);
    expect(slow?.fleetImpact).toBeGreaterThan(0.001);
    expect(slow?.fleetImpact).toBeCloseTo((slow?.productionShare ?? 0) * (slow?.change ?? 0), 9);
    expect(slow?.fleetGate).toBe(true);
    expect(result.code).toBe(1);
    expect(report.failures?.some((f) => f.includes('slowPath') && f.includes('fleet threshold 0.1%'))).toBe(
      true,
    );
    expect(readFileSync(join(out, 'r.md'), 'utf8')).toContain(' of CPU · ≈ +');
    expect(result.stdout).toContain('of production CPU');

    const missing = await runCli(
      ['compare', '--base', 'HEAD', '--production-profile', join(dir, 'nope.pb.gz')],
      FIXTURE,
    );
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('cannot read the production profile');
  });
});
