// What the pull request changed, for the "changed in this PR" marker of every function row: the
// lines of each file the base..head diff touches, the line range of every function in a changed
// head file, and the installed version of every package on each side.
import { lstatSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { type Options, parse } from 'acorn';
import { full } from 'acorn-walk';
import { transformSync } from 'amaro';
import type { ChangedFile, Side, SourceChanges } from '../model.js';
import { git } from './exec.js';
import type { Workspace } from './workspace.js';

const SCRIPT = /\.(c|m)?(j|t)sx?$/;
const TYPESCRIPT = /\.(c|m)?tsx?$/;
/** Files larger than this are not parsed for function ranges (generated bundles, mostly). */
const MAX_PARSE_BYTES = 4 * 1024 * 1024;
/** Package folders read per side at most: a monorepo's node_modules can be very large. */
const MAX_PACKAGES = 20_000;

export async function describeChanges(workspace: Workspace, signal?: AbortSignal): Promise<SourceChanges> {
  const diff = await git(
    workspace.repoRoot,
    [
      'diff',
      '--no-color',
      '--no-ext-diff',
      '--no-renames',
      '-U0',
      workspace.base.revision.sha,
      workspace.head.revision.sha,
    ],
    signal,
  );
  const files = parseDiff(diff);
  for (const [file, changed] of Object.entries(files)) {
    if (changed.status === 'deleted' || !SCRIPT.test(file)) continue;
    const ranges = functionRanges(join(workspace.head.root, file));
    if (ranges) changed.functions = ranges;
  }
  const packages = (side: Side) => {
    const checkout = workspace[side];
    return installedPackages(checkout.root, workspace.prefix ? [workspace.prefix] : []);
  };
  return { files, packages: { base: packages('base'), head: packages('head') } };
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

/** First and last line of every function in a script, or undefined when it cannot be parsed. */
export function functionRanges(path: string): [number, number][] | undefined {
  let source: string;
  try {
    if (statSync(path).size > MAX_PARSE_BYTES) return undefined;
    source = readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
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
      const manifest = JSON.parse(readFileSync(join(root, dir, 'package.json'), 'utf8')) as {
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
