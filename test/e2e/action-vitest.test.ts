// The built action (Node 24, only action.yml and dist/, no node_modules) on a repository holding a real
// library (path-to-regexp, from the npm registry: fixtures/recipes/path-to-regexp) and vitest bench
// files of ours for it, commenting on a real local GitHub API server.
// (This is also the end-to-end test of a vitest bench file on a real library: what the report names first.)
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/model.js';
import { installAction, pullRequestPayload, runActionStep } from '../helpers/action-run.js';
import { type GitHubServer, startGitHubServer } from '../helpers/github-server.js';
import { node24 } from '../helpers/node24.js';
import { createRepo } from '../helpers/vitest-repo.js';

const OWNER = 'pillarjs';
const REPO = 'path-to-regexp';
const PR = 11;

let node: string;
let actionDir: string;
let server: GitHubServer;

beforeAll(async () => {
  node = node24();
  actionDir = installAction();
  server = await startGitHubServer({ owner: OWNER, repo: REPO });
}, 180_000);

afterAll(async () => {
  await server?.close();
});

describe('the GitHub Action on a vitest repository', () => {
  it('runs a vitest bench file on path-to-regexp and names the slowed function in its comment', async () => {
    const repo = createRepo(
      'recipes/path-to-regexp',
      [
        {
          file: 'path-to-regexp/dist/index.js',
          from: 'function writePath() {\n            if (!path)\n                return;',
          to: 'function writePath() {\n            if (!path)\n                return;\n            for (let i = 0; i < 120; i++) if (path.charCodeAt(i % path.length) === 0) path += "";',
        },
      ],
      // No `benchmarks:` key: vitest's bench file is found by the default glob. The budget keeps it short.
      {
        '.github/flamegate.yml': [
          'overrides:',
          '  - { match: "match > *", skip: true }',
          '  - { match: "toRegexp > *", skip: true }',
          'budget: { processes: 4, maxProcesses: 4, timePerProcessMs: 300, warmupMs: 100, profileMs: 300,',
          '          profileProcesses: 2, allocationProcesses: 0 }',
          '',
        ].join('\n'),
      },
    );
    const full = `${OWNER}/${REPO}`;
    const run = await runActionStep({
      node,
      actionDir,
      workspace: repo.dir,
      repository: full,
      apiUrl: server.url,
      payload: pullRequestPayload({
        owner: OWNER,
        repo: REPO,
        pr: PR,
        baseSha: repo.baseSha,
        headSha: repo.headSha,
      }),
      runId: '11',
    });
    expect(run.code, run.stdout).toBe(1);
    expect(run.outputs.verdict).toBe('fail');
    const comments = server.comments.filter((c) => c.body.includes('<!-- flamegate:'));
    expect(comments).toHaveLength(1);
    const body = comments[0]?.body ?? '';
    expect(body).toContain('parsing paths');
    expect(body).toContain('writePath');
    expect(body).toContain(`https://github.com/${full}/blob/${repo.headSha}/path-to-regexp/dist/index.js#L`);
    expect(run.summary).toContain('writePath');
    // The report behind the comment: the benchmark regressed, writePath is named first, at its source
    // file, and neither Vite's module runner nor flamegate's runner is reported as a changed function.
    const report = JSON.parse(readFileSync(run.outputs.report ?? '', 'utf8')) as Report;
    const parse = report.benchmarks.find((b) => b.name === 'parse > parsing paths');
    expect(parse?.file).toBe('bench/paths.bench.ts');
    expect(parse?.status).toBe('regressed');
    const fns = report.functions.filter((f) => f.benchmark.endsWith('parse > parsing paths'));
    expect(fns[0]?.name).toBe('writePath');
    expect(fns[0]?.file).toBe('path-to-regexp/dist/index.js');
    expect(
      report.functions.filter(
        (f) => f.status !== 'unchanged' && (f.package === 'vite' || f.file.includes('runner.js')),
      ),
    ).toEqual([]);
  });
});
