// What the pull request changed, for the "changed in this PR" marker of every function row: the
// lines of each file the base..head diff touches, the line range of every function in a changed
// head file, and the installed version of every package on each side.
//
// The files are read from git before any of the pull request's code runs (its install scripts could
// otherwise change the head checkout, or plant a textconv that `git diff` would run), and only as
// committed regular files: a committed symlink to /dev/zero is a link, not a source.
import { lstatSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Options, parse } from 'acorn';
import { full } from 'acorn-walk';
import { transformSync } from 'amaro';
import type { ChangedFile, SourceChanges } from '../model.js';
import { git, runGit } from './git.js';
import type { Workspace } from './workspace.js';

const SCRIPT = /\.(c|m)?(j|t)sx?$/;
const TYPESCRIPT = /\.(c|m)?tsx?$/;
/** Files larger than this are not parsed for function ranges (generated bundles, mostly). */
const MAX_PARSE_BYTES = 4 * 1024 * 1024;
/** Bytes of changed sources read per run at most: a pull request can change thousands of files. */
const MAX_PARSED_BYTES = 64 * 1024 * 1024;
/** Paths per `git ls-tree`, to stay far below the command line's limit. */
const PATHS_PER_LS_TREE = 200;
/** A regular file, plain or executable; not a symlink (120000) or a submodule (160000). */
const REGULAR_FILE = new Set(['100644', '100755']);
/** Package folders read per side at most: a monorepo's node_modules can be very large. */
const MAX_PACKAGES = 20_000;
/** A package.json larger than this is not a manifest worth reading. */
const MAX_MANIFEST_BYTES = 1024 * 1024;

/** The files the base..head diff changes, with the function ranges of each changed head script. */
export async function describeChanges(
  workspace: Pick<Workspace, 'repoRoot' | 'base' | 'head'>,
  signal?: AbortSignal,
): Promise<Record<string, ChangedFile>> {
  const { repoRoot } = workspace;
  const diff = await git(
    repoRoot,
    [
      'diff',
      '--no-color',
      '--no-ext-diff',
      '--no-textconv',
      '--no-renames',
      '-U0',
      workspace.base.revision.sha,
      workspace.head.revision.sha,
    ],
    signal,
  );
  const files = parseDiff(diff);
  const scripts = Object.keys(files).filter((file) => files[file]?.status !== 'deleted' && SCRIPT.test(file));
  let budget = MAX_PARSED_BYTES;
  for (const blob of await regularBlobs(repoRoot, workspace.head.revision.sha, scripts, signal)) {
    if (blob.size > MAX_PARSE_BYTES || blob.size > budget) continue;
    budget -= blob.size;
    const read = await runGit(repoRoot, ['cat-file', 'blob', blob.oid], { signal });
    if (read.code !== 0) continue;
    const ranges = functionRanges(read.stdout, blob.path);
    const changed = files[blob.path];
    if (ranges && changed) changed.functions = ranges;
  }
  return files;
}

/**
 * Every file committed in base or in head, repository-relative: the affected selection tells a build's
 * output (imported, but generated from sources no graph shows) from source by it.
 */
export async function committedFiles(
  workspace: Pick<Workspace, 'repoRoot' | 'base' | 'head'>,
  signal?: AbortSignal,
): Promise<Set<string>> {
  const files = new Set<string>();
  for (const { revision } of [workspace.base, workspace.head]) {
    const listing = await git(
      workspace.repoRoot,
      ['ls-tree', '-r', '-z', '--name-only', '--full-tree', revision.sha],
      signal,
    );
    for (const path of listing.split('\0')) if (path) files.add(path);
  }
  return files;
}

/** Installed package versions of each side, read once its install has run. */
export function installedVersions(
  workspace: Pick<Workspace, 'prefix' | 'base' | 'head'>,
): SourceChanges['packages'] {
  const prefixes = workspace.prefix ? [workspace.prefix] : [];
  return {
    base: installedPackages(workspace.base.root, prefixes),
    head: installedPackages(workspace.head.root, prefixes),
  };
}

interface Blob {
  path: string;
  oid: string;
  size: number;
}

/** The paths that are regular files in a commit, with their blob and size (from the tree, not a checkout). */
async function regularBlobs(
  repoRoot: string,
  sha: string,
  paths: string[],
  signal?: AbortSignal,
): Promise<Blob[]> {
  const blobs: Blob[] = [];
  for (let i = 0; i < paths.length; i += PATHS_PER_LS_TREE) {
    const chunk = paths.slice(i, i + PATHS_PER_LS_TREE);
    const listing = await git(
      repoRoot,
      ['--literal-pathspecs', 'ls-tree', '-r', '-l', '-z', '--full-tree', sha, '--', ...chunk],
      signal,
    );
    for (const entry of listing.split('\0')) {
      // `<mode> <type> <oid> <size>\t<path>`, the size padded with spaces.
      const match = /^(\d+) blob ([0-9a-f]+) +(\d+)\t(.+)$/s.exec(entry);
      if (match && REGULAR_FILE.has(match[1] as string)) {
        blobs.push({ oid: match[2] as string, size: Number(match[3]), path: match[4] as string });
      }
    }
  }
  return blobs;
}

