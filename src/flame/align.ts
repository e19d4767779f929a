// Two profiles of the same code run from different folders: two checkouts, two unpacked versions of a
// package, `node --cpu-prof` run on copies of a script (/work/v1/app.js and /work/v2/app.js). Functions
// are keyed by name and file, so there every function of base would read as removed and its twin on
// head as added, and the real change would be hidden. This finds the two folders and keys files by
// their path below them. Profiles taken from one folder are left as they are.
import type { SideKey, SideStacks } from './side.js';

/** The folder each side's code ran from, when the two differ. */
export interface SideRoots {
  base: string;
  head: string;
}

export interface AlignedSides {
  base: SideStacks;
  head: SideStacks;
  /** Undefined when nothing was moved (one folder, or no layout the two sides share). */
  roots?: SideRoots;
}

/**
 * Keys both sides' files by their path below each side's own folder when the two sides ran from
 * different folders, and that makes more functions of one side meet their namesake on the other.
 */
export function alignSides(base: SideStacks, head: SideStacks): AlignedSides {
  const roots = sideRoots(codeFiles(base.keys), codeFiles(head.keys));
  if (!roots) return { base, head };
  const baseKeys = base.keys.map((k) => below(k, roots.base));
  const headKeys = head.keys.map((k) => below(k, roots.head));
  // Only when it pairs more functions than the paths as they were: a side whose layout differs
  // (code moved between folders in the change) keeps its paths.
  if (pairedKeys(baseKeys, headKeys) <= pairedKeys(base.keys, head.keys)) return { base, head };
  return { base: { ...base, keys: baseKeys }, head: { ...head, keys: headKeys }, roots };
}

/**
 * The two folders: each side's deepest folder holding all its code, taken back to the first folder
 * in which the two differ (/w/v1/src and /w/v2/src give /w/v1 and /w/v2). Undefined when one side's
 * folder holds the other's (one tree), or either side names no file.
 */
export function sideRoots(baseFiles: string[], headFiles: string[]): SideRoots | undefined {
  const a = commonFolder(baseFiles);
  const b = commonFolder(headFiles);
  if (!a || !b) return undefined;
  let same = 0;
  while (same < a.length && same < b.length && a[same] === b[same]) same++;
  if (same === a.length || same === b.length) return undefined;
  return { base: a.slice(0, same + 1).join('/'), head: b.slice(0, same + 1).join('/') };
}

/** Files of user code and dependencies: runtime frames and Node internals name no folder of the code. */
function codeFiles(keys: SideKey[]): string[] {
  const files: string[] = [];
  for (const k of keys) {
    if (k.collapsed || !k.file || (k.kind !== 'user' && k.kind !== 'dependency')) continue;
    if (k.file.startsWith('node:')) continue;
    files.push(k.file);
  }
  return files;
}

/** The folders (path segments) every file lies in; undefined for no file. */
function commonFolder(files: string[]): string[] | undefined {
  let common: string[] | undefined;
  for (const file of files) {
    const folders = file.split('/').slice(0, -1);
    if (!common) {
      common = folders;
      continue;
    }
    let n = 0;
    while (n < common.length && n < folders.length && common[n] === folders[n]) n++;
    common.length = n;
  }
  return common;
}

/** The key with its file's path below `root` (files elsewhere, and groups, as they are). */
function below(k: SideKey, root: string): SideKey {
  if (k.collapsed || !k.file.startsWith(`${root}/`)) return k;
  const file = k.file.slice(root.length + 1);
  return { ...k, file, key: `${k.name}\u0000${file}` };
}

/** How many of base's function keys head has too. */
function pairedKeys(base: SideKey[], head: SideKey[]): number {
  const headKeys = new Set(head.map((k) => k.key));
  let n = 0;
  for (const k of new Set(base.map((k) => k.key))) if (headKeys.has(k)) n++;
  return n;
}
