// The built action (Node 24, only action.yml and dist/, no node_modules) on a repository whose
// benchmarks are a real library's own vitest bench files, commenting on a real local GitHub API server.
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { type GitHubServer, startGitHubServer } from '../helpers/github-server.js';
import { node24 } from '../helpers/node24.js';
import { createRepo } from '../helpers/vitest-repo.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const OWNER = 'pillarjs';
const REPO = 'path-to-regexp';
const PR = 11;

let node: string;
let actionDir: string;
let server: GitHubServer;

function inputDefaults(): Record<string, string> {
  const action = parseYaml(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as {
    inputs: Record<string, { default?: string }>;
  };
  return Object.fromEntries(
    Object.entries(action.inputs).map(([name, input]) => [
      `INPUT_${name.replace(/ /g, '_').toUpperCase()}`,
      String(input.default ?? '').replace(/\$\{\{ github\.token \}\}/, 'ghs_test_token'),
    ]),
  );
}

function outputsOf(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  for (const m of text.matchAll(/^(.+?)<<(ghadelimiter_[\w-]+)\n([\s\S]*?)\n\2$/gm))
    outputs[m[1] as string] = m[3] as string;
  return outputs;
}

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

describe('the GitHub Action on a vitest repository', () => {
  it('runs path-to-regexp’s own vitest bench file and names the slowed function in its comment', async () => {
    const repo = createRepo(
      'vitest-path-to-regexp',
      [
        {
          file: 'src/index.ts',
          from: 'if (!path) return;',
          to: 'if (!path) return;\n      for (let i = 0; i < 120; i++) if (path.charCodeAt(i % path.length) === 0) path += "";',
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
    const dir = mkdtempSync(join(tmpdir(), 'flamegate-action-run-'));
    const files = {
      event: join(dir, 'event.json'),
      output: join(dir, 'output'),
      summary: join(dir, 'summary.md'),
    };
    const full = `${OWNER}/${REPO}`;
    writeFileSync(
      files.event,
      JSON.stringify({
        action: 'synchronize',
        number: PR,
        pull_request: {
          number: PR,
          base: { sha: repo.baseSha, ref: 'main', repo: { full_name: full } },
          head: { sha: repo.headSha, ref: 'feature', repo: { full_name: full } },
        },
        repository: { full_name: full },
      }),
    );
    writeFileSync(files.output, '');
    writeFileSync(files.summary, '');
    const env: Record<string, string> = {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? tmpdir(),
      ...inputDefaults(),
      GITHUB_ACTIONS: 'true',
      CI: 'true',
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_EVENT_PATH: files.event,
      GITHUB_REPOSITORY: full,
      GITHUB_WORKSPACE: repo.dir,
      GITHUB_OUTPUT: files.output,
      GITHUB_STEP_SUMMARY: files.summary,
      GITHUB_API_URL: server.url,
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_RUN_ID: '11',
      GITHUB_JOB: 'perf',
      GITHUB_WORKFLOW: 'perf',
      RUNNER_TEMP: dir,
    };
    const run = await new Promise<{ code: number; stdout: string }>((resolve) => {
      const child = spawn(node, [join(actionDir, 'dist/action.js')], {
        cwd: repo.dir,
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
      child.on('close', (code) => resolve({ code: code ?? -1, stdout }));
    });
    expect(run.code, run.stdout).toBe(1);
    const outputs = outputsOf(readFileSync(files.output, 'utf8'));
    expect(outputs.verdict).toBe('fail');
    const comments = server.comments.filter((c) => c.body.includes('<!-- flamegate:'));
    expect(comments).toHaveLength(1);
    const body = comments[0]?.body ?? '';
    expect(body).toContain('parsing paths');
    expect(body).toContain('writePath');
    expect(body).toContain(`https://github.com/${full}/blob/${repo.headSha}/src/index.ts#L`);
    expect(readFileSync(files.summary, 'utf8')).toContain('writePath');
  });
});
