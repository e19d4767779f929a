// Every git command flamegate runs. A pull request's code runs as the same user as flamegate, so it
// can plant git settings that run commands (hooks, an fsmonitor, a textconv or external diff driver
// that a committed .gitattributes names, a filter). flamegate runs its git before any of the PR's
// code starts, in the user's repository and in fresh checkouts, and every command here still
// overrides the settings that run something and gets an environment that holds no token; the
// commands that diff pass --no-textconv --no-ext-diff, and blobs are read with `cat-file`, which
// applies no converter.
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
