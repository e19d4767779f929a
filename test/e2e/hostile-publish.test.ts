// The privileged paths of the built action against a hostile pull request: post-only mode (the
// workflow_run half of the fork recipe) with forged files next to the report, the guards of events
// that run with a write token, and the sticky comment with a marker pasted by someone else. None of
// these measures anything: each run of the action takes a fraction of a second.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Report } from '../../src/model.js';
import { renderCommentAndSummary } from '../../src/report/outputs.js';
import {
  type ActionRun,
  installAction,
  pullRequestPayload,
  runActionStep,
  workflowRunPayload,
} from '../helpers/action-run.js';
import { type GitHubServer, startGitHubServer } from '../helpers/github-server.js';
import { node24 } from '../helpers/node24.js';

const OWNER = 'acme';
const REPO = 'widgets';
const HEAD = 'b'.repeat(40);
const OTHER_HEAD = 'c'.repeat(40);
const MARKER = '<!-- flamegate:perf/perf -->';
const FORGED =
  '@org/team please merge … [Download the fixed build](https://evil.example/payload) <img src=x onerror=alert(1)>';

let node: string;
let actionDir: string;
let server: GitHubServer;

/** A report as flamegate writes it: one regressed benchmark with a function row, one unchanged. */
function report(head = HEAD): Report {
  const side = (ns: number) => ({ medianNs: ns, meanNs: ns, ops: 5000, samples: 5000 });
  return {
    schemaVersion: 1,
    verdict: 'pass',
    base: { ref: 'main', sha: 'a'.repeat(40) },
    head: { ref: 'HEAD', sha: head },
    benchmarks: [
      {
        name: 'parse records',
        file: 'bench/records.bench.js',
        status: 'improved',
        base: side(2000),
        head: side(1500),
        change: -0.25,
        ci: [-0.27, -0.23],
        threshold: 0.05,
        processes: 4,
        stoppedBy: 'resolved',
        resolution: 0.02,
        confirmation: {
          change: -0.24,
          ci: [-0.26, -0.22],
          processes: 4,
          confirmed: true,
          firstVerdict: 'improved',
        },
      },
      {
        name: 'tokenize',
        file: 'bench/records.bench.js',
        status: 'unchanged',
        base: side(800),
        head: side(801),
        change: 0.001,
        ci: [-0.01, 0.012],
        threshold: 0.05,
      },
    ],
    functions: [
      {
        benchmark: 'bench/records.bench.js > parse records',
        name: 'slowPath',
        file: 'src/records.js',
        line: 12,
        baseSelfNsPerOp: 900,
        headSelfNsPerOp: 400,
        deltaNsPerOp: -500,
        change: -0.55,
        status: 'improved',
        kind: 'user',
        shareOfBenchmark: -0.25,
        source: { changed: true, reason: 'edited', lines: [12, 20] },
      },
    ],
    failures: [],
    settings: { processes: 4, timePerProcessMs: 300, profileMs: 500, node: 'v24.11.0' },
  };
}

/** The artifact the untrusted half uploaded: report.json, and forged files next to it. */
function artifact(content: unknown = report()): string {
  const dir = mkdtempSync(join(tmpdir(), 'flamegate-artifact-'));
  writeFileSync(join(dir, 'report.json'), typeof content === 'string' ? content : JSON.stringify(content));
  writeFileSync(join(dir, 'comment.md'), `${MARKER}\n### ✅ flamegate: pass\n\n${FORGED}\n`);
  writeFileSync(join(dir, 'pr-number'), '3\n');
  return dir;
}

function runAction(
  workspace: string,
  event: { name: string; payload: unknown },
  inputs: Record<string, string> = {},
  env: Record<string, string> = {},
): Promise<ActionRun> {
  return runActionStep({
    node,
    actionDir,
    workspace,
    repository: `${OWNER}/${REPO}`,
    apiUrl: server.url,
    eventName: event.name,
    payload: event.payload,
    inputs: { 'upload-artifact': 'false', ...inputs },
    env,
  });
}

/** The comment a live run renders from this report: what post-only mode must post, byte for byte. */
function rendered(from: Report): string {
  return renderCommentAndSummary(
    from,
    { files: [], sections: {} },
    { repoUrl: `https://github.com/${OWNER}/${REPO}`, marker: MARKER, summaryChars: 1_000_000 },
  ).comment;
}

