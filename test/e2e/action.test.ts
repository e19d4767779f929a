// The built action, run the way GitHub runs it: Node 24, from a folder holding only action.yml and
// dist/ (no node_modules), with INPUT_* variables from action.yml's defaults, an event payload file,
// GITHUB_OUTPUT / GITHUB_STEP_SUMMARY files, and GITHUB_API_URL pointing at a real HTTP server.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/model.js';
import {
  type ActionRun,
  installAction,
  pullRequestPayload,
  runActionStep,
  workflowRunPayload,
} from '../helpers/action-run.js';
import { createFixtureRepo, type FixtureRepo } from '../helpers/fixture-repo.js';
import { type GitHubServer, startGitHubServer } from '../helpers/github-server.js';
import { node24 } from '../helpers/node24.js';

// For the tests that check what happens around a measurement, not what it finds: the least budget
// the config allows, so each costs seconds rather than the sample project's half minute.
const TINY_BUDGET =
  'budget: { processes: 2, maxProcesses: 2, timePerProcessMs: 100, warmupMs: 20, profileMs: 100, profileProcesses: 1, allocationProcesses: 0 }\n';

const OWNER = 'acme';
const REPO = 'widgets';
const PR = 7;

let node: string;
let actionDir: string;
let server: GitHubServer;

function pullRequestEvent(repo: FixtureRepo, options: { fork?: boolean } = {}) {
  const { baseSha, headSha } = repo;
  return pullRequestPayload({ owner: OWNER, repo: REPO, pr: PR, baseSha, headSha, ...options });
}

function runAction(
  workspace: string,
  event: { name: string; payload: unknown },
  inputs: Record<string, string> = {},
  extraEnv: Record<string, string> = {},
  action = actionDir,
): Promise<ActionRun> {
  return runActionStep({
    node,
    actionDir: action,
    workspace,
    repository: `${OWNER}/${REPO}`,
    apiUrl: server.url,
    eventName: event.name,
    payload: event.payload,
    inputs,
    env: extraEnv,
  });
}

const ours = () => server.comments.filter((c) => c.body.includes('<!-- flamegate:'));

beforeAll(async () => {
  node = node24();
  // Only action.yml and dist/, as GitHub checks out an action: no node_modules anywhere above it.
  actionDir = installAction();
  server = await startGitHubServer({ owner: OWNER, repo: REPO });
  // Other people's comments fill the first page, so finding ours needs pagination.
  for (let i = 0; i < 120; i++)
    server.comments.push({ id: i + 1, body: `comment ${i}`, user: 'someone', issue: PR });
}, 180_000);

afterAll(async () => {
  await server?.close();
});

