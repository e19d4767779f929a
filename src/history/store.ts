// The history store: one file per track run on a branch of the repository (`flamegate-data`), written
// without a checkout. A run fetches the branch's tip, builds the next commit with plumbing (blobs,
// trees, commit-tree: the user's working tree, index and HEAD are never touched) and pushes it as a
// fast-forward; the push itself is the compare-and-swap, so a run that lost the race to another
// fetches the new tip and builds again. Every command goes through the hardened runner of
// workspace/git.ts; the push reaches the remote as the repository configured it (actions/checkout's
// token in .git/config), flamegate adds no credentials.
import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { HistoryEntry } from '../model.js';
import { UsageError } from '../settings.js';
import { tail } from '../workspace/command-error.js';
import { type GitBytesResult, runGitBytes } from '../workspace/git.js';
import {
  DEFAULT_HISTORY_BRANCH,
  DEFAULT_MAX_RUNS,
  PAGE_FILE,
  RUNS_DIR,
  runFileName,
  runFilesToPrune,
} from './layout.js';
import { HISTORY_FILE_MAX_BYTES, parseHistoryEntry } from './parse.js';

/** The commits' author and committer: the branch is flamegate's, not the person who pushed main. */
const AUTHOR = ['-c', 'user.name=flamegate', '-c', 'user.email=flamegate@users.noreply.github.com'];
/** Run files read from one branch at most (the pruning rule keeps far fewer). */
const MAX_FILES_READ = 20_000;

export interface AppendOptions {
  branch?: string;
  remote?: string;
  /** The trend page for every entry on the branch after this one is added; written as index.html. */
  page?: (entries: HistoryEntry[]) => string;
  /** The run files the branch keeps (the newest; see runFilesToPrune). */
  maxRuns?: number;
  /** Pushes tried again after one was rejected because another run pushed first. */
  retries?: number;
  /** Called once a commit is built, before it is pushed (tests hold two runs here to make them race). */
  beforePush?: (attempt: number) => Promise<void>;
}

export interface AppendResult {
  /** The commit pushed. */
  commit: string;
  /** The run's file on the branch, `runs/<name>.json`. */
  file: string;
  /** The run files this run removed. */
  pruned: string[];
  /** Pushes tried: 1 when nobody raced. */
  attempts: number;
}

/** A file on the branch that is not a valid entry, and why; listings skip it. */
export interface BadHistoryFile {
  file: string;
  message: string;
}

export interface HistoryListing {
  /** The branch's commit read. */
  commit: string;
  /** Sorted by time (then by file name). */
  entries: HistoryEntry[];
  bad: BadHistoryFile[];
}

/** Adds one run to the history branch and pushes it; retries when another run pushed first. */
export async function appendRun(
  repoDir: string,
  entry: HistoryEntry,
  options: AppendOptions = {},
): Promise<AppendResult> {
  const branch = options.branch ?? DEFAULT_HISTORY_BRANCH;
  const remote = options.remote ?? 'origin';
  const maxRuns = options.maxRuns ?? DEFAULT_MAX_RUNS;
  const retries = options.retries ?? 5;
  checkNames(branch, remote);
  if (!Number.isInteger(maxRuns) || maxRuns < 1)
    throw new UsageError(`history: maxRuns must be a positive integer, not ${maxRuns}`);
  await checkRepository(repoDir);
  const name = runFileName(entry.time, entry.commit.sha, randomBytes(4).toString('hex'));
  const blob = await hashObject(repoDir, `${JSON.stringify(entry, null, 1)}\n`);
  let lastRejection = '';
  for (let attempt = 1; attempt <= retries + 1; attempt++) {
    const tip = await fetchTip(repoDir, remote, branch);
    const built = await buildCommit(repoDir, tip, { name, blob, entry, maxRuns, page: options.page });
    await options.beforePush?.(attempt);
    const pushed = await push(repoDir, remote, branch, built.commit);
    if (pushed.ok)
      return { commit: built.commit, file: `${RUNS_DIR}/${name}`, pruned: built.pruned, attempts: attempt };
    lastRejection = pushed.reason;
    // Runs that raced tend to retry together: a random wait spreads them out.
    if (attempt <= retries) await sleep(50 + Math.random() * 200 * attempt);
  }
  throw new UsageError(
    `history: could not push to branch "${branch}" of ${remote} after ${retries + 1} attempt${retries === 0 ? '' : 's'}, other runs kept pushing first (last: ${lastRejection})`,
  );
}

