// The built action, started the way GitHub's runner starts it: from a folder holding only action.yml
// and dist/ (no node_modules anywhere above it), with INPUT_* variables from action.yml's defaults,
// an event payload file, GITHUB_OUTPUT / GITHUB_STEP_SUMMARY files, its own RUNNER_TEMP, and
// GITHUB_API_URL pointing at the local GitHub API server. Shared by every end-to-end Action test.
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface ActionRun {
  code: number;
  /** stdout and stderr, interleaved as the runner's log shows them. */
  stdout: string;
  outputs: Record<string, string>;
  summary: string;
  /** The step's RUNNER_TEMP. */
  temp: string;
}

/** A copy of action.yml and dist/ alone, as GitHub checks out an action. */
export function installAction(): string {
  const dir = mkdtempSync(join(tmpdir(), 'flamegate-action-'));
  cpSync(join(ROOT, 'action.yml'), join(dir, 'action.yml'));
  cpSync(join(ROOT, 'dist'), join(dir, 'dist'), { recursive: true });
  if (existsSync(join(dir, 'node_modules'))) throw new Error(`${dir} has node_modules`);
  return dir;
}

/** INPUT_* as the runner sets them from action.yml's defaults. */
export function inputDefaults(): Record<string, string> {
  const action = parseYaml(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as {
    inputs: Record<string, { default?: string }>;
  };
  return Object.fromEntries(
    Object.entries(action.inputs).map(([name, input]) => [
      `INPUT_${name.replace(/ /g, '_').toUpperCase()}`,
      // The runner expands `${{ github.token }}` before the action starts; the test does it by hand.
      String(input.default ?? '').replace(/\$\{\{ github\.token \}\}/, 'ghs_test_token'),
    ]),
  );
}

/** The step's outputs from the GITHUB_OUTPUT file (`name<<ghadelimiter_…` blocks). */
export function parseOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  for (const m of text.matchAll(/^(.+?)<<(ghadelimiter_[\w-]+)\n([\s\S]*?)\n\2$/gm))
    outputs[m[1] as string] = m[3] as string;
  return outputs;
}

/** A pull_request event payload for `owner/repo`, optionally from a fork. */
export function pullRequestPayload(options: {
  owner: string;
  repo: string;
  pr: number;
  baseSha: string;
  headSha: string;
  fork?: boolean;
}) {
  const full = `${options.owner}/${options.repo}`;
  return {
    action: 'synchronize',
    number: options.pr,
    pull_request: {
      number: options.pr,
      base: { sha: options.baseSha, ref: 'main', repo: { full_name: full } },
      head: {
        sha: options.headSha,
        ref: 'feature',
        repo: { full_name: options.fork ? `mallory/${options.repo}` : full },
      },
    },
    repository: { full_name: full },
  };
}

/**
 * A workflow_run event (the privileged half of the fork recipe) for `owner/repo` (repository id 1), after
 * a run that measured `headSha` from `headRepository`. GitHub lists the run's pull requests only when
 * they come from this repository; for a fork `pullRequests` is empty.
 */
export function workflowRunPayload(options: {
  owner: string;
  repo: string;
  headSha: string;
  headRepository: string | null;
  pullRequests?: { number: number; headSha: string; baseRepoId?: number; baseRepo?: string }[];
}) {
  const full = `${options.owner}/${options.repo}`;
  const repoRef = (id: number, name: string) => ({
    id,
    url: `https://api.github.com/repos/${name}`,
    name: name.split('/')[1],
  });
  return {
    action: 'completed',
    workflow_run: {
      id: 777,
      name: 'perf',
      event: 'pull_request',
      status: 'completed',
      conclusion: 'success',
      head_branch: 'feature',
      head_sha: options.headSha,
      head_repository: options.headRepository ? { full_name: options.headRepository } : null,
      repository: { full_name: full },
      pull_requests: (options.pullRequests ?? []).map((p) => ({
        url: `https://api.github.com/repos/${full}/pulls/${p.number}`,
        id: 500 + p.number,
        number: p.number,
        head: { ref: 'feature', sha: p.headSha, repo: repoRef(1, full) },
        base: { ref: 'main', sha: 'a'.repeat(40), repo: repoRef(p.baseRepoId ?? 1, p.baseRepo ?? full) },
      })),
    },
    repository: { id: 1, full_name: full },
  };
}

export interface ActionStep {
  /** Node binary the runner uses (Node 24 in these tests). */
  node: string;
  /** Folder from installAction(). */
  actionDir: string;
  /** GITHUB_WORKSPACE: the checked-out repository. */
  workspace: string;
  /** `owner/name`. */
  repository: string;
  apiUrl: string;
  eventName?: string;
  payload: unknown;
  /** Inputs by their action.yml name, over the defaults. */
  inputs?: Record<string, string>;
  /** Extra environment, last (overrides anything above). */
  env?: Record<string, string>;
  job?: string;
  runId?: string;
}

/** Runs one step of the built action and collects what the runner would show. */
export function runActionStep(step: ActionStep): Promise<ActionRun> {
  const temp = mkdtempSync(join(tmpdir(), 'flamegate-action-run-'));
  const files = {
    event: join(temp, 'event.json'),
    output: join(temp, 'output'),
    summary: join(temp, 'summary.md'),
  };
  writeFileSync(files.event, JSON.stringify(step.payload));
  writeFileSync(files.output, '');
  writeFileSync(files.summary, '');
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? tmpdir(),
    ...inputDefaults(),
    ...Object.fromEntries(Object.entries(step.inputs ?? {}).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v])),
    GITHUB_ACTIONS: 'true',
    CI: 'true',
    GITHUB_EVENT_NAME: step.eventName ?? 'pull_request',
    GITHUB_EVENT_PATH: files.event,
    GITHUB_REPOSITORY: step.repository,
    GITHUB_WORKSPACE: step.workspace,
    GITHUB_OUTPUT: files.output,
    GITHUB_STEP_SUMMARY: files.summary,
    GITHUB_API_URL: step.apiUrl,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_RUN_ID: step.runId ?? '4242',
    GITHUB_JOB: step.job ?? 'perf',
    GITHUB_WORKFLOW: 'perf',
    RUNNER_TEMP: temp,
    ...step.env,
  };
  return new Promise((resolve) => {
    const child = spawn(step.node, [join(step.actionDir, 'dist/action.js')], {
      cwd: step.workspace,
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
