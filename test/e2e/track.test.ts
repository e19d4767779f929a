// Track mode end to end, with a real local bare repository as `origin`: a release tag, then commits
// that each make one function slower; `flamegate track` at each pushes one file to the history
// branch, the creep gate (thresholds.drift) fails at the commit that crosses it and names the
// function, and a pull request's comment then carries the drift line read from that branch.
// The steps are larger than the issue's ~1% (+12%, then +50% of the benchmark) so that three real
// runs fit the CI budget; the 1% gate itself is measured in docs/measurement.md.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HistoryEntry, Report } from '../../src/model.js';
import { type ActionRun, installAction, runActionStep } from '../helpers/action-run.js';
import { type CliRun, runCli } from '../helpers/cli-run.js';
import { createFixtureRepo } from '../helpers/fixture-repo.js';
import { node24 } from '../helpers/node24.js';

const git = (dir: string, ...args: string[]) =>
  execFileSync('git', args, { cwd: dir, encoding: 'utf8' }).trim();

// The benchmarks slowPath's module reaches, at a small budget: three real runs stay under a minute.
const CONFIG = `benchmarks: "bench/records.bench.js"
thresholds:
  benchmark: 5%
  function: 5%
  drift: 25%
budget:
  processes: 3
  maxProcesses: 3
  timePerProcessMs: 150
  warmupMs: 40
  profileMs: 150
  profileProcesses: 2
  allocationProcesses: 0
`;

/** slowPath's loop, commit by commit: the release, then +12% and +50% of `parse records`. */
function setWork(dir: string, factor: number): void {
  const path = join(dir, 'src/records.js');
  writeFileSync(path, readFileSync(path, 'utf8').replace(/i < WORK \* \d+;/, `i < WORK * ${factor};`));
}