/**
 * The entries on the history branch: the remote-tracking `<remote>/<branch>` (else a local branch of
 * that name), after fetching it when `fetch` is set. Bad files are skipped and listed in `bad`.
 */
export async function readHistory(
  repoDir: string,
  options: { branch?: string; remote?: string; fetch?: boolean } = {},
): Promise<HistoryListing> {
  const branch = options.branch ?? DEFAULT_HISTORY_BRANCH;
  const remote = options.remote ?? 'origin';
  checkNames(branch, remote);
  await checkRepository(repoDir);
  let tip: string | undefined;
  if (options.fetch) {
    tip = await fetchTip(repoDir, remote, branch);
    if (tip === undefined)
      throw new UsageError(`no history branch "${branch}" on ${remote}: no track run has pushed one yet`);
  } else {
    tip =
      (await revParse(repoDir, `refs/remotes/${remote}/${branch}`)) ??
      (await revParse(repoDir, `refs/heads/${branch}`));
    if (tip === undefined) {
      throw new UsageError(
        `no history branch "${branch}" in ${repoDir} (neither ${remote}/${branch} nor a local ${branch}); ` +
          `fetch it with --fetch, or check the name with --branch`,
      );
    }
  }
  return { commit: tip, ...(await readEntries(repoDir, tip)) };
}

// --- Git plumbing -----------------------------------------------------------------------------

interface TreeEntry {
  mode: string;
  type: string;
  sha: string;
  /** Bytes of a blob; undefined for a tree. */
  size: number | undefined;
  name: string;
}

async function buildCommit(
  repoDir: string,
  tip: string | undefined,
  run: {
    name: string;
    blob: string;
    entry: HistoryEntry;
    maxRuns: number;
    page?: (entries: HistoryEntry[]) => string;
  },
): Promise<{ commit: string; pruned: string[] }> {
  const root = tip === undefined ? [] : await listTree(repoDir, tip);
  const runsTree = root.find((e) => e.name === RUNS_DIR && e.type === 'tree');
  const runs = runsTree === undefined ? [] : await listTree(repoDir, runsTree.sha);
  const withNew = [
    ...runs.filter((e) => e.name !== run.name),
    { mode: '100644', type: 'blob', sha: run.blob, size: undefined, name: run.name },
  ];
  const pruned = runFilesToPrune(
    withNew.map((e) => e.name),
    run.maxRuns,
  );
  const prunedSet = new Set(pruned);
  const kept = withNew.filter((e) => !prunedSet.has(e.name));
  const newRunsTree = await makeTree(repoDir, kept);
  const newRoot = root.filter((e) => e.name !== RUNS_DIR && !(run.page && e.name === PAGE_FILE));
  newRoot.push({ mode: '040000', type: 'tree', sha: newRunsTree, size: undefined, name: RUNS_DIR });
  if (run.page) {
    const { entries } = await readEntries(repoDir, undefined, kept);
    newRoot.push({
      mode: '100644',
      type: 'blob',
      sha: await hashObject(repoDir, run.page(entries)),
      size: undefined,
      name: PAGE_FILE,
    });
  }
  const tree = await makeTree(repoDir, newRoot);
  const when = run.entry.time;
  const message = `flamegate: run of ${run.entry.commit.sha.slice(0, 7)} at ${when}${pruned.length ? ` (pruned ${pruned.length} old run${pruned.length === 1 ? '' : 's'})` : ''}\n`;
  const commit = await gitText(
    repoDir,
    [
      ...AUTHOR,
      'commit-tree',
      // A configured commit.gpgSign would run gpg: the branch's commits are never signed.
      '--no-gpg-sign',
      ...(tip === undefined ? [] : ['-p', tip]),
      '-F',
      '-',
      tree,
    ],
    message,
  );
  return { commit, pruned };
}

/**
 * Fetches `<remote>/<branch>` (the tip only: the runs need its tree, not its history) and returns its
 * commit; undefined when the remote has no such branch.
 */
