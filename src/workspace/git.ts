// Every git command flamegate runs. A pull request's code runs as the same user as flamegate, so it
// can plant git settings that run commands (hooks, an fsmonitor, a textconv or external diff driver
// that a committed .gitattributes names, a filter). flamegate runs its git before any of the PR's
// code starts, in the user's repository and in fresh checkouts, and every command here still
// overrides the settings that run something and gets an environment that holds no token; the
// commands that diff pass --no-textconv --no-ext-diff, and blobs are read with `cat-file`, which
// applies no converter.
import { spawnInGroup } from '../processes.js';
import { CommandError, type ExecResult, exec } from './exec.js';

/**
 * `-c` wins over every config file, whoever wrote it: no hook and no fsmonitor runs, no `ext::`
 * transport, no pager, and no automatic gc or maintenance (which would run hooks and programs of their own).
 */
const HARDENED_CONFIG = [
  'core.hooksPath=/dev/null',
  'core.fsmonitor=false',
  'protocol.ext.allow=never',
  'core.pager=cat',
  'gc.auto=0',
  'maintenance.auto=false',
].flatMap((setting) => ['-c', setting]);

/**
 * What git needs to run at all: the programs, the user's own config files (a container job's
 * safe.directory lives there), the locale. Not GIT_CONFIG_PARAMETERS or GIT_CONFIG_KEY_*: those
 * carry settings themselves, an auth header among them.
 */
const BASE_VARIABLES = [
  'PATH',
  'HOME',
  'USER',
  'LOGNAME',
  'TMPDIR',
  'TZ',
  'LANG',
  'LANGUAGE',
  'XDG_CONFIG_HOME',
  'GIT_CONFIG_GLOBAL',
  'GIT_CONFIG_SYSTEM',
  'GIT_CONFIG_NOSYSTEM',
];
/** What `git fetch` may also need to reach the remote: ssh and proxies, as the user set them up. */
const NETWORK_VARIABLES = [
  'SSH_AUTH_SOCK',
  'GIT_SSH',
  'GIT_SSH_COMMAND',
  'GIT_SSL_CAINFO',
  'GIT_SSL_CAPATH',
  'HTTP_PROXY',
  'HTTPS_PROXY',
  'ALL_PROXY',
  'NO_PROXY',
];

/**
 * The environment of flamegate's git: only the variables git needs (so no token, and no GIT_DIR or
 * GIT_WORK_TREE that would point git elsewhere), never a prompt, and no optional index lock.
 * `network` adds ssh and the proxies, for the one command that fetches.
 */
export function gitEnv(env: NodeJS.ProcessEnv = process.env, network = false): NodeJS.ProcessEnv {
  const names = new Set(network ? [...BASE_VARIABLES, ...NETWORK_VARIABLES] : BASE_VARIABLES);
  const result: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(env)) {
    // LC_ALL, LC_CTYPE...; proxies are spelled in lower case as often as in upper case.
    if (value !== undefined && (names.has(name.toUpperCase()) || name.startsWith('LC_')))
      result[name] = value;
  }
  return { ...result, GIT_TERMINAL_PROMPT: '0', GIT_OPTIONAL_LOCKS: '0' };
}

export interface GitOptions {
  signal?: AbortSignal;
  /** The command talks to a remote (fetch). */
  network?: boolean;
}

/** Runs a hardened git command in `cwd`; the result whatever the exit code. */
export function runGit(cwd: string, args: string[], options: GitOptions = {}): Promise<ExecResult> {
  return exec('git', [...HARDENED_CONFIG, ...args], {
    cwd,
    env: gitEnv(process.env, options.network),
    signal: options.signal,
  });
}

/** Runs a hardened git command in `cwd` and returns its trimmed output; a CommandError when it fails. */
export async function git(cwd: string, args: string[], signal?: AbortSignal): Promise<string> {
  const result = await runGit(cwd, args, { signal });
  if (result.code !== 0) throw new CommandError('git failed', `git ${args.join(' ')}`, result);
  return result.stdout.trim();
}

export interface GitBytesResult {
  code: number;
  /** Raw bytes: blobs read back with `cat-file --batch` are sized in bytes, and may not be UTF-8. */
  stdout: Buffer;
  stderr: string;
}

export interface GitInputOptions extends GitOptions {
  /** Written to the command's stdin (`mktree`, `hash-object --stdin`, `cat-file --batch`). */
  input?: string | Buffer;
}

/**
 * Runs a hardened git command that reads stdin and whose output is bytes (the history branch's
 * plumbing). The same flags and environment as `runGit`; `network` for `push` and `ls-remote`, which
 * reach the remote as the repository configured it (actions/checkout's extraheader in .git/config):
 * flamegate never puts a token in the environment.
 */
export function runGitBytes(
  cwd: string,
  args: string[],
  options: GitInputOptions = {},
): Promise<GitBytesResult> {
  if (options.signal?.aborted) return Promise.reject(new Error('git was stopped: the run was cancelled'));
  return new Promise((resolve, reject) => {
    const { child, finished, kill } = spawnInGroup('git', [...HARDENED_CONFIG, ...args], {
      cwd,
      env: gitEnv(process.env, options.network),
      stdio: [options.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
    });
    const chunks: Buffer[] = [];
    let stderr = '';
    child.stdout?.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    // A command that exits before reading all of its input (a bad argument) closes the pipe: its exit
    // code and stderr say why, not the EPIPE.
    child.stdin?.on('error', () => {});
    child.stdin?.end(options.input);
    const onAbort = () => kill();
    options.signal?.addEventListener('abort', onAbort, { once: true });
    finished.then((end) => {
      options.signal?.removeEventListener('abort', onAbort);
      if (end.error) reject(end.error);
      else if (options.signal?.aborted) reject(new Error('git was stopped: the run was cancelled'));
      else resolve({ code: end.code ?? 1, stdout: Buffer.concat(chunks), stderr });
    });
  });
}