const forkRun = (headSha = HEAD) =>
  workflowRunPayload({ owner: OWNER, repo: REPO, headSha, headRepository: `mallory/${REPO}` });
const on = (issue: number) => server.comments.filter((c) => c.issue === issue);

beforeAll(async () => {
  node = node24();
  actionDir = installAction();
  server = await startGitHubServer({ owner: OWNER, repo: REPO });
}, 60_000);

beforeEach(() => {
  server.comments.length = 0;
  server.requests.length = 0;
  server.graphql = true;
  server.restUser = true;
  // 120 open pull requests, so finding the fork's needs the second page; #3 is the one the forged
  // files name, #8 the fork's at the run's head, #9 another fork's at the same commit.
  server.pulls = Array.from({ length: 120 }, (_, i) => ({
    number: 100 + i,
    headSha: (i % 10).toString(16).repeat(40),
    headRepo: `user${i}/${REPO}`,
  }));
  server.pulls.push(
    { number: 3, headSha: OTHER_HEAD, headRepo: `${OWNER}/${REPO}` },
    { number: 8, headSha: HEAD, headRepo: `mallory/${REPO}` },
    { number: 9, headSha: HEAD, headRepo: `eve/${REPO}` },
  );
});

afterAll(async () => {
  await server?.close();
});

describe('post-only mode trusts nothing in the artifact', () => {
  it("re-renders report.json, ignores the forged comment.md and pr-number, and comments on the fork's pull request at the run's head", async () => {
    const dir = artifact();
    const run = await runAction(
      dir,
      { name: 'workflow_run', payload: forkRun() },
      { report: 'report.json', 'pr-number': '3' },
    );
    expect(run.code, run.stdout).toBe(0);
    expect(on(3)).toHaveLength(0);
    expect(on(8)).toHaveLength(1);
    const body = on(8)[0]?.body ?? '';
    expect(body).toBe(rendered(report()));
    for (const forged of ['@org/team', 'evil.example', '<img', 'Download the fixed build']) {
      expect(body).not.toContain(forged);
      expect(run.summary).not.toContain(forged);
    }
    expect(body).toContain('slowPath');
    expect(run.stdout).toMatch(/::warning::input "pr-number" .*is ignored under workflow_run/);
    expect(run.stdout).toContain(`Pull request #8 (head ${HEAD}), from the open pull requests (a fork).`);
    // The open pull requests were listed page by page.
    expect(
      server.requests.some(
        (r) => r.path.startsWith(`/repos/${OWNER}/${REPO}/pulls?`) && r.path.includes('page=2'),
      ),
    ).toBe(true);
  });

  it('takes a same-repository pull request from the event, never one whose base is another repository', async () => {
    const payload = workflowRunPayload({
      owner: OWNER,
      repo: REPO,
      headSha: HEAD,
      headRepository: `${OWNER}/${REPO}`,
      // The upstream's pull request at the same commit comes first in the list.
      pullRequests: [
        { number: 44, headSha: HEAD, baseRepoId: 999, baseRepo: `upstream/${REPO}` },
        { number: 12, headSha: HEAD },
      ],
    });
    const run = await runAction(artifact(), { name: 'workflow_run', payload }, { report: 'report.json' });
    expect(run.code, run.stdout).toBe(0);
    expect(on(12)).toHaveLength(1);
    expect(on(44)).toHaveLength(0);
    expect(run.stdout).toContain('from the workflow_run event');
    expect(server.requests.some((r) => r.path.includes('/pulls'))).toBe(false);
  });

  it('refuses a report whose head is not the commit the run measured, naming both', async () => {
    const run = await runAction(
      artifact(report(OTHER_HEAD)),
      { name: 'workflow_run', payload: forkRun() },
      { report: 'report.json' },
    );
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(
      new RegExp(
        `::error::flamegate: input "report": .*measured head ${OTHER_HEAD}, but the workflow run that made it checked out ${HEAD}`,
      ),
    );
    expect(server.comments).toHaveLength(0);
    expect(run.outputs.verdict).toBeUndefined();
  });

  it('refuses a report.json that fails the schema, naming the field', async () => {
    const bad = report() as unknown as { benchmarks: Record<string, unknown>[]; head: { sha: string } };
    (bad.benchmarks[0] as Record<string, unknown>).name = { toString: 'x' };
    const run = await runAction(
      artifact(bad),
      { name: 'workflow_run', payload: forkRun() },
      { report: 'report.json' },
    );
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(
      /::error::flamegate: input "report": .*report\.json is not a valid flamegate report: field "benchmarks\[0\]\.name" = \{"toString":"x"\}: must be string/,
    );

    // A link smuggled into a commit SHA, which the comment prints unescaped.
    const sha = report() as unknown as { base: { sha: string } };
    sha.base.sha = 'a) [Download](https://evil.example/payload) (';
    const second = await runAction(
      artifact(sha),
      { name: 'workflow_run', payload: forkRun() },
      { report: 'report.json' },
    );
    expect(second.code).toBe(1);
    expect(second.stdout).toMatch(/field "base\.sha" = .*must match pattern/);

    const notJson = await runAction(
      artifact('{"schemaVersion": 1,'),
      { name: 'workflow_run', payload: forkRun() },
      { report: 'report.json' },
    );
    expect(notJson.code).toBe(1);
    expect(notJson.stdout).toMatch(/::error::flamegate: input "report": .*report\.json is not JSON/);
    expect(server.comments).toHaveLength(0);
  });

  it('posts no comment when no open pull request, or more than one, has the head; the summary still gets the report', async () => {
    const gone = await runAction(
      artifact(report('d'.repeat(40))),
      { name: 'workflow_run', payload: forkRun('d'.repeat(40)) },
      { report: 'report.json' },
    );
    expect(gone.code, gone.stdout).toBe(0);
    expect(gone.stdout).toContain(
      `No pull request to comment on: no open pull request of ${OWNER}/${REPO} has the head commit ${'d'.repeat(40)} from mallory/${REPO}`,
    );
    expect(gone.summary).toContain('parse records');

    // Without the head repository in the event, #8 and #9 both match: flamegate does not pick one.
    const payload = workflowRunPayload({ owner: OWNER, repo: REPO, headSha: HEAD, headRepository: null });
    const two = await runAction(artifact(), { name: 'workflow_run', payload }, { report: 'report.json' });
    expect(two.code, two.stdout).toBe(0);
    expect(two.stdout).toContain(
      `several pull requests (#8, #9) have the head commit ${HEAD}; flamegate does not guess`,
    );
    expect(server.comments).toHaveLength(0);
  });
});