async function fetchTip(repoDir: string, remote: string, branch: string): Promise<string | undefined> {
  const tracking = `refs/remotes/${remote}/${branch}`;
  const fetched = await runGitBytes(
    repoDir,
    ['fetch', '--no-tags', '--depth=1', remote, `+refs/heads/${branch}:${tracking}`],
    {
      network: true,
    },
  );
  if (fetched.code === 0) return revParse(repoDir, tracking);
  // Why the fetch failed, without reading git's (translated) message: ls-remote exits 2 when the
  // remote answered and has no such branch.
  const listed = await runGitBytes(repoDir, ['ls-remote', '--exit-code', remote, `refs/heads/${branch}`], {
    network: true,
  });
  if (listed.code === 2) return undefined;
  throw new UsageError(
    `history: could not fetch branch "${branch}" from ${remote}: ${tail(fetched.stderr, 3).replace(/\n/g, ' ')}`,
  );
}

async function push(
  repoDir: string,
  remote: string,
  branch: string,
  commit: string,
): Promise<{ ok: true } | { ok: false; reason: string }> {
  const pushed = await runGitBytes(
    repoDir,
    ['push', '--porcelain', '--no-verify', remote, `${commit}:refs/heads/${branch}`],
    {
      network: true,
    },
  );
  if (pushed.code === 0) return { ok: true };
  // --porcelain: one line per ref, `!` when that ref was refused. Refused because the tip moved (a
  // non-fast-forward, or the server's ref lock held by a run pushing at the same moment) is the race
  // to retry; anything else (no permission, no such remote) fails now with git's words.
  const refused = pushed.stdout
    .toString('utf8')
    .split('\n')
    .find((line) => line.startsWith('!\t'));
  if (refused) return { ok: false, reason: refused.split('\t').slice(2).join(' ').trim() };
  throw new UsageError(
    `history: could not push branch "${branch}" to ${remote} (the workflow needs \`permissions: contents: write\`): ` +
      tail(pushed.stderr, 3).replace(/\n/g, ' '),
  );
}

/** Entries of the run files in `tip`'s runs/ (or of the given runs/ listing), sorted by time. */
async function readEntries(
  repoDir: string,
  tip: string | undefined,
  listing?: TreeEntry[],
): Promise<{ entries: HistoryEntry[]; bad: BadHistoryFile[] }> {
  let runs = listing;
  if (runs === undefined) {
    const root = tip === undefined ? [] : await listTree(repoDir, tip);
    const runsTree = root.find((e) => e.name === RUNS_DIR && e.type === 'tree');
    runs = runsTree === undefined ? [] : await listTree(repoDir, runsTree.sha);
  }
  const bad: BadHistoryFile[] = [];
  const wanted: TreeEntry[] = [];
  // Newest first by name, so a branch over the read limit loses its oldest files.
  const candidates = runs.filter((e) => e.name.endsWith('.json')).sort((a, b) => (a.name < b.name ? 1 : -1));
  for (const [index, file] of candidates.entries()) {
    const path = `${RUNS_DIR}/${file.name}`;
    if (index >= MAX_FILES_READ)
      bad.push({ file: path, message: `${path} was not read: more than ${MAX_FILES_READ} run files` });
    else if (file.type !== 'blob') bad.push({ file: path, message: `${path} is not a file` });
    else if (file.size !== undefined && file.size > HISTORY_FILE_MAX_BYTES)
      bad.push({
        file: path,
        message: `${path} is ${file.size} bytes, more than a history file holds (${HISTORY_FILE_MAX_BYTES})`,
      });
    else wanted.push(file);
  }
  const blobs = await readBlobs(
    repoDir,
    wanted.map((e) => e.sha),
  );
  const entries: { entry: HistoryEntry; file: string }[] = [];
  for (const file of wanted) {
    const path = `${RUNS_DIR}/${file.name}`;
    const content = blobs.get(file.sha);
    if (content === undefined) {
      bad.push({ file: path, message: `${path} could not be read from git` });
      continue;
    }
    try {
      entries.push({ entry: parseHistoryEntry(content, path), file: file.name });
    } catch (error) {
      bad.push({ file: path, message: (error as Error).message });
    }
  }
  entries.sort((a, b) => compare(a.entry.time, b.entry.time) || compare(a.file, b.file));
  bad.sort((a, b) => compare(a.file, b.file));
  return { entries: entries.map((e) => e.entry), bad };
}