describe('flamegate track against a release, kept on the history branch', () => {
  let root: string;
  let work: string;
  let origin: string;
  const commits: string[] = [];
  /** The first pushed commit tracked by the CLI, the second by the Action (mode: track, a push event). */
  const runs: CliRun[] = [];
  let action: ActionRun;
  let out: string;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'flamegate-track-'));
    const repo = await createFixtureRepo('same', { dir: join(root, 'upstream'), config: CONFIG });
    // The release: v1.0.0 is the fixture's head (slowPath at WORK * 8).
    git(repo.dir, 'tag', 'v1.0.0');
    for (const factor of [9, 12]) {
      setWork(repo.dir, factor);
      git(repo.dir, 'commit', '-q', '-am', `slowPath × ${factor}`);
      commits.push(git(repo.dir, 'rev-parse', 'HEAD'));
    }
    origin = join(root, 'origin.git');
    git(root, 'clone', '-q', '--bare', repo.dir, origin);
    work = join(root, 'work');
    git(root, 'clone', '-q', origin, work);
    git(work, 'config', 'user.email', 'test@example.com');
    git(work, 'config', 'user.name', 'flamegate test');
    out = join(root, 'out');
    // One track run per pushed commit: the first locally, the second as the push workflow runs it.
    git(work, 'checkout', '-q', '--detach', commits[0] as string);
    runs.push(await runCli(['track', '--out', join(out, '0'), '--quiet', '--no-color'], work));
    git(work, 'checkout', '-q', '--detach', commits[1] as string);
    action = await runActionStep({
      node: node24(),
      actionDir: installAction(),
      workspace: work,
      repository: 'acme/widgets',
      // Track mode talks to no API: no pull request to comment on, no artifact here.
      apiUrl: 'http://127.0.0.1:9',
      eventName: 'push',
      payload: { after: commits[1], before: commits[0], repository: { full_name: 'acme/widgets' } },
      inputs: { mode: 'track', 'upload-artifact': 'false' },
      runId: '4242',
    });
  }, 300_000);

  afterAll(() => {
    if (root) rmSync(root, { recursive: true, force: true });
  });

  it('measures each commit against the latest release tag and pushes one file per run', () => {
    const said = /against v1\.0\.0 \([0-9a-f]{7}\), the latest release tag/;
    expect(runs[0]?.stderr).toMatch(said);
    expect(action.stdout).toMatch(said);
    const files = git(origin, 'ls-tree', '--name-only', '-r', 'flamegate-data').split('\n');
    const runFiles = files.filter((f) => /^runs\/.+\.json$/.test(f));
    expect(runFiles).toHaveLength(2);
    expect(files).toContain('index.html');
    const entries = runFiles.map(
      (f) => JSON.parse(git(origin, 'show', `flamegate-data:${f}`)) as HistoryEntry,
    );
    expect(new Set(entries.map((e) => e.commit.sha))).toEqual(new Set(commits));
    for (const e of entries) expect(e.anchor).toMatchObject({ tag: 'v1.0.0' });
  });

  it('passes below thresholds.drift and fails the commit that crosses it, naming the function', () => {
    const first = runs[0] as CliRun;
    expect(first.code, first.stderr).toBe(0);
    // The Action fails the step, with the creep in its outputs, annotations and job summary.
    expect(action.code, action.stdout).toBe(1);
    expect(action.outputs.verdict).toBe('fail');
    expect(Number(action.outputs['regressed-benchmarks'])).toBeGreaterThanOrEqual(1);
    expect(action.stdout).toMatch(
      /::error title=flamegate%3A threshold exceeded::[^\n]*parse records: [^\n]*slower/,
    );
    expect(action.summary).toMatch(/#### Trend against `v1\.0\.0`/);
    expect(action.stdout).toMatch(/History: runs\/[^ ]+\.json on flamegate-data/);
    const report = JSON.parse(readFileSync(action.outputs.report as string, 'utf8')) as Report;
    const parse = report.benchmarks.find((b) => b.name === 'parse records');
    expect(parse?.status).toBe('regressed');
    expect(parse?.threshold).toBe(0.25);
    expect(report.failures?.some((f) => f.includes('slower') && f.includes('threshold 25.0%'))).toBe(true);
    // The function that moved most since the release is named, in the report and in the history.
    const mover = report.functions.filter((f) => f.benchmark.endsWith('> parse records'))[0];
    expect(mover?.name).toBe('slowPath');
    const latest = git(origin, 'ls-tree', '--name-only', '-r', 'flamegate-data')
      .split('\n')
      .filter((f) => f.startsWith('runs/'))
      .map((f) => JSON.parse(git(origin, 'show', `flamegate-data:${f}`)) as HistoryEntry)
      .find((e) => e.commit.sha === commits[1]);
    expect(latest?.verdict).toBe('fail');
    expect(latest?.runUrl).toBe('https://github.com/acme/widgets/actions/runs/4242');
    expect(latest?.benchmarks.find((b) => b.name === 'parse records')?.movers[0]?.name).toBe('slowPath');
  });

  it("a pull request's comment carries the drift line, read from the history branch", async () => {
    // A pull request on top of the second commit, in a clone that fetched the history branch.
    git(work, 'checkout', '-q', '-b', 'pr', commits[1] as string);
    const path = join(work, 'src/records.js');
    writeFileSync(path, readFileSync(path, 'utf8').replace('// A small record parser', '// A record parser'));
    git(work, 'commit', '-q', '-am', 'a comment');
    git(work, 'fetch', '-q', 'origin', 'flamegate-data:refs/remotes/origin/flamegate-data');
    const md = join(root, 'pr.md');
    const run = await runCli(
      [
        'compare',
        '--base',
        commits[1] as string,
        '--head',
        'HEAD',
        '--markdown',
        md,
        '--quiet',
        '--no-color',
      ],
      work,
    );
    expect(run.code, run.stderr).toBe(0);
    const comment = readFileSync(md, 'utf8');
    expect(comment).toMatch(
      /📈 `parse records`: \+\d+(\.\d)?% \(95% CI [^)]+\) since `v1\.0\.0` \(the default branch at `[0-9a-f]{7}`\); this PR [+−±]\d/,
    );
    // Only what drifted: the benchmarks slowPath does not run have no line.
    expect(comment).not.toMatch(/📈 `tokenize`/);
  }, 120_000);
});
