// Hostile inputs for `flamegate diff` and `flamegate merge`: files a pull request or a shard's
// artifact can hold, a few hundred kB each, made to take gigabytes or to write outside the output
// folder. Each is refused with exit 2 and a message naming the cap (or the bad name), within 1 GB.
// The same inputs, with their figures: node scripts/bench-hostile.mjs.
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  gzipBomb,
  inlineBomb,
  type MeasuredRun,
  runMeasured,
  sampleCountBomb,
  smallPprof,
  stacksCountBomb,
  stacksFile,
  writeShardDir,
} from '../../scripts/hostile-inputs.mjs';

const dir = mkdtempSync(join(tmpdir(), 'flamegate-hostile-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, bytes: Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

const GB = 1024;

/** Runs the CLI, prints its figures, and checks the refusal every hostile input must get. */
async function refused(what: string, args: string[], cap: RegExp): Promise<MeasuredRun> {
  const run = await runMeasured(args, dir);
  console.log(
    `${what}: exit ${run.code}, ${run.seconds.toFixed(2)} s, peak RSS ${run.peakRssMb.toFixed(0)} MB\n  ${run.stderr.trim()}`,
  );
  expect(run.code).toBe(2);
  expect(run.stderr).toMatch(cap);
  expect(run.stderr).not.toMatch(/unexpected error|\n\s+at /);
  expect(run.peakRssMb).toBeLessThan(GB);
  return run;
}

describe('flamegate diff on hostile profiles', () => {
  const small = file('small.pb.gz', smallPprof());

  it('refuses a gzip bomb at the cap on inflated bytes', async () => {
    const bomb = file('gzip-bomb.pb.gz', gzipBomb(1024));
    const run = await refused('diff, gzip bomb', ['diff', small, bomb], /inflates to more than 256 MB/);
    expect(run.stderr).toContain(bomb);
  });

  it('refuses a pprof whose inlined frames expand past the cap on frames', async () => {
    const bomb = file('inline-bomb.pb.gz', inlineBomb());
    await refused(
      'diff, inlined-frame bomb',
      ['diff', bomb, small],
      /inline-bomb\.pb\.gz: it holds 200,000,000 frames .* cap of 64,000,000/,
    );
  });

  it('refuses a pprof of more samples than the cap', async () => {
    const bomb = file('samples-bomb.pb.gz', sampleCountBomb());
    await refused(
      'diff, 5 M samples',
      ['diff', small, bomb],
      /samples-bomb\.pb\.gz: it holds more than 4,000,000 samples/,
    );
  });
});

describe('flamegate merge on hostile shard artifacts', () => {
  it('refuses a slug that climbs out of --out, and writes nothing outside it', async () => {
    const shard = join(dir, 'slug-shard');
    writeShardDir(shard, stacksFile('../../x'));
    const parent = join(dir, 'merged', 'nested');
    mkdirSync(parent, { recursive: true });
    const before = readdirSync(join(dir, 'merged'), { recursive: true });
    const run = await refused(
      'merge, traversal slug',
      ['merge', shard, '--out', join(parent, 'out')],
      /shard 1\/1 \(.*slug-shard\): .*"\.\.\/\.\.\/x", which is not a plain file name/,
    );
    expect(run.stdout).toBe('');
    const after = readdirSync(join(dir, 'merged'), { recursive: true }).filter(
      (p) => !String(p).includes('out'),
    );
    expect(after).toEqual(before);
  });

  it('refuses a report whose profile path climbs out of the shard folder', async () => {
    const shard = join(dir, 'path-shard');
    writeShardDir(shard, stacksFile());
    const reportPath = join(shard, 'report.json');
    const report = JSON.parse(readFileSync(reportPath, 'utf8'));
    report.profiles = { 'bench/a.bench.js > a': { head: '../../../etc/passwd' } };
    writeFileSync(reportPath, JSON.stringify(report));
    await refused(
      'merge, profile path ../../../etc/passwd',
      ['merge', shard, '--out', join(dir, 'path-out')],
      /path-shard\/report\.json\): the profiles of "bench\/a\.bench\.js > a" name "\.\.\/\.\.\/\.\.\/etc\/passwd"/,
    );
  });

  it('still merges a shard whose names are plain, and copies no link from its profiles', async () => {
    const shard = join(dir, 'plain-shard');
    writeShardDir(shard, stacksFile());
    mkdirSync(join(shard, 'profiles', '000-a'), { recursive: true });
    writeFileSync(join(shard, 'profiles', '000-a', 'head.pb.gz'), smallPprof());
    symlinkSync('/etc/hostname', join(shard, 'profiles', '000-a', 'base.pb.gz'));
    const out = join(dir, 'plain-out');
    const run = await runMeasured(['merge', shard, '--out', out], dir);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(readdirSync(join(out, 'flame')).sort()).toEqual([
      '000-bench_a.bench.js-a.html',
      '000-bench_a.bench.js-a.svg',
    ]);
    expect(readdirSync(join(out, 'profiles', '000-a'))).toEqual(['head.pb.gz']);
  });

  it('refuses a gzip bomb in stacks.json.gz at the cap on inflated bytes', async () => {
    const shard = join(dir, 'gzip-shard');
    writeShardDir(shard, gzipBomb(1024));
    await refused(
      'merge, gzip bomb',
      ['merge', shard, '--out', join(dir, 'gzip-out')],
      /gzip-shard\): cannot read stacks\.json\.gz: it is gzipped and inflates to more than 256 MB/,
    );
  });

  it('refuses stacks.json.gz of more stacks than the JSON caps allow', async () => {
    const shard = join(dir, 'stacks-shard');
    writeShardDir(shard, stacksCountBomb());
    await refused(
      'merge, 2.5 M stacks',
      ['merge', shard, '--out', join(dir, 'stacks-out')],
      /stacks-shard\): cannot read stacks\.json\.gz: it holds 5,000,010 JSON objects and arrays, over flamegate's cap of 2,000,000/,
    );
  });
});