describe('the GitHub Action (built dist/, Node 24)', () => {
  let slower: FixtureRepo;
  let firstReport = '';

  it('fails on a regression: exit 1, one comment naming the function, summary, outputs, annotations', async () => {
    // The base also holds a config of the least budget, for the rerun below.
    slower = await createFixtureRepo('slower', { files: { '.github/flamegate-tiny.yml': TINY_BUDGET } });
    const run = await runAction(slower.dir, { name: 'pull_request', payload: pullRequestEvent(slower) });
    expect(run.code, run.stdout).toBe(1);
    expect(run.outputs.verdict).toBe('fail');
    expect(Number(run.outputs.regressions)).toBeGreaterThanOrEqual(1);
    expect(existsSync(run.outputs.report ?? '')).toBe(true);
    firstReport = run.outputs.report ?? '';
    expect(ours()).toHaveLength(1);
    const body = ours()[0]?.body ?? '';
    expect(body.startsWith('<!-- flamegate:perf/perf -->')).toBe(true);
    expect(body).toMatch(/❌ flamegate: fail/);
    expect(body).toContain('slowPath');
    expect(body).toContain(`https://github.com/${OWNER}/${REPO}/commit/${slower.headSha}`);
    expect(body).toContain(`https://github.com/${OWNER}/${REPO}/blob/${slower.headSha}/src/records.js#L`);
    expect(body.length).toBeLessThan(65536);
    expect(run.outputs['comment-url']).toContain(`/pull/${PR}#issuecomment-`);
    expect(run.summary).toContain('slowPath');
    expect(run.stdout).toMatch(/::error title=flamegate(%3A|:) threshold exceeded::.*parse records/);
    // Every gate that failed the check is counted, and the counts per gate add up to it.
    const report = JSON.parse(readFileSync(run.outputs.report ?? '', 'utf8')) as Report;
    expect(Number(run.outputs.regressions)).toBe(report.failures?.length);
    const perGate = [
      'regressed-benchmarks',
      'regressed-functions',
      'regressed-allocations',
      'fleet-regressions',
      'failed-benchmarks',
      'removed-benchmarks',
    ].map((name) => Number(run.outputs[name]));
    expect(perGate.reduce((a, b) => a + b, 0)).toBe(Number(run.outputs.regressions));
    expect(Number(run.outputs['regressed-benchmarks'])).toBeGreaterThanOrEqual(1);
    // The slowed function, which this pull request edited, over its threshold: annotated on its own
    // lines in src/records.js, where the reviewer reads the diff.
    const slowPath = report.functions.find((f) => f.name === 'slowPath' && f.gate);
    expect(slowPath?.source, 'slowPath over the function threshold').toMatchObject({ reason: 'edited' });
    // On the lines the pull request changed inside slowPath, not merely where the function starts.
    const changed = slowPath?.source?.changedLines;
    expect(changed, 'the diff lines inside slowPath').toBeDefined();
    const [line, last] = changed ?? [0, 0];
    const end = last > line ? `,endLine=${last}` : '';
    expect(run.stdout).toMatch(
      new RegExp(`::error title=[^\\n]*slowPath[^\\n]*,file=src/records\\.js,line=${line}${end}::`),
    );
    // The listing paginated: page 2 was requested.
    expect(server.requests.some((r) => r.method === 'GET' && r.path.includes('page=2'))).toBe(true);
    expect(server.requests.every((r) => r.authorization === 'token ghs_test_token')).toBe(true);
  });

  it('edits its comment on a rerun; with flame-graph-branch the SVGs are committed and embedded', async () => {
    const before = server.requests.length;
    const run = await runAction(
      slower.dir,
      { name: 'pull_request', payload: pullRequestEvent(slower) },
      // What is checked is the comment edited and the images committed, not what the measurement
      // finds: the least budget (a +120% slowdown is a regression at any budget).
      { 'flame-graph-branch': 'flamegate-images', config: '.github/flamegate-tiny.yml' },
    );
    expect(run.code, run.stdout).toBe(1);
    expect(ours()).toHaveLength(1);
    const commentWrites = server.requests
      .slice(before)
      .filter((r) => r.method !== 'GET' && r.path.includes('/issues/'));
    expect(commentWrites.map((r) => r.method)).toEqual(['PATCH']);
    // The branch was created from the default branch and the regressed benchmark's SVG committed to it.
    expect(
      server.branches.has('flamegate-images'),
      JSON.stringify(
        server.requests.filter((r) => !r.path.includes('/issues/')).map((r) => `${r.method} ${r.path}`),
      ),
    ).toBe(true);
    const svgs = [...server.files.keys()].filter((k) => k.startsWith(`flamegate-images:flamegate/pr-${PR}/`));
    expect(svgs.some((k) => k.includes('parse_records') && k.endsWith('.svg'))).toBe(true);
    expect(server.files.get(svgs[0] as string)).toContain('<svg');
    expect(ours()[0]?.body).toMatch(
      /!\[flame graph delta of [^\]]*parse records\]\(https:\/\/github\.com\/acme\/widgets\/blob\/flamegate-images\/flamegate\/pr-7\/[^)]*\.svg\?raw=true\)/,
    );
  });

  it('passes on identical code and updates the same comment to a pass', async () => {
    const same = await createFixtureRepo('same');
    const id = ours()[0]?.id;
    const run = await runAction(same.dir, { name: 'pull_request', payload: pullRequestEvent(same) });
    expect(run.code, run.stdout).toBe(0);
    expect(run.outputs.verdict).toBe('pass');
    expect(run.outputs.regressions).toBe('0');
    expect(ours()).toHaveLength(1);
    expect(ours()[0]?.id).toBe(id);
    expect(ours()[0]?.body).toMatch(/✅ flamegate: pass/);
    // A/A flags nothing a user would read as a flag: every benchmark unchanged, and no function
    // regressed, improved, added or removed.
    const report = JSON.parse(readFileSync(run.outputs.report ?? '', 'utf8')) as Report;
    expect(report.verdict).toBe('pass');
    expect(report.benchmarks.map((b) => b.name).sort()).toEqual([
      'checksum lines',
      'parse records',
      'tokenize',
    ]);
    for (const b of report.benchmarks) expect(b.status).toBe('unchanged');
    expect(report.functions.filter((f) => f.status !== 'unchanged')).toEqual([]);
  });

  it('fetches a base commit missing from a shallow clone; a 403 on comments keeps the summary and the verdict', async () => {
    const origin = await createFixtureRepo('same', { config: TINY_BUDGET });
    const shallow = mkdtempSync(join(tmpdir(), 'flamegate-shallow-'));
    execFileSync('git', ['clone', '-q', '--depth=1', `file://${origin.dir}`, shallow]);
    expect(() =>
      execFileSync('git', ['cat-file', '-e', `${origin.baseSha}^{commit}`], {
        cwd: shallow,
        stdio: 'ignore',
      }),
    ).toThrow();
    server.forbid = 'all';
    try {
      const run = await runAction(shallow, { name: 'pull_request', payload: pullRequestEvent(origin) });
      expect(run.code, run.stdout).toBe(0);
      expect(run.stdout).toContain(`Fetched base commit ${origin.baseSha}`);
      expect(run.outputs.verdict).toBe('pass');
      expect(run.summary).toMatch(/✅ flamegate: pass/);
      expect(run.stdout).toMatch(/::warning::flamegate could not comment .*HTTP 403.*pull-requests: write/);
      expect(run.outputs['comment-url']).toBe('');
    } finally {
      server.forbid = 'none';
    }
  });

  it("keeps the token and the runner's secrets from the pull request's install, build and benchmark code", async () => {
    const repo = await createFixtureRepo('records-env', { config: TINY_BUDGET });
    const record = mkdtempSync(join(tmpdir(), 'flamegate-env-record-'));
    // What a real runner hands a JavaScript action, plus a workflow that exported the token itself.
    const secrets: Record<string, string> = {
      ACTIONS_RUNTIME_TOKEN: 'runtime-token-secret',
      ACTIONS_RUNTIME_URL: 'https://pipelines.invalid/runtime-url-secret/',
      ACTIONS_RESULTS_URL: 'https://results.invalid/results-url-secret/',
      ACTIONS_CACHE_URL: 'https://cache.invalid/cache-url-secret/',
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'oidc-request-token-secret',
      ACTIONS_ID_TOKEN_REQUEST_URL: 'https://oidc.invalid/oidc-url-secret',
      GITHUB_TOKEN: 'ghs_test_token',
    };
    const run = await runAction(
      repo.dir,
      { name: 'pull_request', payload: pullRequestEvent(repo) },
      { build: 'env > "$FLAMEGATE_TEST_ENV_DIR/build-$$.env"', 'upload-artifact': 'false' },
      { FLAMEGATE_TEST_ENV_DIR: record, ...secrets },
    );
    // The run completed (its verdict on this noisy machine does not matter here).
    expect([0, 1], run.stdout).toContain(run.code);
    expect(run.outputs.verdict, run.stdout).toMatch(/^(pass|fail)$/);
    const files = readdirSync(record);
    // The head's postinstall ran once, the build once per side, the benchmark file in every process.
    expect(files.filter((f) => f.startsWith('postinstall-'))).toHaveLength(1);
    expect(files.filter((f) => f.startsWith('build-'))).toHaveLength(2);
    expect(files.filter((f) => f.startsWith('bench-')).length).toBeGreaterThanOrEqual(3);
    for (const file of files) {
      const text = readFileSync(join(record, file), 'utf8');
      // The recording worked: the variables a `run:` step sees are there.
      expect(text, file).toContain(`FLAMEGATE_TEST_ENV_DIR=${record}`);
      expect(text, file).toContain('GITHUB_REPOSITORY=acme/widgets');
      expect(text, file).not.toContain('ghs_test_token');
      for (const [name, value] of Object.entries(secrets)) {
        expect(text, `${file}: ${name}`).not.toContain(value);
        expect(text, file).not.toMatch(new RegExp(`^${name}=`, 'm'));
      }
      expect(text, file).not.toMatch(/^INPUT_/m);
      expect(text, file).not.toMatch(/^GITHUB_(OUTPUT|STEP_SUMMARY|ENV|PATH|STATE)=/m);
    }
  });

  it('fails the step on a profiler that cannot load, named as an infrastructure error, never "fails on head"', async () => {
    // The action as checked out, but without the profiler's native addon for this platform.
    const broken = mkdtempSync(join(tmpdir(), 'flamegate-action-no-addon-'));
    cpSync(actionDir, broken, { recursive: true });
    rmSync(join(broken, 'dist/prebuilds'), { recursive: true, force: true });
    const repo = await createFixtureRepo('same', { config: TINY_BUDGET });
    const run = await runAction(
      repo.dir,
      { name: 'pull_request', payload: pullRequestEvent(repo) },
      { 'comment-key': 'infra' },
      {},
      broken,
    );
    expect(run.code, run.stdout).toBe(1);
    expect(run.stdout).toMatch(
      /::error::flamegate: infrastructure error: \d+ benchmarks? could not be measured because of a fault of flamegate or of this machine, not of the pull request.*No native build was found/,
    );
    expect(run.stdout).not.toContain('fails on head');
    const comment = server.comments.find((c) => c.body.includes('<!-- flamegate:infra -->'))?.body ?? '';
    expect(comment).toMatch(/### ⚠️ flamegate: infrastructure error/);
    expect(comment).not.toContain('fails on head');
    expect(run.summary).toContain('infrastructure error');
    // Leave the pull request with one flamegate comment, as the later tests expect.
    server.comments.splice(
      server.comments.findIndex((c) => c.body.includes('<!-- flamegate:infra -->')),
      1,
    );
  });

  it('refuses pull_request_target with a fork head, explaining why', async () => {
    const repo = await createFixtureRepo('same');
    const run = await runAction(repo.dir, {
      name: 'pull_request_target',
      payload: pullRequestEvent(repo, { fork: true }),
    });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(
      /::error::flamegate: refusing to benchmark a fork's pull request under pull_request_target/,
    );
    expect(run.stdout).toContain('allow-pull-request-target');
    expect(run.outputs.verdict).toBeUndefined();
  });

  it('names a bad config key in a one-line annotation', async () => {
    const repo = await createFixtureRepo('same', { config: 'thresholds:\n  benchmark: 5%\nbudgett: {}\n' });
    const run = await runAction(repo.dir, { name: 'pull_request', payload: pullRequestEvent(repo) });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/::error::flamegate: .*unknown key "budgett"/);
  });

  it('posts an existing report in post-only mode (the workflow_run half of the fork recipe)', async () => {
    const repo = await createFixtureRepo('same');
    const before = ours()[0]?.body;
    // A real run's report passes the schema; the pull request comes from the event.
    const payload = workflowRunPayload({
      owner: OWNER,
      repo: REPO,
      headSha: slower.headSha,
      headRepository: `${OWNER}/${REPO}`,
      pullRequests: [{ number: PR, headSha: slower.headSha }],
    });
    const run = await runAction(repo.dir, { name: 'workflow_run', payload }, { report: firstReport });
    expect(run.code, run.stdout).toBe(1);
    expect(run.outputs.verdict).toBe('fail');
    expect(ours()).toHaveLength(1);
    expect(ours()[0]?.body).not.toBe(before);
    expect(ours()[0]?.body).toContain('slowPath');
  });
});