function compare(a: string, b: string): number {
  // ISO times in UTC sort as strings, except that a time with milliseconds and one without differ
  // in length: compare them as dates first.
  const da = Date.parse(a);
  const db = Date.parse(b);
  if (!Number.isNaN(da) && !Number.isNaN(db) && da !== db) return da - db;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** `git ls-tree -z -l <tree-ish>`: the entries of one tree (not recursive), blob sizes included. */
async function listTree(repoDir: string, treeish: string): Promise<TreeEntry[]> {
  const out = await gitBytes(repoDir, ['ls-tree', '-z', '-l', treeish]);
  const entries: TreeEntry[] = [];
  for (const record of out.toString('utf8').split('\0')) {
    if (!record) continue;
    const match = /^(\d+) (\w+) ([0-9a-f]+) +(-|\d+)\t(.*)$/s.exec(record);
    if (!match) continue;
    const [, mode = '', type = '', sha = '', size = '-', name = ''] = match;
    entries.push({ mode, type, sha, size: size === '-' ? undefined : Number(size), name });
  }
  return entries;
}

async function makeTree(repoDir: string, entries: TreeEntry[]): Promise<string> {
  const input = entries.map((e) => `${e.mode} ${e.type} ${e.sha}\t${e.name}\0`).join('');
  return gitText(repoDir, ['mktree', '-z'], input);
}

async function hashObject(repoDir: string, content: string): Promise<string> {
  // --no-filters: the bytes as given, whatever .gitattributes says (stdin implies it; said anyway).
  return gitText(repoDir, ['hash-object', '-w', '--no-filters', '--stdin'], content);
}

/** Blob contents by object name, with `git cat-file --batch` (sized in bytes, read as bytes). */
async function readBlobs(repoDir: string, shas: string[]): Promise<Map<string, Buffer>> {
  const blobs = new Map<string, Buffer>();
  const unique = [...new Set(shas)];
  if (unique.length === 0) return blobs;
  const out = await gitBytes(repoDir, ['cat-file', '--batch'], `${unique.join('\n')}\n`);
  let at = 0;
  while (at < out.length) {
    const lineEnd = out.indexOf(0x0a, at);
    if (lineEnd < 0) break;
    const header = out.subarray(at, lineEnd).toString('utf8');
    at = lineEnd + 1;
    const match = /^([0-9a-f]+) (\w+) (\d+)$/.exec(header);
    if (!match) continue; // `<sha> missing`: no content follows
    const size = Number(match[3]);
    if (match[2] === 'blob') blobs.set(match[1] ?? '', out.subarray(at, at + size));
    at += size + 1;
  }
  return blobs;
}

async function revParse(repoDir: string, ref: string): Promise<string | undefined> {
  const result = await runGitBytes(repoDir, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]);
  return result.code === 0 ? result.stdout.toString('utf8').trim() : undefined;
}

async function checkRepository(repoDir: string): Promise<void> {
  const result = await runGitBytes(repoDir, ['rev-parse', '--git-dir']).catch(
    (error: Error): GitBytesResult => ({ code: 1, stdout: Buffer.alloc(0), stderr: error.message }),
  );
  if (result.code !== 0)
    throw new UsageError(`${repoDir} is not a git repository (the history branch is read from one)`);
}

/** Branch and remote names reach git's command line: no option, nothing git would read as a range. */
function checkNames(branch: string, remote: string): void {
  if (
    !/^(?!-)(?!.*\.\.)(?!.*\/\/)[A-Za-z0-9._/-]{1,200}(?<![/.])$/.test(branch) ||
    branch.endsWith('.lock')
  ) {
    throw new UsageError(
      `history: "${branch}" is not a branch name flamegate uses (letters, digits, . _ - /)`,
    );
  }
  if (!/^(?!-)[A-Za-z0-9._-]{1,100}$/.test(remote))
    throw new UsageError(`history: "${remote}" is not a remote name`);
}

async function gitBytes(repoDir: string, args: string[], input?: string): Promise<Buffer> {
  const result = await runGitBytes(repoDir, args, input === undefined ? {} : { input });
  if (result.code !== 0) {
    throw new UsageError(
      `history: \`git ${args.join(' ')}\` failed: ${tail(result.stderr, 3).replace(/\n/g, ' ')}`,
    );
  }
  return result.stdout;
}

async function gitText(repoDir: string, args: string[], input?: string): Promise<string> {
  return (await gitBytes(repoDir, args, input)).toString('utf8').trim();
}
