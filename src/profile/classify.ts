// Gives every frame a stable identity and a kind, following docs/measurement.md ("Attribution"):
// worktree prefixes are stripped so base and head files compare; node_modules frames name their
// package; runtime pseudo-frames and Node internals are kept apart from user code; anonymous
// functions are named after their nearest named caller; benchmark machinery is cut off the stacks.
// Stacks that become identical are not merged: every consumer sums.
import { isHarnessFile } from '../measure/harness.js';
import type { Frame, FrameKind, PackedProfile } from '../model.js';
import { StackBuffer } from './packed.js';

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

/** The npm package a file belongs to: the segment after the LAST node_modules, scoped names included. */
export function npmPackageOf(file: string): string | undefined {
  if (!file.includes('node_modules')) return undefined;
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
  const pkg = npmPackageOf(file);
  if (pkg) return { kind: 'dependency', package: pkg };
  return { kind: 'user' };
}

// @datadog/pprof names anonymous functions `(anonymous:L#12:C#5)`; the line shifts with any edit
// above it, so it cannot be part of the identity.
const isAnonymous = (name: string) =>
  name === '' || name === '<anonymous>' || /^\(anonymous(:[^)]*)?\)$/.test(name);

function hasEmptyStack(profile: PackedProfile): boolean {
  const starts = profile.stackStart;
  for (let s = 0; s + 1 < starts.length; s++) if (starts[s] === starts[s + 1]) return true;
  return false;
}

/**
 * The profile with its frames classified; its values and sample type as they were. Every frame is
 * classified once; the pass over the stacks only maps frame indices, and cuts or renames where the
 * profile has harness or anonymous frames at all.
 */
export function classifyProfile(profile: PackedProfile, options: ClassifyOptions = {}): PackedProfile {
  const roots = options.roots ?? [];
  const isHarness = options.isHarness ?? defaultIsHarness;
  const count = profile.frames.length;
  // First pass: per original frame, its cleaned file, kind and whether it is harness or anonymous.
  const base = profile.frames.map((frame) => {
    const path = toPath(frame.file);
    const harness = path !== '' && isHarness(path);
    const stripped = stripRoot(path, roots);
    const file = stripped.includes('\\') ? stripped.replace(/\\/g, '/') : stripped;
    return { frame, file, harness, ...kindOf(frame.name, file) };
  });
  const harness = new Uint8Array(count);
  const anonymous = new Uint8Array(count);
  let anyHarness = false;
  let anyAnonymous = false;
  for (let i = 0; i < count; i++) {
    const info = base[i] as (typeof base)[number];
    if (info.harness) {
      harness[i] = 1;
      anyHarness = true;
    }
    if (isAnonymous(info.frame.name)) {
      anonymous[i] = 1;
      anyAnonymous = true;
    }
  }

  // Neither cuts nor renames: the stacks stay as they are and only the frames change, one for one.
  // Frames are not merged then (two roots can give the same file), which every consumer allows: they
  // key functions by name and file.
  if (!anyHarness && !anyAnonymous && !hasEmptyStack(profile)) {
    const frames = base.map((info): Frame => {
      const { name, line } = info.frame;
      return info.package
        ? { name, file: info.file, line, kind: info.kind, package: info.package }
        : { name, file: info.file, line, kind: info.kind };
    });
    return { ...profile, frames };
  }

  const frames: Frame[] = [];
  // Whether each new frame is user code or a dependency: a harness-cut stack must reach one.
  const reachesCode: number[] = [];
  const index = new Map<string, number>();
  const intern = (name: string, file: string, line: number, kind: FrameKind, pkg?: string): number => {
    const key = `${name}\u0000${file}\u0000${line}\u0000${kind}`;
    let i = index.get(key);
    if (i === undefined) {
      i = frames.length;
      frames.push(pkg ? { name, file, line, kind, package: pkg } : { name, file, line, kind });
      reachesCode.push(kind === 'user' || kind === 'dependency' ? 1 : 0);
      index.set(key, i);
    }
    return i;
  };
  // Most frames map to the same new frame in every stack; only anonymous ones depend on their caller.
  const direct = new Int32Array(count);
  for (let i = 0; i < count; i++) {
    const info = base[i] as (typeof base)[number];
    direct[i] = anonymous[i]
      ? -1
      : intern(info.frame.name, info.file, info.frame.line, info.kind, info.package);
  }
  // (anonymous frame, nearest named caller) → new frame; the caller is an original frame index.
  const renamed = new Map<number, number>();
  const anonymousFrame = (i: number, caller: number): number => {
    const key = i * (count + 1) + caller + 1;
    let mapped = renamed.get(key);
    if (mapped === undefined) {
      const info = base[i] as (typeof base)[number];
      const callerName = caller >= 0 ? (base[caller] as (typeof base)[number]).frame.name : '';
      const name = callerName ? `(anonymous in ${callerName})` : '(anonymous)';
      mapped = intern(name, info.file, info.frame.line, info.kind, info.package);
      renamed.set(key, mapped);
    }
    return mapped;
  };

  const { stackFrames, stackStart, values, samples } = profile;
  const out = new StackBuffer(values.length, stackFrames.length);
  for (let s = 0; s < values.length; s++) {
    const from = stackStart[s] as number;
    const to = stackStart[s + 1] as number;
    // Cut everything from the root down to the deepest harness frame: the user's code starts below it.
    let start = from;
    let sawHarness = false;
    if (anyHarness) {
      for (let i = to - 1; i >= from; i--) {
        if (harness[stackFrames[i] as number] === 1) {
          start = i + 1;
          sawHarness = true;
          break;
        }
      }
    }
    let reaches = false;
    if (anyAnonymous) {
      let namedCaller = -1;
      for (let i = start; i < to; i++) {
        const f = stackFrames[i] as number;
        let mapped: number;
        if (anonymous[f] === 1) mapped = anonymousFrame(f, namedCaller);
        else {
          mapped = direct[f] as number;
          namedCaller = f;
        }
        out.pushFrame(mapped);
        if (reachesCode[mapped] === 1) reaches = true;
      }
    } else {
      for (let i = start; i < to; i++) {
        const mapped = direct[stackFrames[i] as number] as number;
        out.pushFrame(mapped);
        if (reachesCode[mapped] === 1) reaches = true;
      }
    }
    // Below the harness, Node internals that reach no user code (timers, events the harness calls)
    // are the harness's own cost, not the benchmark's.
    if (sawHarness && !reaches) out.dropStack();
    if (out.openFrames === 0) {
      if (!sawHarness) continue;
      out.pushFrame(intern(HARNESS_FRAME, '', 0, 'harness'));
    }
    out.endStack(values[s] as number, samples[s] as number);
  }
  return out.finish(frames, profile.ops, profile.sampleType);
}