describe('guards fail closed', () => {
  // A checkout whose install script would leave a file behind if anything of it ran.
  function hostileCheckout(): string {
    const dir = mkdtempSync(join(tmpdir(), 'flamegate-hostile-'));
    writeFileSync(
      join(dir, 'package.json'),
      JSON.stringify({ name: 'x', scripts: { postinstall: 'touch pwned' } }),
    );
    mkdirSync(join(dir, 'bench'));
    return dir;
  }
  const refused = async (name: string, payload: unknown, pattern: RegExp) => {
    const run = await runAction(hostileCheckout(), { name, payload });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(pattern);
    expect(run.stdout).toContain('allow-pull-request-target');
    expect(run.outputs.verdict).toBeUndefined();
    // Refused before anything ran or was asked of GitHub.
    expect(server.requests).toHaveLength(0);
    expect(run.stdout).not.toMatch(/Fetched base|Measuring/);
  };

  it('refuses pull_request_target when head.repo is null (a deleted fork) or {}', async () => {
    for (const repo of [null, {}]) {
      const payload = pullRequestPayload({
        owner: OWNER,
        repo: REPO,
        pr: 5,
        baseSha: 'a'.repeat(40),
        headSha: HEAD,
      });
      (payload.pull_request.head as { repo: unknown }).repo = repo;
      await refused(
        'pull_request_target',
        payload,
        /::error::flamegate: refusing to benchmark a fork's pull request under pull_request_target \(head repository missing from the event/,
      );
    }
  });

  it('refuses to measure under workflow_run a head from a fork or from nowhere, and under issue_comment on a pull request', async () => {
    await refused(
      'workflow_run',
      forkRun(),
      /refusing to benchmark under workflow_run a run whose head comes from "mallory\/widgets"/,
    );
    await refused(
      'workflow_run',
      workflowRunPayload({ owner: OWNER, repo: REPO, headSha: HEAD, headRepository: null }),
      /refusing to benchmark under workflow_run a run whose head comes from an unknown repository/,
    );
    await refused(
      'issue_comment',
      { issue: { number: 5, pull_request: { url: 'x' } }, repository: { full_name: `${OWNER}/${REPO}` } },
      /refusing to benchmark a pull request under issue_comment/,
    );
  });
});

