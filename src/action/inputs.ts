// Turns the Action's inputs and the event payload into one Settings object plus the publishing
// options, the way actions/checkout's input-helper does. Inputs arrive as INPUT_* variables; nothing
// here talks to GitHub.
import { readFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { type Settings, UsageError } from '../settings.js';

export type CommentMode = 'always' | 'on-change' | 'never';

export interface ActionOptions {
  token: string;
  comment: CommentMode;
  commentKey: string;
  failOnRegression: boolean;
  /** Post-only mode: publish this existing JSON report instead of measuring. */
  reportPath?: string;
  /** The pull request to comment on (from the event, or the `pr-number` input in post-only mode). */
  pullNumber?: number;
  owner: string;
  repo: string;
  serverUrl: string;
  runUrl?: string;
  eventName: string;
  /** Upload flame graphs, profiles and the report as a run artifact. */
  artifact: boolean;
  /** Opt-in: commit the flame-graph SVGs to this branch and embed them in the comment. */
  imageBranch?: string;
}

export interface ActionPlan {
  settings: Settings;
  options: ActionOptions;
  /** Base commit the workspace must contain (fetched when a shallow checkout lacks it). */
  baseSha?: string;
}

type Env = Record<string, string | undefined>;

/** GitHub's convention: `INPUT_` + the name upper-cased with spaces as underscores (dashes stay). */
export function getInput(env: Env, name: string): string {
  return (env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
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

interface EventPayload {
  pull_request?: PullRequestPayload;
  before?: string;
  after?: string;
  repository?: { full_name?: string };
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
  const comment = (getInput(env, 'comment') || 'always') as CommentMode;
  if (!['always', 'on-change', 'never'].includes(comment)) {
    throw new UsageError(`input "comment" must be always, on-change or never, got "${comment}"`);
  }

  if (event.name === 'pull_request_target' && pr) {
    const fork =
      pr.head?.repo?.full_name &&
      pr.head.repo.full_name !== (pr.base?.repo?.full_name ?? env.GITHUB_REPOSITORY);
    if (fork && !booleanInput(env, 'allow-pull-request-target', false)) {
      throw new UsageError(
        `refusing to benchmark a fork's pull request under pull_request_target: that event runs with a write token and ` +
          `secrets, and benchmarking runs the fork's code (install scripts, benchmarks), which could take over this ` +
          `repository. Use the pull_request event (and the two-workflow recipe in the README to comment on forks), or ` +
          `set allow-pull-request-target: true if you really trust every fork.`,
      );
    }
  }

  const workspace = env.GITHUB_WORKSPACE ?? process.cwd();
  const workingDirectory = getInput(env, 'working-directory');
  const cwd = workingDirectory
    ? isAbsolute(workingDirectory)
      ? workingDirectory
      : join(workspace, workingDirectory)
    : workspace;
  const prNumberInput = getInput(env, 'pr-number');
  const pullNumber = prNumberInput ? Number(prNumberInput) : pr?.number;
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
    failOnRegression: booleanInput(env, 'fail-on-regression', true),
    reportPath: getInput(env, 'report') || undefined,
    pullNumber,
    owner,
    repo,
    serverUrl,
    runUrl: env.GITHUB_RUN_ID ? `${serverUrl}/${owner}/${repo}/actions/runs/${env.GITHUB_RUN_ID}` : undefined,
    eventName: event.name,
    artifact: booleanInput(env, 'upload-artifact', true),
    imageBranch: getInput(env, 'flame-graph-branch') || undefined,
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
  if (!base && !options.reportPath) {
    throw new UsageError(
      `no base revision: the ${event.name || 'unknown'} event carries none. Set the "base" input (a branch, tag or SHA).`,
    );
  }
  if (/^[0-9a-f]{40}$/i.test(base)) baseSha = base;

  const overrides: NonNullable<Settings['overrides']> = {};
  const benchmarks = getInput(env, 'benchmarks');
  if (benchmarks)
    overrides.benchmarks = benchmarks
      .split(/\r?\n|,/)
      .map((s) => s.trim())
      .filter(Boolean);
  const install = getInput(env, 'install');
  if (install) overrides.install = install;
  const build = getInput(env, 'build');
  if (build) overrides.build = build;

  const settings: Settings = {
    cwd,
    base,
    head: 'HEAD',
    configInRepo: getInput(env, 'config') || undefined,
    overrides,
    productionProfile: getInput(env, 'production-profile') || undefined,
    outDir: join(
      env.RUNNER_TEMP ?? join(workspace, '..'),
      `flamegate-${env.GITHUB_RUN_ID ?? 'local'}-${env.GITHUB_JOB ?? 'job'}`,
    ),
  };
  return { settings, options, baseSha };
}
