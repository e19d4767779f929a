// Sharding as the runner starts it: the built action under Node 24, INPUT_* from action.yml, against
// the local GitHub API server. Two shard jobs (`shard: 1/2`, `shard: 2/2`) measure a two-package
// monorepo (`working-directory: packages/*`, seven benchmarks); a merge job (`mode: merge`) posts one
// comment and one verdict, which must equal the unsharded run's, for a regression and an A/A pair.
// The regression's merge job downloads the shard artifacts the way the runner offers them (the
// results service and blob URL, served by test/helpers/artifact-server.ts); the A/A pair's merge job
// reads them from a directory (`shards-dir`).
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import type { Report } from '../../src/model.js';
import { benchmarkKey } from '../../src/model.js';
import { startArtifactServer } from '../helpers/artifact-server.js';
import type { FixtureRepo } from '../helpers/fixture-repo.js';
import { type GitHubServer, startGitHubServer } from '../helpers/github-server.js';
import { createMonorepo } from '../helpers/monorepo.js';
import { node24 } from '../helpers/node24.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const OWNER = 'acme';
const REPO = 'widgets';

let node: string;
let actionDir: string;
let server: GitHubServer;

interface ActionRun {
  code: number;
  stdout: string;
  outputs: Record<string, string>;
  summary: string;
}

function defaults(): Record<string, string> {
  const action = parseYaml(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as {
    inputs: Record<string, { default?: string }>;
  };
  const env: Record<string, string> = {};
  for (const [name, input] of Object.entries(action.inputs)) {
    const value = String(input.default ?? '').replace(/\$\{\{ github\.token \}\}/, 'ghs_test_token');
    env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value;
  }
  return env;
}

function parseOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const re = /^(.+?)<<(ghadelimiter_[\w-]+)\n([\s\S]*?)\n\2$/gm;
  for (const m of text.matchAll(re)) outputs[m[1] as string] = m[3] as string;
  return outputs;
}

function event(repo: FixtureRepo, pr: number) {
  const full = `${OWNER}/${REPO}`;
  return {
    number: pr,
    pull_request: {
      number: pr,
      base: { sha: repo.baseSha, ref: 'main', repo: { full_name: full } },
      head: { sha: repo.headSha, ref: 'feature', repo: { full_name: full } },
    },
    repository: { full_name: full },
  };
}

/** One job step: its own RUNNER_TEMP, like a job on its own runner. */
function runAction(
  workspace: string,
  payload: unknown,
  job: string,
  inputs: Record<string, string>,
  extraEnv: Record<string, string> = {},
): Promise<ActionRun & { temp: string }> {
  const temp = mkdtempSync(join(tmpdir(), 'flamegate-shard-run-'));
  const files = {
    event: join(temp, 'event.json'),
    output: join(temp, 'output'),
    summary: join(temp, 'summary.md'),
  };
  writeFileSync(files.event, JSON.stringify(payload));
  writeFileSync(files.output, '');
  writeFileSync(files.summary, '');
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? tmpdir(),
    ...defaults(),
    ...Object.fromEntries(Object.entries(inputs).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v])),
    GITHUB_ACTIONS: 'true',
    CI: 'true',
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_EVENT_PATH: files.event,
    GITHUB_REPOSITORY: `${OWNER}/${REPO}`,
    GITHUB_WORKSPACE: workspace,
    GITHUB_OUTPUT: files.output,
    GITHUB_STEP_SUMMARY: files.summary,
    GITHUB_API_URL: server.url,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_RUN_ID: '5151',
    GITHUB_JOB: job,
    GITHUB_WORKFLOW: 'perf',
    RUNNER_TEMP: temp,
    ...extraEnv,
  };
  return new Promise((resolve) => {
    const child = spawn(node, [join(actionDir, 'dist/action.js')], {
      cwd: workspace,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    child.stdout.on('data', (d) => {
      stdout += d;
    });
    child.stderr.on('data', (d) => {
      stdout += d;
    });
    child.on('close', (code) =>
      resolve({
        code: code ?? -1,
        stdout,
        temp,
        outputs: parseOutputs(readFileSync(files.output, 'utf8')),
        summary: readFileSync(files.summary, 'utf8'),
      }),
    );
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
  actionDir = mkdtempSync(join(tmpdir(), 'flamegate-action-'));
  cpSync(join(ROOT, 'action.yml'), join(actionDir, 'action.yml'));
  cpSync(join(ROOT, 'dist'), join(actionDir, 'dist'), { recursive: true });
  server = await startGitHubServer({ owner: OWNER, repo: REPO });
}, 180_000);

afterAll(async () => {
  await server?.close();
});

/**
 * Unsharded run, then two shard jobs and a merge job on the same code. With `artifacts`, the jobs use
 * the runner's artifact service (shards upload, the merge job downloads); with `directory`, the
 * merge job reads the shard output folders from `shards-dir`.
 */
async function shardedAndUnsharded(repo: FixtureRepo, pr: number, via: 'artifacts' | 'directory') {
  const payload = event(repo, pr);
  const packages = { 'working-directory': 'packages/*' };
  const whole = await runAction(repo.dir, payload, 'perf', { ...packages, 'comment-key': `whole-${pr}` });
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
      'Downloaded 2 shard artifact(s): flamegate-shard-1-of-2, flamegate-shard-2-of-2',
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
    expect(body).toContain('**📦 packages/parser**');
    expect(body).toContain('**📦 packages/checksum**');
    expect(body).toContain('slowPath');
    expect(merge.summary).toContain('slowPath');
    // One set of flame graphs: every benchmark's SVG is in the merged output.
    const flameDir = join(merge.outputs.report ?? '', '..', 'flame');
    for (const key of EXPECTED) {
      const folder = merged.profiles?.[key]?.head?.split('/').slice(-2, -1)[0];
      expect(existsSync(join(flameDir, `${folder}.svg`)), key).toBe(true);
    }
  });

  it('A/A: the merged verdict equals the unsharded one (pass)', async () => {
    const repo = createMonorepo('same');
    const { whole, merge } = await shardedAndUnsharded(repo, 22, 'directory');
    expect(whole.code, whole.stdout).toBe(0);
    expect(merge.code, merge.stdout).toBe(0);
    expect(merge.outputs.verdict).toBe(whole.outputs.verdict);
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
