// Sharding as the runner starts it: the built action under Node 24, INPUT_* from action.yml, against
// the local GitHub API server. Two shard jobs (`shard: 1/2`, `shard: 2/2`) measure a two-package
// monorepo (`working-directory: packages/*`, seven benchmarks); a merge job (`mode: merge`) posts one
// comment and one verdict, which must equal the unsharded run's, for a regression and an A/A pair.
// The regression's merge job downloads the shard artifacts the way the runner offers them (the
// results service and blob URL, served by test/helpers/artifact-server.ts); the A/A pair's merge job
// reads them from a directory (`shards-dir`).
import { cpSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/model.js';
import { benchmarkKey } from '../../src/model.js';
import { type ActionRun, installAction, pullRequestPayload, runActionStep } from '../helpers/action-run.js';
import { startArtifactServer } from '../helpers/artifact-server.js';
import type { FixtureRepo } from '../helpers/fixture-repo.js';
import { type GitHubServer, startGitHubServer } from '../helpers/github-server.js';
import { createMonorepo } from '../helpers/monorepo.js';
import { node24 } from '../helpers/node24.js';

const OWNER = 'acme';
const REPO = 'widgets';

let node: string;
let actionDir: string;
let server: GitHubServer;

function event(repo: FixtureRepo, pr: number) {
  return pullRequestPayload({ owner: OWNER, repo: REPO, pr, baseSha: repo.baseSha, headSha: repo.headSha });
}

/** One job step: its own RUNNER_TEMP, like a job on its own runner. */
function runAction(
  workspace: string,
  payload: unknown,
  job: string,
  inputs: Record<string, string>,
  extraEnv: Record<string, string> = {},
): Promise<ActionRun> {
  return runActionStep({
    node,
    actionDir,
    workspace,
    repository: `${OWNER}/${REPO}`,
    apiUrl: server.url,
    payload,
    inputs,
    env: extraEnv,
    job,
    runId: '5151',
  });
}

const readReport = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as Report;
const comments = (pr: number) =>
  server.comments.filter((c) => c.issue === pr && c.body.includes('<!-- flamegate:'));

const EXPECTED = [
  'packages/checksum/bench/sum.bench.js > djb2',
  'packages/checksum/bench/sum.bench.js > fnv1a',
  'packages/checksum/bench/sum.bench.js > adler32',
  'packages/parser/bench/lines.bench.js > join lines',
  'packages/parser/bench/records.bench.js > parse records',
  'packages/parser/bench/records.bench.js > parse one record',
  'packages/parser/bench/records.bench.js > tokenize',
];

beforeAll(async () => {
  node = node24();
  actionDir = installAction();
  server = await startGitHubServer({ owner: OWNER, repo: REPO });
}, 180_000);

afterAll(async () => {
  await server?.close();
});

/**
 * Unsharded run (unless `unsharded` is false), then two shard jobs and a merge job on the same code. With `artifacts`, the jobs use
 * the runner's artifact service (shards upload, the merge job downloads); with `directory`, the
 * merge job reads the shard output folders from `shards-dir`.
 */
async function shardedAndUnsharded(
  repo: FixtureRepo,
  pr: number,
  via: 'artifacts' | 'directory',
  unsharded = true,
) {
  const payload = event(repo, pr);
  const packages = { 'working-directory': 'packages/*' };
  const whole = unsharded
    ? await runAction(repo.dir, payload, 'perf', { ...packages, 'comment-key': `whole-${pr}` })
    : undefined;
  const service = via === 'artifacts' ? await startArtifactServer() : undefined;
  const runtime = service
    ? { ACTIONS_RUNTIME_TOKEN: service.token, ACTIONS_RESULTS_URL: service.url }
    : undefined;
  try {
    const shards = [];
    for (const shard of ['1/2', '2/2']) {
      shards.push(await runAction(repo.dir, payload, 'perf-shard', { ...packages, shard }, runtime));
    }
    for (const s of shards) expect(existsSync(s.outputs.report ?? ''), s.stdout).toBe(true);
    if (service) {
      const merge = await runAction(
        repo.dir,
        payload,
        'perf-merge',
        { mode: 'merge', 'upload-artifact': 'false' },
        runtime,
      );
      return { whole, shards, merge, uploaded: service.uploaded, requests: service.requests };
    }
    const collected = mkdtempSync(join(tmpdir(), 'flamegate-shards-'));
    for (const [i, s] of shards.entries()) {
      cpSync(join(s.outputs.report ?? '', '..'), join(collected, `flamegate-shard-${i + 1}-of-2`), {
        recursive: true,
      });
    }
    const merge = await runAction(repo.dir, payload, 'perf-merge', {
      mode: 'merge',
      'shards-dir': collected,
    });
    return { whole, shards, merge, uploaded: [] as string[], requests: [] as string[] };
  } finally {
    await service?.close();
  }
}

describe('sharded Action runs (built dist/, Node 24, two-package monorepo)', () => {
  it('regression: two shards and a merge give one comment listing every benchmark and the unsharded verdict', async () => {
    const repo = createMonorepo('slower');
    const { whole, shards, merge, uploaded, requests } = await shardedAndUnsharded(repo, 21, 'artifacts');
    if (!whole) throw new Error('the unsharded run did not run');
    expect(whole.code, whole.stdout).toBe(1);
    expect(whole.outputs.verdict).toBe('fail');
    const unsharded = readReport(whole.outputs.report ?? '');
    expect(unsharded.benchmarks.map(benchmarkKey)).toEqual(EXPECTED);
    expect(unsharded.packages).toEqual(['packages/checksum', 'packages/parser']);

    for (const [i, s] of shards.entries()) {
      // Shard jobs neither comment nor fail the step; they leave a partial report for the merge job.
      expect(s.code, s.stdout).toBe(0);
      const partial = readReport(s.outputs.report ?? '');
      expect(partial.shard?.index).toBe(i + 1);
      expect(partial.benchmarks.length).toBeGreaterThan(0);
      expect(partial.benchmarks.length).toBeLessThan(7);
      expect(s.stdout).toContain('comment: never');
    }
    expect(merge.code, merge.stdout).toBe(1);
    // The unsharded run's comment and the merge job's: none from the shard jobs.
    expect(comments(21).map((c) => c.body.split('\n')[0])).toEqual([
      '<!-- flamegate:whole-21 -->',
      '<!-- flamegate:perf/perf-merge -->',
    ]);
    expect(merge.stdout).toContain(
      'Downloaded 2 shard artifacts: flamegate-shard-1-of-2, flamegate-shard-2-of-2',
    );
    // Each shard job uploaded its artifact, named after the shard; the merge job downloaded both.
    expect(uploaded).toEqual(['flamegate-shard-1-of-2', 'flamegate-shard-2-of-2']);
    expect(requests.filter((r) => r.startsWith('GET /blob/'))).toHaveLength(2);
    expect(merge.outputs.verdict).toBe(whole.outputs.verdict);
    const merged = readReport(merge.outputs.report ?? '');
    expect(merged.benchmarks.map(benchmarkKey)).toEqual(EXPECTED);
    expect(merged.merged?.shards).toBe(2);
    const mine = comments(21).filter((c) => c.body.startsWith('<!-- flamegate:perf/perf-merge -->'));
    expect(mine).toHaveLength(1);
    const body = mine[0]?.body ?? '';
    expect(body).toMatch(/❌ flamegate: fail/);
    for (const key of EXPECTED) expect(body).toContain(key.split(' > ')[1] as string);
    // Grouped by package, and the function is named.
    expect(body).toContain('**📦 `packages/parser`**');
    expect(body).toContain('**📦 `packages/checksum`**');
    expect(body).toContain('slowPath');
    expect(merge.summary).toContain('slowPath');
    // One set of flame graphs: every benchmark's SVG is in the merged output.
    const flameDir = join(merge.outputs.report ?? '', '..', 'flame');
    for (const key of EXPECTED) {
      const folder = merged.profiles?.[key]?.head?.split('/').slice(-2, -1)[0];
      expect(existsSync(join(flameDir, `${folder}.svg`)), key).toBe(true);
    }
  });

  // An unsharded A/A pass is the Action's own test (action.test.ts); the regression above shows the
  // merged verdict equal to the unsharded one.
  it('A/A: the shards, merged from a directory, give a pass with every benchmark', async () => {
    const repo = createMonorepo('same');
    const { merge } = await shardedAndUnsharded(repo, 22, 'directory', false);
    expect(merge.code, merge.stdout).toBe(0);
    expect(merge.outputs.verdict).toBe('pass');
    const body =
      comments(22).find((c) => c.body.startsWith('<!-- flamegate:perf/perf-merge -->'))?.body ?? '';
    expect(body).toMatch(/✅ flamegate: pass/);
    expect(readReport(merge.outputs.report ?? '').benchmarks.map(benchmarkKey)).toEqual(EXPECTED);
  });

  it('merge mode names a missing shard and a bad shard value', async () => {
    const repo = createMonorepo('same');
    const only = mkdtempSync(join(tmpdir(), 'flamegate-shards-'));
    const one = await runAction(repo.dir, event(repo, 23), 'perf-shard', {
      'working-directory': 'packages/*',
      shard: '1/2',
    });
    cpSync(join(one.outputs.report ?? '', '..'), join(only, 'flamegate-shard-1-of-2'), { recursive: true });
    const merge = await runAction(repo.dir, event(repo, 23), 'perf-merge', {
      mode: 'merge',
      'shards-dir': only,
    });
    expect(merge.code).toBe(1);
    expect(merge.stdout).toMatch(/::error::flamegate: shard 2\/2 is missing \(have 1\/2\)/);
    expect(comments(23)).toHaveLength(0);
    const bad = await runAction(repo.dir, event(repo, 23), 'perf-shard', { shard: '3/2' });
    expect(bad.code).toBe(1);
    expect(bad.stdout).toMatch(/::error::flamegate: input "shard" must be i\/N .*got "3\/2"/);
  });
});
