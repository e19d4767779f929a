// Puts base and head side by side as detached checkouts, installs and builds each, and removes them
// again whatever happens. Paths inside a checkout mirror the repository, so the benchmark working
// directory is `<checkout>/<prefix>`.
//
// Each checkout is a repository of its own that borrows the user's objects (git alternates), not a
// `git worktree` of the user's repository: a worktree shares the repository's config, and the pull
// request's install scripts run in it, so a `git config` there would reach the user's checkout and
// every later git command in it. Here it reaches only a throwaway repository in the temp dir.
import { existsSync, readdirSync } from 'node:fs';
import { copyFile, mkdtemp, realpath, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { codeUnderTestEnv } from '../code-env.js';
import { DEFAULT_STEP_TIMEOUT_MINUTES } from '../config/config.js';
import { shortSha } from '../format.js';
import type { RevisionInfo, Side } from '../model.js';
import { describeExit } from '../processes.js';
import { UsageError } from '../settings.js';
import { CommandError, type ExecOutcome, exec } from './exec.js';
import { git, runGit } from './git.js';
import { chooseInstallCommand, LOCKFILES, readInstallFacts } from './install-command.js';

export interface Checkout {
  side: Side;
  revision: RevisionInfo;
  /** Root of the checkout (a throwaway repository in the temp dir). */
  root: string;
  /** The benchmark working directory inside the checkout. */
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
  const result = await runGit(cwd, ['rev-parse', '--show-toplevel']);
  if (result.code !== 0) throw new UsageError(`${cwd} is not inside a git repository`);
  const repoRoot = await realpath(result.stdout.trim());
  const prefix = relative(repoRoot, await realpath(cwd))
    .split(sep)
    .join('/');
  return { repoRoot, prefix };
}

/** Resolves a revision to a commit SHA, or says which revision is missing and how to get it. */
export async function resolveRevision(repoRoot: string, ref: string): Promise<RevisionInfo> {
  const result = await runGit(repoRoot, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]);
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
  // The blob as committed: `git show` would run a textconv driver that .gitattributes names.
  const result = await runGit(repoRoot, ['cat-file', 'blob', `${sha}:${path}`]);
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
  // Removing the temp dir removes the checkouts: the user's repository never knew of them.
  const dispose = async () => {
    if (!options.keep) await rm(temp, { recursive: true, force: true });
  };
  try {
    const [format, objects, shallow] = (
      await git(repoRoot, [
        'rev-parse',
        '--show-object-format',
        '--git-path',
        'objects',
        '--git-path',
        'shallow',
      ])
    ).split('\n');
    const objectsDir = resolve(repoRoot, objects as string);
    const checkout = async (side: Side, revision: RevisionInfo): Promise<Checkout> => {
      const root = join(temp, side);
      if (isPartialClone(objectsDir)) await fetchMissingBlobs(repoRoot, revision.sha, options.signal);
      // No template: nothing copied from the user's `init.templateDir` (hooks, say).
      // SHA-256 repositories need a SHA-256 checkout (and a git that knows them, which prints the format).
      const objectFormat = format === 'sha256' ? ['--object-format=sha256'] : [];
      await git(temp, ['init', '--quiet', '--template=', ...objectFormat, root], options.signal);
      await writeFile(join(root, '.git/objects/info/alternates'), `${objectsDir}\n`);
      // A shallow clone's boundary, so that `git log` in a build stops there instead of failing.
      const boundary = resolve(repoRoot, shallow as string);
      if (existsSync(boundary)) await copyFile(boundary, join(root, '.git/shallow'));
      await git(root, ['checkout', '--quiet', '--detach', revision.sha], options.signal);
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

/** A partial clone (`--filter=blob:none`, say) fetches missing objects lazily from its promisor packs' remote. */
function isPartialClone(objectsDir: string): boolean {
  try {
    return readdirSync(join(objectsDir, 'pack')).some((name) => name.endsWith('.promisor'));
  } catch {
    return false;
  }
}

/**
 * A checkout that borrows a partial clone's objects cannot fetch the blobs the clone lacks (it has no
 * remote): the user's repository fetches them first, in one batch, as a diff against the empty tree
 * needs every blob of the revision.
 */
async function fetchMissingBlobs(repoRoot: string, sha: string, signal?: AbortSignal): Promise<void> {
  const emptyTree = await git(repoRoot, ['hash-object', '-t', 'tree', '/dev/null'], signal);
  const args = ['diff', '--numstat', '--no-textconv', '--no-ext-diff', '--no-renames', emptyTree, sha];
  const result = await runGit(repoRoot, args, { signal, network: true });
  if (result.code !== 0)
    throw new CommandError(
      'fetching the missing blobs of a partial clone failed',
      `git ${args.join(' ')}`,
      result,
    );
}

export interface InstallPlan {
  /** Directory the install runs in (where the lockfile is). */
  dir: string;
  command: string;
}

/**
 * Picks the install command: the configured one runs in the working directory; otherwise the nearest
 * lockfile (walking up to the worktree root, for monorepos) and the `packageManager` field of the
 * package.json beside it name the package manager (`chooseInstallCommand` has the precedence).
 */
export function planInstall(checkout: Checkout, configured?: string): InstallPlan | undefined {
  if (configured) return { dir: checkout.dir, command: configured };
  let dir = checkout.dir;
  for (;;) {
    for (const [file] of LOCKFILES) {
      const command = existsSync(join(dir, file)) && chooseInstallCommand(readInstallFacts(dir, file));
      if (command) return { dir, command };
    }
    if (dir === checkout.root || dirname(dir) === dir) break;
    dir = dirname(dir);
  }
  if (existsSync(join(checkout.dir, 'package.json'))) {
    const command = chooseInstallCommand(readInstallFacts(checkout.dir));
    return { dir: checkout.dir, command: command ?? 'npm install --no-audit --no-fund' };
  }
  return undefined;
}

/**
 * What an install gets on top of a `run:` step's environment. Base and head run in one benchmark
 * process, and Yarn's Plug'n'Play runtime refuses a package file that two trees claim, as both would
 * claim every archive of Yarn's global cache: each checkout keeps its own cache. Corepack (when it
 * fetches the repository's Yarn or pnpm) must not wait for a prompt nobody answers.
 */
const INSTALL_ENV = { YARN_ENABLE_GLOBAL_CACHE: 'false', COREPACK_ENABLE_DOWNLOAD_PROMPT: '0' };

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
    env: what === 'install' ? { ...INSTALL_ENV, ...codeUnderTestEnv() } : codeUnderTestEnv(),
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
