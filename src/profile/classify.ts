// Gives every frame a stable identity and a kind, following docs/measurement.md ("Attribution"):
// worktree prefixes are stripped so base and head files compare; node_modules frames name their
// package; runtime pseudo-frames and Node internals are kept apart from user code; anonymous
// functions are named after their nearest named caller; benchmark machinery is cut off the stacks.
// Stacks that become identical are not merged: every consumer sums.
import { isHarnessFile } from '../measure/harness.js';
import type { Frame, FrameKind, StackProfile } from '../model.js';

export interface ClassifyOptions {
  /** Absolute directories (worktree roots) whose prefix is removed from file paths. */
  roots?: string[];
  /** Frames of benchmark machinery (tinybench, flamegate's runner): cut with everything above them. */
  isHarness?: (file: string) => boolean;
}

export const HARNESS_FRAME = '(benchmark harness)';

/** tinybench and flamegate's runner, wherever the measure stage keeps it. */
export const defaultIsHarness = isHarnessFile;

// V8's pseudo-frames, and the names @datadog/pprof gives them (it files GC under a `Node.js` root).
const RUNTIME_NAMES =
  /^(\((garbage collector|program|idle|root|non-JS threads|GC|unknown)\)|Garbage Collection|Non JS threads activity|Node\.js)$/;

function toPath(file: string): string {
  if (!file.startsWith('file://')) return file;
  try {
    return decodeURIComponent(new URL(file).pathname);
  } catch {
    return file.slice('file://'.length);
  }
}

/** `file:///tmp/x/head/src/a.js` → `src/a.js` for root `/tmp/x/head`; other paths unchanged. */
export function relativeToRoots(file: string, roots: string[]): string {
  return stripRoot(toPath(file), roots);
}

function stripRoot(path: string, roots: string[]): string {
  for (const root of roots) {
    const prefix = root.endsWith('/') ? root : `${root}/`;
    if (path.startsWith(prefix)) return path.slice(prefix.length);
  }
  return path;
}

/** The package a file belongs to: the segment after the LAST node_modules, scoped names included. */
export function packageOf(file: string): string | undefined {
  const parts = file.split(/[\\/]/);
  const at = parts.lastIndexOf('node_modules');
  if (at < 0) return undefined;
  const first = parts[at + 1];
  if (!first || first.startsWith('.')) return undefined;
  if (first.startsWith('@')) {
    const second = parts[at + 2];
    return second ? `${first}/${second}` : first;
  }
  return first;
}

export function kindOf(name: string, file: string): { kind: FrameKind; package?: string } {
  if (RUNTIME_NAMES.test(name)) return { kind: 'runtime' };
  if (file.startsWith('node:') || file.startsWith('internal/')) return { kind: 'node' };
  if (file === '') return name.startsWith('(') ? { kind: 'runtime' } : { kind: 'node' };
  const pkg = packageOf(file);
  if (pkg) return { kind: 'dependency', package: pkg };
  return { kind: 'user' };
}

// @datadog/pprof names anonymous functions `(anonymous:L#12:C#5)`; the line shifts with any edit
// above it, so it cannot be part of the identity.
const isAnonymous = (name: string) =>
  name === '' || name === '<anonymous>' || /^\(anonymous(:[^)]*)?\)$/.test(name);

export function classifyProfile(profile: StackProfile, options: ClassifyOptions = {}): StackProfile {
  const roots = options.roots ?? [];
  const isHarness = options.isHarness ?? defaultIsHarness;
  // First pass: per original frame, its cleaned file, kind and whether it is harness.
  const base = profile.frames.map((frame) => {
    const path = toPath(frame.file);
    const harness = path !== '' && isHarness(path);
    const file = stripRoot(path, roots).replace(/\\/g, '/');
    return { frame, file, harness, ...kindOf(frame.name, file) };
  });

  const frames: Frame[] = [];
  const index = new Map<string, number>();
  const intern = (name: string, file: string, line: number, kind: FrameKind, pkg?: string): number => {
    const key = `${name}\u0000${file}\u0000${line}\u0000${kind}`;
    let i = index.get(key);
    if (i === undefined) {
      i = frames.length;
      frames.push(pkg ? { name, file, line, kind, package: pkg } : { name, file, line, kind });
      index.set(key, i);
    }
    return i;
  };
  // Most frames map to the same new frame in every stack; only anonymous ones depend on their caller.
  const anonymous = base.map((info) => isAnonymous(info.frame.name));
  const direct = base.map((info, i) =>
    anonymous[i] ? -1 : intern(info.frame.name, info.file, info.frame.line, info.kind, info.package),
  );
  const renamed = new Map<string, number>();
  const anonymousFrame = (i: number, caller: string): number => {
    const key = `${i}\u0000${caller}`;
    let mapped = renamed.get(key);
    if (mapped === undefined) {
      const info = base[i] as (typeof base)[number];
      const name = caller ? `(anonymous in ${caller})` : '(anonymous)';
      mapped = intern(name, info.file, info.frame.line, info.kind, info.package);
      renamed.set(key, mapped);
    }
    return mapped;
  };

  const stacks: StackProfile['stacks'] = [];
  for (const stack of profile.stacks) {
    // Cut everything from the root down to the deepest harness frame: the user's code starts below it.
    let start = 0;
    let sawHarness = false;
    for (let i = stack.frames.length - 1; i >= 0; i--) {
      if (base[stack.frames[i] as number]?.harness) {
        start = i + 1;
        sawHarness = true;
        break;
      }
    }
    const path: number[] = [];
    let namedCaller = '';
    for (let i = start; i < stack.frames.length; i++) {
      const f = stack.frames[i] as number;
      if (anonymous[f]) {
        path.push(anonymousFrame(f, namedCaller));
      } else {
        path.push(direct[f] as number);
        namedCaller = (base[f] as (typeof base)[number]).frame.name;
      }
    }
    // Below the harness, Node internals that reach no user code (timers, events the harness calls)
    // are the harness's own cost, not the benchmark's.
    if (sawHarness && !path.some((f) => frames[f]?.kind === 'user' || frames[f]?.kind === 'dependency')) {
      path.length = 0;
    }
    if (path.length === 0) {
      if (!sawHarness) continue;
      path.push(intern(HARNESS_FRAME, '', 0, 'harness'));
    }
    stacks.push({ frames: path, ns: stack.ns, samples: stack.samples });
  }
  return { frames, stacks, ops: profile.ops };
}
