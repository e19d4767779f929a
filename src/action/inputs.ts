// Turns the Action's inputs and the event payload into one Settings object plus the publishing
// options, the way actions/checkout's input-helper does. Inputs arrive as INPUT_* variables; nothing
// here talks to GitHub.
import { readFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import type { CommentMode } from '../publish/publish.js';
import type { EventPullRequest, WorkflowRunEvent } from '../publish/pull-request.js';
import type { PublishOptions } from '../publish/run.js';
import { type InputOverrides, type Settings, splitList, UsageError } from '../settings.js';
import { readCostsFile, shardArtifactPrefix } from '../shard/record.js';
import { parseShard } from '../shard/select.js';
import type { BaseMode } from '../workspace/base.js';

export interface ActionOptions extends PublishOptions {
  /** Post-only mode: publish this existing JSON report instead of measuring. */
  reportPath?: string;
  /**
   * The pull request to comment on: from the event, or the `pr-number` input in post-only mode. Never
   * set under workflow_run, where it is looked up from GitHub (`workflowRun`).
   */
  pullNumber?: number;
  eventName: string;
  /**
   * `measure` (default), `merge` (combine this run's shard results and publish them) or `track` (the
   * pushed commit against its anchor, kept on the history branch).
   */
  mode: 'measure' | 'merge' | 'track';
  /** Track mode: the anchor (`anchor` input), over the config's `baseline:`. */
  anchor?: string;
  /** Track mode: the history branch (`history-branch` input), over the config's `history.branch`. */
  historyBranch?: string;
  /** Shard artifacts are named `<prefix><i>-of-<N>`; the merge job downloads those of this run. */
  shardArtifactPrefix: string;
  /** Merge mode: a local directory holding the shard results instead of this run's artifacts. */
  shardsDir?: string;
}

export interface ActionPlan {
  settings: Settings;
  options: ActionOptions;
  /** Base commit the workspace must contain (fetched when a shallow checkout lacks it). */
  baseSha?: string;
  /** `pr-base`: compare with the base as given; `merge-base`: with the merge-base of base and HEAD. */
  baseMode: BaseMode;
  /** Inputs that were given but not used, and why: the entry point logs them as warnings. */
  warnings: string[];
}

type Env = Record<string, string | undefined>;

/** GitHub's convention: `INPUT_` + the name upper-cased with spaces as underscores (dashes stay). */
export function getInput(env: Env, name: string): string {
  return (env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
}

/** An input with a fixed set of values; the first is the default. */
function choiceInput<T extends string>(env: Env, name: string, choices: readonly [T, ...T[]]): T {
  const value = getInput(env, name);
  if (value === '') return choices[0];
  if ((choices as readonly string[]).includes(value)) return value as T;
  const list = `${choices.slice(0, -1).join(', ')} or ${choices[choices.length - 1]}`;
  throw new UsageError(`input "${name}" must be ${list}, got "${value}"`);
}

function booleanInput(env: Env, name: string, fallback: boolean): boolean {
  const value = getInput(env, name).toLowerCase();
  if (value === '') return fallback;
  if (['true', 'yes', '1'].includes(value)) return true;
  if (['false', 'no', '0'].includes(value)) return false;
  throw new UsageError(`input "${name}" must be true or false, got "${value}"`);
}

interface PullRequestPayload {
  number?: number;
  base?: { sha?: string; ref?: string; repo?: { full_name?: string } };
  head?: { sha?: string; ref?: string; repo?: { full_name?: string } | null };
}

interface RepoRef {
  id?: number;
  url?: string;
  full_name?: string;
}

interface EventPayload {
  pull_request?: PullRequestPayload;
  before?: string;
  after?: string;
  repository?: RepoRef;
  /** issue_comment: `pull_request` is present when the issue is a pull request. */
  issue?: { number?: number; pull_request?: unknown };
  workflow_run?: {
    head_sha?: string;
    head_repository?: RepoRef | null;
    pull_requests?: { number?: number; head?: { sha?: string }; base?: { repo?: RepoRef } }[];
  };
}

export function readEvent(env: Env): { name: string; payload: EventPayload } {
  const name = env.GITHUB_EVENT_NAME ?? '';
  const path = env.GITHUB_EVENT_PATH;
  let payload: EventPayload = {};
  if (path) {
    try {
      payload = JSON.parse(readFileSync(path, 'utf8')) as EventPayload;
    } catch (error) {
      throw new UsageError(`cannot read the event payload ${path}: ${(error as Error).message}`);
    }
  }
  return { name, payload };
}

const ZERO_SHA = /^0+$/;

export function planAction(env: Env): ActionPlan {
  const event = readEvent(env);
  const [owner = '', repo = ''] = (env.GITHUB_REPOSITORY ?? '').split('/');
  const pr = event.payload.pull_request;
  let comment = choiceInput<CommentMode>(env, 'comment', ['always', 'on-change', 'never']);
  const baseMode = choiceInput<BaseMode>(env, 'base-mode', ['pr-base', 'merge-base']);

  const mode = choiceInput<'measure' | 'merge' | 'track'>(env, 'mode', ['measure', 'merge', 'track']);
  // A track run adds to the history of the default branch: a pull request's code is not that.
  if (mode === 'track' && /^(pull_request|pull_request_target|workflow_run)$/.test(event.name))
    throw new UsageError(
      `mode: track measures the default branch and keeps its history; it runs on push, schedule or workflow_dispatch, not on ${event.name}`,
    );
  const shardInput = getInput(env, 'shard');
  const shard = shardInput ? parseShard(shardInput, 'input "shard"') : undefined;
  if (shard && mode === 'merge') {
    throw new UsageError(
      `input "shard" ("${shardInput}") is for the shard jobs; the merge job (mode: merge) takes none`,
    );
  }
  // The shard jobs leave commenting and the verdict to the merge job.
  if (shard) comment = 'never';
  const reportPath = getInput(env, 'report') || undefined;
  // Only measuring runs the pull request's code; post-only and merge modes read files.
  if (mode === 'measure' && !reportPath && !booleanInput(env, 'allow-pull-request-target', false)) {
    const refusal = untrustedHead(event, env.GITHUB_REPOSITORY ?? '');
    if (refusal) throw new UsageError(refusal);
  }
  const warnings: string[] = [];

  const workspace = env.GITHUB_WORKSPACE ?? process.cwd();
  const directories = splitList(getInput(env, 'working-directory'));
  // Several directories, or a glob, make a monorepo run rooted at the workspace.
  const packages =
    directories.length > 1 || directories.some((d) => /[*?{[]/.test(d)) ? directories : undefined;
  const workingDirectory = packages ? '' : (directories[0] ?? '');
  const cwd = workingDirectory
    ? isAbsolute(workingDirectory)
      ? workingDirectory
      : join(workspace, workingDirectory)
    : workspace;
  const workflowRun = event.name === 'workflow_run' ? workflowRunOf(event.payload) : undefined;
  let prNumberInput = getInput(env, 'pr-number');
  if (workflowRun && prNumberInput) {
    // In the fork recipe this number would come from the artifact the pull request uploaded.
    warnings.push(
      `input "pr-number" (${JSON.stringify(prNumberInput.slice(0, 40))}) is ignored under workflow_run: flamegate takes the pull request from GitHub (the event, else the open pull request whose head is workflow_run.head_sha), never from the measuring run. Remove it from the workflow.`,
    );
    prNumberInput = '';
  }
  const pullNumber = workflowRun ? undefined : prNumberInput ? Number(prNumberInput) : pr?.number;
  if (prNumberInput && !(Number.isInteger(pullNumber) && (pullNumber as number) > 0)) {
    throw new UsageError(`input "pr-number" must be a pull request number, got "${prNumberInput}"`);
  }
  const serverUrl = env.GITHUB_SERVER_URL ?? 'https://github.com';
  const options: ActionOptions = {
    token: getInput(env, 'github-token'),
    comment,
    commentKey:
      getInput(env, 'comment-key') ||
      `${env.GITHUB_WORKFLOW ?? 'flamegate'}/${env.GITHUB_JOB ?? 'job'}${workingDirectory ? `/${workingDirectory}` : ''}`,
    failOnRegression: shard ? false : booleanInput(env, 'fail-on-regression', true),
    reportPath,
    pullNumber,
    workflowRun,
    owner,
    repo,
    serverUrl,
    apiUrl: env.GITHUB_API_URL || undefined,
    runId: env.GITHUB_RUN_ID,
    runUrl: env.GITHUB_RUN_ID ? `${serverUrl}/${owner}/${repo}/actions/runs/${env.GITHUB_RUN_ID}` : undefined,
    eventName: event.name,
    artifact: booleanInput(env, 'upload-artifact', true),
    imageBranch: getInput(env, 'flame-graph-branch') || undefined,
    mode,
    shard,
    shardArtifactPrefix: shardArtifactPrefix(getInput(env, 'comment-key') || undefined),
    shardsDir: getInput(env, 'shards-dir') ? resolvePath(workspace, getInput(env, 'shards-dir')) : undefined,
  };

  const baseInput = getInput(env, 'base');
  let base = baseInput;
  let baseSha: string | undefined;
  if (!base && pr?.base?.sha) {
    base = pr.base.sha;
    baseSha = pr.base.sha;
  } else if (!base && event.payload.before && !ZERO_SHA.test(event.payload.before)) {
    base = event.payload.before;
    baseSha = event.payload.before;
  }
  if (mode === 'track') {
    const anchor = getInput(env, 'anchor');
    if (anchor) options.anchor = anchor;
    const historyBranch = getInput(env, 'history-branch');
    if (historyBranch) options.historyBranch = historyBranch;
  }
  if (!base && !options.reportPath && mode === 'measure') {
    throw new UsageError(
      `no base revision: the ${event.name || 'unknown'} event carries none. Set the "base" input (a branch, tag or SHA).`,
    );
  }
  if (/^[0-9a-f]{40}$/i.test(base)) baseSha = base;

  const overrides: InputOverrides = {};
  const benchmarks = getInput(env, 'benchmarks');
  if (benchmarks) overrides.benchmarks = splitList(benchmarks);
  const install = getInput(env, 'install');
  if (install) overrides.install = install;
  const build = getInput(env, 'build');
  if (build) overrides.build = build;

  const costsInput = getInput(env, 'costs');
  const settings: Settings = {
    cwd,
    base,
    head: 'HEAD',
    shard,
    packages,
    costs: costsInput ? readCostsFile(resolvePath(workspace, costsInput), 'input "costs"') : undefined,
    configInRepo: getInput(env, 'config') || undefined,
    inputOverrides: overrides,
    productionProfile: getInput(env, 'production-profile') || undefined,
    // A push measures everything; a pull request, what it can reach.
    defaultSelect: pullNumber !== undefined || workflowRun ? 'affected' : 'all',
    // A pull request's comment says how far the default branch has drifted from its release: the
    // history branch is fetched from origin (read-only) before the pull request's code runs.
    history: {
      fetch: mode === 'measure' && (pullNumber !== undefined || !!workflowRun),
      ...(getInput(env, 'history-branch') ? { branch: getInput(env, 'history-branch') } : {}),
    },
    outDir: join(
      env.RUNNER_TEMP ?? join(workspace, '..'),
      `flamegate-${env.GITHUB_RUN_ID ?? 'local'}-${env.GITHUB_JOB ?? 'job'}${shard ? `-shard-${shard.index}-of-${shard.count}` : ''}`,
    ),
  };
  return { settings, options, baseSha, baseMode, warnings };
}

const sameRepo = (a: string | undefined, b: string) => !!a && a.toLowerCase() === b.toLowerCase();

const PRIVILEGED =
  'that event runs with a write token and secrets, and benchmarking runs the code it checks out (install scripts, benchmarks), which could take over this repository. ' +
  'Use the pull_request event (and the two-workflow recipe in the README to comment on forks), or set allow-pull-request-target: true if you really trust every fork.';

/**
 * Why this run must not measure what it checked out, or undefined when it may. Events that run with a
 * write token count a head as trusted only when the event names its repository and it is this one:
 * a head repository that is missing (a deleted fork), empty or unknown is a fork's.
 */
function untrustedHead(
  event: { name: string; payload: EventPayload },
  repository: string,
): string | undefined {
  const { name, payload } = event;
  const here = repository || payload.repository?.full_name || '';
  if (name === 'pull_request_target') {
    const pr = payload.pull_request;
    const head = pr?.head?.repo?.full_name;
    const base = pr?.base?.repo?.full_name;
    if (sameRepo(head, here) && (base === undefined || sameRepo(base, here))) return undefined;
    return `refusing to benchmark a fork's pull request under pull_request_target (head repository ${head ? JSON.stringify(head) : 'missing from the event, as for a deleted fork'}, this repository "${here}"): ${PRIVILEGED}`;
  }
  if (name === 'workflow_run') {
    const head = payload.workflow_run?.head_repository?.full_name;
    if (sameRepo(head, here)) return undefined;
    return `refusing to benchmark under workflow_run a run whose head comes from ${head ? JSON.stringify(head) : 'an unknown repository (missing from the event)'}, not "${here}": ${PRIVILEGED}`;
  }
  if (name === 'issue_comment' && payload.issue?.pull_request) {
    return `refusing to benchmark a pull request under issue_comment: the event does not say whether the pull request comes from a fork, and ${PRIVILEGED}`;
  }
  return undefined;
}

/** What the workflow_run event says about the run that made the report (GitHub's data, not the artifact's). */
function workflowRunOf(payload: EventPayload): WorkflowRunEvent {
  const run = payload.workflow_run;
  const headSha = run?.head_sha;
  if (!headSha || !/^[0-9a-f]{40}([0-9a-f]{24})?$/.test(headSha)) {
    throw new UsageError(
      `the workflow_run event has no valid workflow_run.head_sha (got ${JSON.stringify(headSha ?? null)}): flamegate cannot tell which commit and pull request the run is about`,
    );
  }
  const pullRequests: EventPullRequest[] = (run?.pull_requests ?? []).flatMap((p) =>
    typeof p?.number === 'number'
      ? [
          {
            number: p.number,
            headSha: p.head?.sha,
            baseRepoId: p.base?.repo?.id,
            baseRepoUrl: p.base?.repo?.url,
          },
        ]
      : [],
  );
  return {
    headSha,
    headRepository: run?.head_repository?.full_name,
    pullRequests,
    repositoryId: payload.repository?.id,
  };
}

function resolvePath(workspace: string, path: string): string {
  return isAbsolute(path) ? path : join(workspace, path);
}
