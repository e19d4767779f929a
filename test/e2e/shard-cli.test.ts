import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/model.js';
import { benchmarkKey } from '../../src/model.js';
import { CLI, runCli } from '../helpers/cli-run.js';
import { createMonorepo } from '../helpers/monorepo.js';

// The parser package's benchmarks, in plan order.
const EXPECTED = [
  'packages/parser/bench/lines.bench.js > join lines',
  'packages/parser/bench/records.bench.js > parse records',
  'packages/parser/bench/records.bench.js > parse one record',
  'packages/parser/bench/records.bench.js > tokenize',
];

const read = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as Report;

beforeAll(() => {
  if (!existsSync(CLI)) throw new Error('dist/cli.js is missing: run npm run build (npm test does)');
});

describe('flamegate compare --shard and flamegate merge (end to end)', () => {
  // The monorepo's two packages through shards and the Action's merge: test/e2e/shard-action.test.ts.
  it('two shards and merge give the unsharded benchmarks, each once, with the allocation rows, heap profiles, flame graphs and sampling totals; a missing shard exits 2', async () => {
    // The parser package alone (four benchmarks): slowPath 2.5 times slower, and parseRecord keeping a
    // 32-slot array per record, so the records benchmarks regress in time and in bytes allocated.
    const repo = createMonorepo('slower');
    const records = join(repo.dir, 'packages/parser/src/records.js');
    const text = readFileSync(records, 'utf8');
    const from = 'export function parseRecord(line) {\n  let acc = 0;';
    if (!text.includes(from))
      throw new Error('the monorepo fixture changed: parseRecord no longer starts so');
    writeFileSync(
      records,
      text.replace(
        from,
        'export let lastRecord = null;\nexport function parseRecord(line) {\n  let acc = 0;\n  lastRecord = new Array(32).fill(line.length);',
      ),
    );
    execFileSync('git', ['commit', '-q', '-a', '--amend', '-m', 'head: slower, and parseRecord allocates'], {
      cwd: repo.dir,
    });
    const headSha = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: repo.dir, encoding: 'utf8' }).trim();
    const config = join(mkdtempSync(join(tmpdir(), 'flamegate-config-')), 'flamegate.yml');
    writeFileSync(
      config,
      readFileSync(join(repo.dir, '.github/flamegate.yml'), 'utf8').replace(
        'allocationProcesses: 0',
        'allocationProcesses: 2\n  allocationMs: 100',
      ),
    );
    const common = ['compare', '--base', repo.baseSha, '--head', headSha, '--packages', 'packages/parser'];
    const run = async (extra: string[]) => {
      const out = mkdtempSync(join(tmpdir(), 'flamegate-alloc-shard-'));
      const result = await runCli(
        [...common, '--config', config, '--quiet', ...extra, '--out', out],
        repo.dir,
      );
      expect(result.code, result.stderr).toBeLessThan(2);
      return out;
    };
    const whole = await run([]);
    const shardDirs = [await run(['--shard', '1/2']), await run(['--shard', '2/2'])];
    const out = mkdtempSync(join(tmpdir(), 'flamegate-alloc-merged-'));
    const merged = await runCli(['merge', ...shardDirs, '--out', out], repo.dir);
    expect(merged.code, merged.stderr).toBe(1);

    const unsharded = read(join(whole, 'report.json'));
    const shardReports = shardDirs.map((dir) => read(join(dir, 'report.json')));
    const report = read(join(out, 'report.json'));
    // The shards split the benchmarks, each measured once; merged, they are the unsharded run's.
    for (const [i, shard] of shardReports.entries()) {
      expect(shard.shard?.index).toBe(i + 1);
      expect(shard.configFingerprint).toMatch(/^[0-9a-f]{16}$/);
      expect(shard.benchmarks.every((b) => typeof b.costMs === 'number' && b.costMs > 0)).toBe(true);
    }
    const [first, second] = shardReports.map((r) => r.benchmarks.map(benchmarkKey));
    expect(first?.filter((k) => second?.includes(k))).toEqual([]);
    expect(report.benchmarks.map(benchmarkKey)).toEqual(unsharded.benchmarks.map(benchmarkKey));
    expect(report.benchmarks.map(benchmarkKey)).toEqual(EXPECTED);
    expect(merged.stdout).toContain('Merged 2 shards');
    // Each shard measured allocations, so a merge that kept one shard's would show it here.
    for (const shard of shardReports) expect(shard.allocations?.length ?? 0).toBeGreaterThan(0);

    const benchmarksOf = (r: Report) => [...new Set((r.allocations ?? []).map((a) => a.benchmark))].sort();
    expect(benchmarksOf(report)).toEqual(benchmarksOf(unsharded));
    const regressed = (r: Report) =>
      (r.allocations ?? [])
        .filter((a) => a.status === 'regressed' && a.name === 'parseRecord')
        .map((a) => a.benchmark)
        .sort();
    expect(regressed(unsharded)).toContain('packages/parser/bench/records.bench.js > parse records');
    expect(regressed(report)).toEqual(regressed(unsharded));
    const memory = (r: Report) =>
      Object.fromEntries(r.benchmarks.map((b) => [benchmarkKey(b), b.memory?.status ?? 'none']));
    expect(memory(report)['packages/parser/bench/records.bench.js > parse records']).toBe('regressed');
    expect(memory(report)['packages/parser/bench/records.bench.js > parse records']).toBe(
      memory(unsharded)['packages/parser/bench/records.bench.js > parse records'],
    );

    // The heap profiles of every shard, each on disk in the merged folder.
    const sides = (r: Report) =>
      Object.entries(r.allocationProfiles ?? {})
        .map(([key, paths]) => `${key}: ${Object.keys(paths).sort().join(',')}`)
        .sort();
    expect(sides(report)).toEqual(sides(unsharded));
    for (const paths of Object.values(report.allocationProfiles ?? {})) {
      for (const path of Object.values(paths)) expect(existsSync(join(out, path))).toBe(true);
    }
    // The same flame-graph files, allocation viewers included.
    const flames = (dir: string) => readdirSync(join(dir, 'flame')).sort();
    expect(flames(out).filter((f) => f.endsWith('-alloc.html')).length).toBeGreaterThan(0);
    expect(flames(out)).toEqual(flames(whole));

    // Sampling totals are the sum of the shards', and so is the allocation pass's time.
    const sum = (pick: (r: Report) => number | undefined) =>
      shardReports.reduce((total, r) => total + (pick(r) ?? 0), 0);
    expect(report.sampling?.processes).toBe(sum((r) => r.sampling?.processes));
    expect(report.sampling?.maxProcesses).toBe(sum((r) => r.sampling?.maxProcesses));
    expect(report.sampling?.resolved).toBe(sum((r) => r.sampling?.resolved));
    expect(report.sampling?.unresolved).toBe(sum((r) => r.sampling?.unresolved));
    expect(report.sampling?.seconds).toBeCloseTo(
      sum((r) => r.sampling?.seconds),
      6,
    );
    expect(report.allocationPassMs).toBeCloseTo(
      sum((r) => r.allocationPassMs),
      6,
    );
    expect(report.verdict).toBe(unsharded.verdict);

    // A merge short of a shard, or given a failed shard's folder or an unsharded report, exits 2.
    const missing = await runCli(['merge', shardDirs[1] as string], repo.dir);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('shard 1/2 is missing (have 2/2)');
    const failed = await runCli(['merge', shardDirs[0] as string, `${shardDirs[1]}-gone`], repo.dir);
    expect(failed.code).toBe(2);
    expect(failed.stderr).toMatch(/-gone holds no report\.json: that shard failed/);
    const alone = mkdtempSync(join(tmpdir(), 'flamegate-whole-'));
    const { shard: _shard, ...notShard } = shardReports[0] as Report;
    writeFileSync(join(alone, 'report.json'), JSON.stringify(notShard));
    const unshardedMerge = await runCli(['merge', alone], repo.dir);
    expect(unshardedMerge.code).toBe(2);
    expect(unshardedMerge.stderr).toContain('made without --shard i/N');
  }, 300_000);

  it('refuses a bad --shard value with exit 2, naming it', async () => {
    const run = await runCli(['compare', '--base', 'HEAD', '--shard', '0/3'], tmpdir());
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--shard must be i/N with 1 ≤ i ≤ N ≤ 256 (for example 1/4), got "0/3"');
  });
});
