import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/model.js';
import { benchmarkKey } from '../../src/model.js';
import { CLI, runCli } from '../helpers/cli-run.js';
import { createMonorepo } from '../helpers/monorepo.js';

const EXPECTED = [
  'packages/checksum/bench/sum.bench.js > djb2',
  'packages/checksum/bench/sum.bench.js > fnv1a',
  'packages/checksum/bench/sum.bench.js > adler32',
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
  it('two shards and merge give the unsharded set of benchmarks, each exactly once; a missing shard exits 2', async () => {
    const repo = createMonorepo('slower');
    const common = [
      'compare',
      '--base',
      repo.baseSha,
      '--head',
      repo.headSha,
      '--packages',
      'packages/*',
      '--quiet',
    ];
    // The unsharded run's set (test/e2e/shard-action.test.ts checks an unsharded run gives exactly these).
    const expected = EXPECTED;
    const dirs: string[] = [];
    for (const shard of ['1/2', '2/2']) {
      const out = mkdtempSync(join(tmpdir(), 'flamegate-shard-'));
      const run = await runCli([...common, '--shard', shard, '--out', out], repo.dir);
      expect(run.code, run.stderr).toBeLessThan(2);
      const report = read(join(out, 'report.json'));
      expect(report.shard?.index).toBe(Number(shard[0]));
      expect(report.configFingerprint).toMatch(/^[0-9a-f]{16}$/);
      expect(report.benchmarks.every((b) => typeof b.costMs === 'number' && b.costMs > 0)).toBe(true);
      dirs.push(out);
    }
    const a = read(join(dirs[0] as string, 'report.json')).benchmarks.map(benchmarkKey);
    const b = read(join(dirs[1] as string, 'report.json')).benchmarks.map(benchmarkKey);
    expect(a.filter((k) => b.includes(k))).toEqual([]);

    const out = mkdtempSync(join(tmpdir(), 'flamegate-merged-'));
    const merged = await runCli(
      ['merge', ...dirs, '--out', out, '--json', join(out, 'm.json'), '--markdown', join(out, 'm.md')],
      repo.dir,
    );
    expect(merged.code, merged.stderr).toBe(1);
    const report = read(join(out, 'm.json'));
    expect(report.benchmarks.map(benchmarkKey)).toEqual(expected);
    expect(new Set(report.benchmarks.map(benchmarkKey)).size).toBe(7);
    expect(report.verdict).toBe('fail');
    expect(readFileSync(join(out, 'm.md'), 'utf8')).toContain('slowPath');
    expect(existsSync(join(out, 'report.json'))).toBe(true);
    expect(merged.stdout).toContain('Merged 2 shard(s)');

    const missing = await runCli(['merge', dirs[1] as string], repo.dir);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('shard 1/2 is missing (have 2/2)');
    const failed = await runCli(['merge', dirs[0] as string, `${dirs[1]}-gone`], repo.dir);
    expect(failed.code).toBe(2);
    expect(failed.stderr).toMatch(/-gone holds no report\.json: that shard failed/);
    // A report made without --shard: a shard's report with its shard field taken out.
    const whole = mkdtempSync(join(tmpdir(), 'flamegate-whole-'));
    const { shard: _shard, ...unsharded } = read(join(dirs[0] as string, 'report.json'));
    writeFileSync(join(whole, 'report.json'), JSON.stringify(unsharded));
    const notShard = await runCli(['merge', whole], repo.dir);
    expect(notShard.code).toBe(2);
    expect(notShard.stderr).toContain('made without --shard i/N');
  });

  it('refuses a bad --shard value with exit 2, naming it', async () => {
    const run = await runCli(['compare', '--base', 'HEAD', '--shard', '0/3'], tmpdir());
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--shard must be i/N with 1 ≤ i ≤ N ≤ 256 (for example 1/4), got "0/3"');
  });
});
