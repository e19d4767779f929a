// Puts base and head side by side as detached git worktrees, installs and builds each, and removes
// them again whatever happens. Paths inside a worktree mirror the repository, so the benchmark
// working directory is `<worktree>/<prefix>`.
import { existsSync } from 'node:fs';
import { mkdtemp, realpath, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { codeUnderTestEnv } from '../code-env.js';
import { DEFAULT_STEP_TIMEOUT_MINUTES } from '../config/config.js';
import { shortSha } from '../format.js';
import type { RevisionInfo, Side } from '../model.js';
import { describeExit } from '../processes.js';
import { UsageError } from '../settings.js';
import { CommandError, type ExecOutcome, exec, git } from './exec.js';

export interface Checkout {
  side: Side;
  revision: RevisionInfo;
  /** Root of the worktree. */
  root: string;
  /** The benchmark working directory inside the worktree. */
  dir: string;
}

export interface Workspace {
  repoRoot: string;
  /** Working directory relative to the repository root ('' at the root), forward slashes. */
  prefix: string;
  base: Checkout;
  head: Checkout;
  /** Scratch directory removed with the workspace (job files, logs). */
  scratch: string;
  dispose(): Promise<void>;
}

export async function findRepo(cwd: string): Promise<{ repoRoot: string; prefix: string }> {
  if (!existsSync(cwd)) throw new UsageError(`working directory ${cwd} does not exist`);
  const result = await exec('git', ['rev-parse', '--show-toplevel'], { cwd });
  if (result.code !== 0) throw new UsageError(`${cwd} is not inside a git repository`);
  const repoRoot = await realpath(result.stdout.trim());
  const prefix = relative(repoRoot, await realpath(cwd))
    .split(sep)
    .join('/');
  return { repoRoot, prefix };
}

/** Resolves a revision to a commit SHA, or says which revision is missing and how to get it. */
export async function resolveRevision(repoRoot: string, ref: string): Promise<RevisionInfo> {
  const result = await exec('git', ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], {
    cwd: repoRoot,
  });
  const sha = result.stdout.trim();
  if (result.code !== 0 || !sha) {
    throw new UsageError(
      `revision "${ref}" was not found in ${repoRoot}. Check the name, or fetch it first (git fetch origin ${ref}).`,
    );
  }
  return { ref, sha };
}

/** Reads a file as it is in a revision; undefined when the revision does not have it. */
export async function readAtRevision(
  repoRoot: string,
  sha: string,
  path: string,
): Promise<string | undefined> {
  const result = await exec('git', ['show', `${sha}:${path}`], { cwd: repoRoot });
  return result.code === 0 ? result.stdout : undefined;
}

export async function createWorkspace(options: {
  cwd: string;
  base: string;
  head: string;
  signal?: AbortSignal;
  keep?: boolean;
}): Promise<Workspace> {
  const { repoRoot, prefix } = await findRepo(options.cwd);
  const base = await resolveRevision(repoRoot, options.base);
  const head = await resolveRevision(repoRoot, options.head);
  const temp = await mkdtemp(join(await realpath(tmpdir()), 'flamegate-'));
  const added: string[] = [];
  const dispose = async () => {
    if (options.keep) return;
    for (const path of added) {
      await exec('git', ['worktree', 'remove', '--force', path], { cwd: repoRoot }).catch(() => undefined);
    }
    await rm(temp, { recursive: true, force: true });
    await exec('git', ['worktree', 'prune'], { cwd: repoRoot }).catch(() => undefined);
  };
  try {
    const checkout = async (side: Side, revision: RevisionInfo): Promise<Checkout> => {
      const root = join(temp, side);
      await git(repoRoot, ['worktree', 'add', '--detach', '--force', root, revision.sha], options.signal);
      added.push(root);
      return { side, revision, root, dir: prefix ? join(root, prefix) : root };
    };
    return {
      repoRoot,
      prefix,
      base: await checkout('base', base),
      head: await checkout('head', head),
      scratch: join(temp, 'scratch'),
      dispose,
    };
  } catch (error) {
    await dispose();
    throw error;
  }
}

export interface InstallPlan {
  /** Directory the install runs in (where the lockfile is). */
  dir: string;
  command: string;
}

const LOCKFILES: [string, (dir: string) => string][] = [
  ['bun.lock', () => 'bun install --frozen-lockfile'],
  ['bun.lockb', () => 'bun install --frozen-lockfile'],
  ['pnpm-lock.yaml', () => 'pnpm install --frozen-lockfile'],
  [
    'yarn.lock',
    (dir) =>
      existsSync(join(dir, '.yarnrc.yml')) ? 'yarn install --immutable' : 'yarn install --frozen-lockfile',
  ],
  ['package-lock.json', () => 'npm ci --no-audit --no-fund'],
  ['npm-shrinkwrap.json', () => 'npm ci --no-audit --no-fund'],
];

/**
 * Picks the install command: the configured one runs in the working directory; otherwise the nearest
 * lockfile (walking up to the worktree root, for monorepos) names the package manager.
 */
export function planInstall(checkout: Checkout, configured?: string): InstallPlan | undefined {
  if (configured) return { dir: checkout.dir, command: configured };
  let dir = checkout.dir;
  for (;;) {
    for (const [file, command] of LOCKFILES) {
      if (existsSync(join(dir, file))) return { dir, command: command(dir) };
    }
    if (dir === checkout.root || dirname(dir) === dir) break;
    dir = dirname(dir);
  }
  if (existsSync(join(checkout.dir, 'package.json'))) {
    return { dir: checkout.dir, command: 'npm install --no-audit --no-fund' };
  }
  return undefined;
}

export async function runStep(
  checkout: Checkout,
  what: 'install' | 'build',
  plan: InstallPlan,
  signal?: AbortSignal,
  timeoutMinutes = DEFAULT_STEP_TIMEOUT_MINUTES,
): Promise<void> {
  // The pull request's install and build scripts run here: they get a `run:` step's environment.
  const result = await exec(plan.command, [], {
    cwd: plan.dir,
    shell: true,
    signal,
    env: codeUnderTestEnv(),
    timeoutMs: timeoutMinutes * 60_000,
    sweep: true,
  });
  if (result.code !== 0 || result.timedOut) {
    const where = `on ${checkout.side} (${checkout.revision.ref} ${shortSha(checkout.revision.sha)})`;
    if (result.timedOut)
      throw new CommandError(
        `${what} timed out ${where}`,
        plan.command,
        result,
        `was stopped, with every process it started, after ${timeoutMinutes} min (timeouts.${what} in the config)`,
      );
    throw new CommandError(`${what} failed ${where}`, plan.command, result, exitOf(result));
  }
}

function exitOf(result: ExecOutcome): string | undefined {
  return result.signal ? describeExit(result.code, result.signal) : undefined;
}
