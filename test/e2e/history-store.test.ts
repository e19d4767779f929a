// The history branch with real git: a bare repository as `origin` and clones of it, as a track run
// sees the repository in CI. Runs add one file each without a checkout, racing runs both land, the
// branch keeps its newest files, and `flamegate history` (the built CLI) reads it offline.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { entryFromReport } from '../../src/history/entry.js';
import { appendRun, readHistory } from '../../src/history/store.js';
import type { HistoryEntry, Report } from '../../src/model.js';
import { runCli } from '../helpers/cli-run.js';

const scratch = mkdtempSync(join(tmpdir(), 'flamegate-history-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function gitIn(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
}

let repos = 0;
/** A bare origin with one main commit, and `clones` clones of it. */
function setUp(clones: number): { origin: string; clones: string[]; head: string } {
  const dir = join(scratch, `repo-${++repos}`);
  const origin = `${dir}/origin.git`;
  execFileSync('git', ['init', '-q', '--bare', '-b', 'main', origin]);
  const seed = `${dir}/seed`;
  execFileSync('git', ['init', '-q', '-b', 'main', seed]);
  writeFileSync(join(seed, 'index.js'), 'export const x = 1;\n');
  gitIn(seed, 'add', '.');
  gitIn(seed, '-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-q', '-m', 'main');
  gitIn(seed, 'push', '-q', origin, 'main');
  const head = gitIn(seed, 'rev-parse', 'HEAD');
  const dirs = Array.from({ length: clones }, (_, i) => {
    const clone = `${dir}/clone-${i}`;
    execFileSync('git', ['clone', '-q', origin, clone]);
    return clone;
  });
  return { origin, clones: dirs, head };
}

function entryAt(time: string, sha: string, change = 0.01): HistoryEntry {
  const report: Report = {
    schemaVersion: 1,
    verdict: 'pass',
    base: { ref: 'v1.0.0', sha: 'a'.repeat(40) },
    head: { ref: 'main', sha },
    benchmarks: [
      {
        name: 'parse',
        file: 'bench/a.bench.js',
        status: 'unchanged',
        base: { medianNs: 100, meanNs: 100, ops: 1, samples: 1 },
        head: { medianNs: 101, meanNs: 101, ops: 1, samples: 1 },
        change,
        ci: [change - 0.005, change + 0.005],
        pairedNs: { base: 100, head: 100 * (1 + change) },
        threshold: 0.05,
      },
    ],
    functions: [],
  };
  return entryFromReport(report, { time, anchorTag: 'v1.0.0' });
}

const page = (entries: HistoryEntry[]) =>
  `<!doctype html><title>trend</title><p>${entries.length} runs: ${entries.map((e) => e.time).join(' ')}</p>\n`;

function filesOn(origin: string, branch = 'flamegate-data'): string[] {
  return gitIn(origin, 'ls-tree', '-r', '--name-only', branch).split('\n').filter(Boolean);
}

describe('the history branch', () => {
  it('two runs add two files, write index.html, and read back in time order', async () => {
    const { origin, clones, head } = setUp(1);
    const clone = clones[0] ?? '';
    const first = await appendRun(clone, entryAt('2025-01-01T10:00:00.000Z', head, 0.01), { page });
    expect(first.attempts).toBe(1);
    expect(first.file).toMatch(/^runs\/20250101T100000\.000Z-[0-9a-f]{7}-[0-9a-f]{8}\.json$/);
    const second = await appendRun(clone, entryAt('2025-01-02T10:00:00.000Z', head, 0.02), { page });
    expect(filesOn(origin).sort()).toEqual(['index.html', first.file, second.file].sort());
    // The second commit is built on the first, by flamegate, and the user's checkout is untouched.
    expect(gitIn(origin, 'rev-parse', 'flamegate-data^')).toBe(first.commit);
    expect(gitIn(origin, 'log', '-1', '--format=%an <%ae>', 'flamegate-data')).toBe(
      'flamegate <flamegate@users.noreply.github.com>',
    );
    expect(gitIn(clone, 'status', '--porcelain')).toBe('');
    expect(gitIn(clone, 'rev-parse', '--abbrev-ref', 'HEAD')).toBe('main');
    expect(gitIn(origin, 'show', 'flamegate-data:index.html')).toContain(
      '2 runs: 2025-01-01T10:00:00.000Z 2025-01-02T10:00:00.000Z',
    );
    const listing = await readHistory(clone, { fetch: false });
    expect(listing.commit).toBe(second.commit);
    expect(listing.entries.map((e) => e.benchmarks[0]?.change)).toEqual([0.01, 0.02]);
    expect(listing.bad).toEqual([]);
  });

  it('two runs that push at the same moment from two clones both land (one retries)', async () => {
    const { origin, clones, head } = setUp(2);
    // Both build their commit before either pushes: the first push wins, the second is refused and
    // must fetch the winner's tip and rebuild on it.
    let arrived = 0;
    let release: () => void = () => {};
    const bothBuilt = new Promise<void>((resolve) => {
      release = resolve;
    });
    const barrier = async (attempt: number) => {
      if (attempt !== 1) return;
      if (++arrived === 2) release();
      await bothBuilt;
    };
    const results = await Promise.all(
      clones.map((clone, i) =>
        appendRun(clone, entryAt(`2025-02-01T10:00:0${i}.000Z`, head), { page, beforePush: barrier }),
      ),
    );
    expect(results.map((r) => r.attempts).sort()).toEqual([1, 2]);
    expect(
      filesOn(origin)
        .filter((f) => f.startsWith('runs/'))
        .sort(),
    ).toEqual(results.map((r) => r.file).sort());
    expect(gitIn(origin, 'show', 'flamegate-data:index.html')).toContain('2 runs');
    // The loser's commit has the winner's as parent: nothing was overwritten.
    const [winner, loser] = results[0]?.attempts === 1 ? results : [...results].reverse();
    expect(gitIn(origin, 'rev-parse', 'flamegate-data')).toBe(loser?.commit);
    expect(gitIn(origin, 'rev-parse', 'flamegate-data^')).toBe(winner?.commit);
  });

  it('with no retries left, the run that lost the race fails naming the branch', async () => {
    const { clones, head } = setUp(2);
    let arrived = 0;
    let release: () => void = () => {};
    const bothBuilt = new Promise<void>((resolve) => {
      release = resolve;
    });
    const barrier = async () => {
      if (++arrived === 2) release();
      await bothBuilt;
    };
    const results = await Promise.allSettled(
      clones.map((clone, i) =>
        appendRun(clone, entryAt(`2025-02-02T10:00:0${i}.000Z`, head), { retries: 0, beforePush: barrier }),
      ),
    );
    const failed = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(failed).toHaveLength(1);
    expect(String(failed[0]?.reason)).toMatch(
      /could not push to branch "flamegate-data" of origin after 1 attempt/,
    );
  });

  it('four runs started together with no barrier all land', async () => {
    const { origin, clones, head } = setUp(4);
    const results = await Promise.all(
      clones.map((clone, i) => appendRun(clone, entryAt(`2025-03-01T10:00:0${i}.000Z`, head), { page })),
    );
    expect(filesOn(origin).filter((f) => f.startsWith('runs/'))).toHaveLength(4);
    expect(new Set(results.map((r) => r.file)).size).toBe(4);
  });

  it("pruning keeps the maxRuns newest run files, by the runs' times", async () => {
    const { origin, clones, head } = setUp(1);
    const clone = clones[0] ?? '';
    // Added out of time order: the rule is by the run's time, not by when it was pushed.
    for (const day of [3, 1, 5, 2, 4]) {
      await appendRun(clone, entryAt(`2025-04-0${day}T00:00:00.000Z`, head), { maxRuns: 3 });
    }
    const runs = filesOn(origin).filter((f) => f.startsWith('runs/'));
    expect(runs.map((f) => f.slice(5, 13)).sort()).toEqual(['20250403', '20250404', '20250405']);
    const listing = await readHistory(clone, { fetch: true });
    expect(listing.entries.map((e) => e.time.slice(0, 10))).toEqual([
      '2025-04-03',
      '2025-04-04',
      '2025-04-05',
    ]);
  });

  it('a bad file on the branch is skipped and named, the others read', async () => {
    const { clones, head } = setUp(1);
    const clone = clones[0] ?? '';
    await appendRun(clone, entryAt('2025-05-01T00:00:00.000Z', head), { page });
    // Someone else pushes garbage into runs/ (a plain commit on the branch).
    const other = join(scratch, `garbage-${repos}`);
    execFileSync('git', [
      'clone',
      '-q',
      '-b',
      'flamegate-data',
      gitIn(clone, 'remote', 'get-url', 'origin'),
      other,
    ]);
    writeFileSync(join(other, 'runs', '20250502T000000Z-0000000-00.json'), '{"schemaVersion": 1, "time": 5}');
    gitIn(other, 'add', '.');
    gitIn(other, '-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-q', '-m', 'garbage');
    gitIn(other, 'push', '-q', 'origin', 'flamegate-data');
    const result = await appendRun(clone, entryAt('2025-05-03T00:00:00.000Z', head), { page });
    expect(result.attempts).toBe(1);
    const listing = await readHistory(clone, { fetch: true });
    expect(listing.entries).toHaveLength(2);
    expect(listing.bad).toEqual([
      {
        file: 'runs/20250502T000000Z-0000000-00.json',
        message: expect.stringMatching(
          /^runs\/20250502T000000Z-0000000-00\.json is not a flamegate history entry/,
        ),
      },
    ]);
    expect(gitIn(clone, 'show', 'origin/flamegate-data:index.html')).toContain('2 runs');
  });
});

describe('flamegate history', () => {
  let clone = '';
  let plain = '';
  beforeAll(async () => {
    const repo = setUp(2);
    clone = repo.clones[0] ?? '';
    plain = repo.clones[1] ?? '';
    await appendRun(clone, entryAt('2025-06-01T08:00:00.000Z', repo.head, 0.012));
    await appendRun(clone, entryAt('2025-06-02T08:00:00.000Z', repo.head, 0.031));
  });

  it('prints a table per benchmark, offline, and exits 0', async () => {
    const run = await runCli(['history'], clone);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('2 track runs on flamegate-data');
    expect(run.stdout).toContain('bench/a.bench.js > parse');
    expect(run.stdout).toMatch(
      /2025-06-01 08:00\s+v1\.0\.0\s+\+1\.2%\s+\+0\.7% … \+1\.7%\s+unchanged\s+pass/,
    );
    expect(run.stdout).toMatch(/2025-06-02 08:00\s+v1\.0\.0\s+\+3\.1%/);
    const json = await runCli(['history', '--json', '--cwd', clone], scratch);
    expect(json.code, json.stderr).toBe(0);
    expect((JSON.parse(json.stdout) as HistoryEntry[]).map((e) => e.benchmarks[0]?.change)).toEqual([
      0.012, 0.031,
    ]);
  });

  it('a clone that has not fetched the branch: exit 2 naming it; --fetch reads it', async () => {
    const offline = await runCli(['history'], plain);
    expect(offline.code).toBe(2);
    expect(offline.stderr).toContain('no history branch "flamegate-data"');
    const fetched = await runCli(['history', '--fetch'], plain);
    expect(fetched.code, fetched.stderr).toBe(0);
    expect(fetched.stdout).toContain('2 track runs');
  });

  it('exits 2 naming a branch that does not exist, and outside a git repository', async () => {
    const missing = await runCli(['history', '--branch', 'no-such-data', '--fetch'], clone);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('no history branch "no-such-data" on origin');
    const notRepo = mkdtempSync(join(scratch, 'not-a-repo-'));
    const outside = await runCli(['history', '--cwd', notRepo], scratch);
    expect(outside.code).toBe(2);
    expect(outside.stderr).toContain('is not a git repository');
  });
});