/** `git diff -U0` output → per file, the head line ranges its hunks touch. */
export function parseDiff(diff: string): Record<string, ChangedFile> {
  const files: Record<string, ChangedFile> = {};
  let current: ChangedFile | undefined;
  let status: ChangedFile['status'] = 'modified';
  let oldPath = '';
  for (const line of diff.split('\n')) {
    if (line.startsWith('diff --git ')) {
      current = undefined;
      status = 'modified';
      oldPath = '';
    } else if (line.startsWith('new file mode')) status = 'added';
    else if (line.startsWith('deleted file mode')) status = 'deleted';
    else if (line.startsWith('--- ')) oldPath = unquote(line.slice(4)).replace(/^a\//, '');
    else if (line.startsWith('+++ ')) {
      const path = unquote(line.slice(4));
      const file = path === '/dev/null' ? oldPath : path.replace(/^b\//, '');
      current = { status, changedLines: [] };
      files[file] = current;
    } else if (line.startsWith('@@') && current) {
      const match = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@/.exec(line);
      if (!match) continue;
      const start = Number(match[1]);
      const count = match[2] === undefined ? 1 : Number(match[2]);
      // A pure deletion sits between head lines `start` and `start + 1`: both are touched.
      current.changedLines.push(count > 0 ? [start, start + count - 1] : [Math.max(1, start), start + 1]);
    }
  }
  return files;
}

function unquote(path: string): string {
  return path.startsWith('"') ? JSON.parse(path) : path;
}

/**
 * First and last line of every function in a script's source, or undefined when it cannot be parsed.
 * `path` tells TypeScript from JavaScript.
 */
export function functionRanges(text: string, path: string): [number, number][] | undefined {
  let source = text;
  // amaro (Node's own stripper) replaces types with blanks, so every position stays where it was.
  if (TYPESCRIPT.test(path)) {
    try {
      source = transformSync(source, { mode: 'strip-only' }).code;
    } catch {
      return undefined;
    }
  }
  const options: Options = {
    ecmaVersion: 'latest',
    locations: true,
    allowHashBang: true,
    allowReturnOutsideFunction: true,
    allowAwaitOutsideFunction: true,
    allowImportExportEverywhere: true,
  };
  let ast: ReturnType<typeof parse> | undefined;
  for (const sourceType of ['module', 'script'] as const) {
    try {
      ast = parse(source, { ...options, sourceType });
      break;
    } catch {
      // A CommonJS file with `with` or octal escapes parses only as a script.
    }
  }
  if (!ast) return undefined;
  const ranges: [number, number][] = [];
  full(ast, (node) => {
    if (
      (node.type === 'FunctionDeclaration' ||
        node.type === 'FunctionExpression' ||
        node.type === 'ArrowFunctionExpression') &&
      node.loc
    ) {
      ranges.push([node.loc.start.line, node.loc.end.line]);
    }
  });
  return ranges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
}

/**
 * Every installed package under the root's (and the working directory's) node_modules, as
 * `node_modules/…/name` → version: the folder a profiled frame's file sits in. pnpm's store
 * (`node_modules/.pnpm/<id>/node_modules/<name>`) is walked too; symlinks are not followed.
 */
export function installedPackages(root: string, prefixes: string[] = []): Record<string, string> {
  const versions: Record<string, string> = {};
  const pending = ['node_modules', ...prefixes.map((p) => `${p}/node_modules`)];
  let read = 0;
  const entries = (dir: string) => {
    try {
      return readdirSync(join(root, dir));
    } catch {
      return [];
    }
  };
  const visitPackage = (dir: string) => {
    if (read++ > MAX_PACKAGES) return;
    try {
      if (lstatSync(join(root, dir)).isSymbolicLink()) return;
      // The install ran the pull request's scripts: a package.json may be a link to /dev/zero or a FIFO.
      const path = join(root, dir, 'package.json');
      const stats = lstatSync(path);
      if (!stats.isFile() || stats.size > MAX_MANIFEST_BYTES) return;
      const manifest = JSON.parse(readFileSync(path, 'utf8')) as {
        version?: unknown;
      };
      if (typeof manifest.version === 'string') versions[dir] = manifest.version;
    } catch {
      return;
    }
    pending.push(`${dir}/node_modules`);
  };
  while (pending.length > 0 && read <= MAX_PACKAGES) {
    const dir = pending.pop() as string;
    for (const name of entries(dir)) {
      if (name === '.pnpm') {
        for (const id of entries(`${dir}/.pnpm`)) pending.push(`${dir}/.pnpm/${id}/node_modules`);
      } else if (name.startsWith('@')) {
        for (const scoped of entries(`${dir}/${name}`)) visitPackage(`${dir}/${name}/${scoped}`);
      } else if (!name.startsWith('.')) {
        visitPackage(`${dir}/${name}`);
      }
    }
  }
  return versions;
}