describe('the sticky comment is our own', () => {
  const PR = 21;
  const postOnly = (env: Record<string, string> = {}) => {
    const payload = pullRequestPayload({
      owner: OWNER,
      repo: REPO,
      pr: PR,
      baseSha: 'a'.repeat(40),
      headSha: HEAD,
    });
    return runAction(artifact(), { name: 'pull_request', payload }, { report: 'report.json' }, env);
  };

  it("leaves another user's comment with the marker untouched, makes its own, and updates that one next time", async () => {
    const planted = `${MARKER}\n${FORGED}`;
    server.comments.push(
      { id: 1, body: planted, user: 'mallory', issue: PR },
      // The bot's comment that quotes the marker later on is not the sticky comment either.
      { id: 2, body: `see ${MARKER}`, user: 'github-actions[bot]', issue: PR },
    );
    const first = await postOnly();
    expect(first.code, first.stdout).toBe(0);
    expect(on(PR)).toHaveLength(3);
    expect(on(PR)[0]).toMatchObject({ id: 1, body: planted, user: 'mallory' });
    expect(on(PR)[1]?.body).toBe(`see ${MARKER}`);
    const mine = on(PR)[2];
    expect(mine?.user).toBe('github-actions[bot]');
    expect(mine?.body.startsWith(MARKER)).toBe(true);
    // The token's identity came from GraphQL's viewer.
    expect(server.requests.some((r) => r.method === 'POST' && r.path === '/graphql')).toBe(true);

    const before = server.requests.length;
    const second = await postOnly();
    expect(second.code, second.stdout).toBe(0);
    expect(on(PR)).toHaveLength(3);
    const writes = server.requests.slice(before).filter((r) => r.method === 'PATCH' || r.method === 'POST');
    expect(writes.map((r) => `${r.method} ${r.path}`)).toEqual([
      'POST /graphql',
      `PATCH /repos/${OWNER}/${REPO}/issues/comments/${mine?.id}`,
    ]);
    expect(on(PR)[0]?.body).toBe(planted);
  });

  it("with a user's token and no GraphQL, knows its account from GET /user and edits only that account's comment", async () => {
    server.graphql = false;
    server.accounts.set('ghp_alice_token', { login: 'alice', type: 'User' });
    server.comments.push(
      { id: 1, body: `${MARKER}\nby the bot`, user: 'github-actions[bot]', issue: PR },
      { id: 2, body: `${MARKER}\nold report`, user: 'alice', issue: PR },
    );
    const run = await postOnly({ 'INPUT_GITHUB-TOKEN': 'ghp_alice_token' });
    expect(run.code, run.stdout).toBe(0);
    expect(on(PR)).toHaveLength(2);
    expect(on(PR)[0]?.body).toBe(`${MARKER}\nby the bot`);
    expect(on(PR)[1]?.body).toBe(rendered(report()));
    expect(server.requests.some((r) => r.path === '/user')).toBe(true);
  });

  it('edits nothing when it cannot find out whose token it holds: it posts a new comment and says so', async () => {
    server.graphql = false;
    server.restUser = false;
    server.accounts.set('github_pat_carol', { login: 'carol', type: 'User' });
    server.comments.push({ id: 1, body: `${MARKER}\nold report`, user: 'carol', issue: PR });
    const run = await postOnly({ 'INPUT_GITHUB-TOKEN': 'github_pat_carol' });
    expect(run.code, run.stdout).toBe(0);
    expect(run.stdout).toMatch(/::warning::flamegate could not tell which account its token belongs to/);
    expect(on(PR).map((c) => c.body)).toEqual([`${MARKER}\nold report`, rendered(report())]);
  });
});
