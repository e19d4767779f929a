// The "changed in this PR" marker of a function row, from what the workspace stage found in the
// diff and the installed packages. Pure.
import type { Frame, SourceChange, SourceChanges } from '../model.js';

const UNCHANGED: SourceChange = { changed: false, reason: 'unchanged' };

/**
 * `onHead` is false for a function seen only on base: its line is a base line, so the head diff
 * cannot be matched against it; a function gone from a file the diff touches is the PR's doing.
 */
export function sourceChange(frame: Frame, sources: SourceChanges, onHead = true): SourceChange {
  if (frame.kind === 'dependency') return dependencyChange(frame, sources);
  if (frame.kind !== 'user' || !frame.file) return UNCHANGED;
  const file = sources.files[frame.file];
  if (!file) return UNCHANGED;
  if (!onHead) return { changed: true, reason: file.status === 'added' ? 'new' : 'edited' };
  const lines = enclosingFunction(frame.line, file.functions);
  if (file.status === 'added')
    return lines ? { changed: true, reason: 'new', lines } : { changed: true, reason: 'new' };
  const range = lines ?? [frame.line, frame.line];
  const touched = file.changedLines.filter(([start, end]) => start <= range[1] && end >= range[0]);
  const change: SourceChange = touched.length > 0 ? { changed: true, reason: 'edited' } : { ...UNCHANGED };
  if (lines) change.lines = lines;
  if (lines && touched.length > 0)
    change.changedLines = [
      Math.max(range[0], Math.min(...touched.map(([start]) => start))),
      Math.min(range[1], Math.max(...touched.map(([, end]) => end))),
    ];
  return change;
}

/** The function starting on `line` (the innermost if several do), else the innermost around it. */
function enclosingFunction(
  line: number,
  functions: [number, number][] | undefined,
): [number, number] | undefined {
  if (!functions || line <= 0) return undefined;
  let best: [number, number] | undefined;
  for (const range of functions) {
    if (range[0] === line && (!best || best[0] !== line || range[1] < best[1])) best = range;
  }
  if (best) return best;
  for (const range of functions) {
    if (range[0] <= line && range[1] >= line && (!best || range[1] - range[0] < best[1] - best[0]))
      best = range;
  }
  return best;
}

/** The folder of the package a file sits in: everything up to the name after the last node_modules. */
export function packageFolder(file: string): string | undefined {
  const parts = file.split('/');
  const at = parts.lastIndexOf('node_modules');
  if (at < 0 || !parts[at + 1]) return undefined;
  const length = parts[at + 1]?.startsWith('@') ? at + 3 : at + 2;
  return parts.slice(0, length).join('/');
}

function dependencyChange(frame: Frame, sources: SourceChanges): SourceChange {
  const folder = packageFolder(frame.file);
  if (!folder) return UNCHANGED;
  // A bump often moves a package (hoisting, pnpm's versioned store folder): fall back to the
  // top-level install of the same name.
  const topLevel = frame.package ? `node_modules/${frame.package}` : undefined;
  const version = (side: 'base' | 'head') =>
    sources.packages[side][folder] ??
    (topLevel ? sources.packages[side][topLevel] : undefined) ??
    storeVersion(sources, side, frame.package);
  const base = version('base');
  const head = version('head');
  if (base === undefined && head === undefined) return UNCHANGED;
  const packageVersions = { ...(base ? { base } : {}), ...(head ? { head } : {}) };
  return base === head
    ? { changed: false, reason: 'unchanged', packageVersions }
    : { changed: true, reason: 'dependency', packageVersions };
}

/** pnpm: the one store folder of that name, when there is only one. */
function storeVersion(
  sources: SourceChanges,
  side: 'base' | 'head',
  name: string | undefined,
): string | undefined {
  if (!name) return undefined;
  const suffix = `/node_modules/${name}`;
  const found = Object.entries(sources.packages[side]).filter(
    ([dir]) => dir.includes('/.pnpm/') && dir.endsWith(suffix),
  );
  return found.length === 1 ? found[0]?.[1] : undefined;
}
