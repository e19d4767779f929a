// Gives every frame a stable identity and a kind, following docs/measurement.md ("Attribution"):
// worktree prefixes are stripped so base and head files compare; node_modules frames name their
// package; runtime pseudo-frames and Node internals are kept apart from user code; anonymous
// functions are named after their nearest named caller; V8's regular-expression frames belong to the
// code that ran them; V8's builtins get their owner's name; benchmark machinery is cut off the stacks.
// Stacks that become identical are not merged: every consumer sums.
import { isHarnessFile } from '../measure/harness.js';
import type { Frame, FrameKind, PackedProfile } from '../model.js';
import { builtinName } from './builtins.js';
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

// V8 runs a regular expression as code of its own, a frame named `RegExp: <source>` with no script.
// Its time is the work of the function that ran it, so it takes that function's file, line, kind and
// package (a dependency's literal gets its package's version mark) and, in its name, that function's
// name: the same source run by two functions of one file stays two rows, as two literals are.
const REGEXP_PREFIX = 'RegExp: ';
const isRegExp = (name: string, file: string) => file === '' && name.startsWith(REGEXP_PREFIX);

/** `RegExp: ^[0-9]+$ (in parseDigits)`: the frame of a regular expression run by `callerName`. */
export function regExpName(name: string, callerName: string): string {
  // An anonymous caller's name is already parenthesised, `(anonymous in f)`: one pair is enough.
  const caller = /^\(.*\)$/.test(callerName) ? callerName.slice(1, -1) : callerName;
  return caller ? `${name} (in ${caller})` : name;
}

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
    const classified = kindOf(frame.name, file);
    // A builtin has no script, so its name is all there is to read: `from` reads as `Array.from`.
    const name = classified.kind === 'node' && file === '' ? builtinName(frame.name) : frame.name;
    return { frame, name, file, harness, ...classified };
  });
  const harness = new Uint8Array(count);
  const anonymous = new Uint8Array(count);
  const regExp = new Uint8Array(count);
  let anyHarness = false;
  let anyAnonymous = false;
  let anyRegExp = false;
  for (let i = 0; i < count; i++) {
    const info = base[i] as (typeof base)[number];
    if (info.harness) {
      harness[i] = 1;
      anyHarness = true;
    }
    if (isAnonymous(info.frame.name)) {
      anonymous[i] = 1;
      anyAnonymous = true;
    } else if (isRegExp(info.frame.name, info.file)) {
      regExp[i] = 1;
      anyRegExp = true;
    }
  }

  // Neither cuts nor renames: the stacks stay as they are and only the frames change, one for one.
  // Frames are not merged then (two roots can give the same file), which every consumer allows: they
  // key functions by name and file.
  if (!anyHarness && !anyAnonymous && !anyRegExp && !hasEmptyStack(profile)) {
    const frames = base.map((info): Frame => {
      const { name } = info;
      const { line } = info.frame;
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
  // Most frames map to the same new frame in every stack; only anonymous and regular-expression
  // frames depend on their caller (a regular expression run at a stack's root keeps its own frame).
  const direct = new Int32Array(count);
  for (let i = 0; i < count; i++) {
    const info = base[i] as (typeof base)[number];
    direct[i] = anonymous[i] ? -1 : intern(info.name, info.file, info.frame.line, info.kind, info.package);
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
  // (regular-expression frame, its caller) → new frame; the caller is a new frame index, so that an
  // anonymous caller is told apart by its nearest named caller as it is itself.
  const ranBy = new Map<string, number>();
  const regExpFrame = (i: number, caller: number): number => {
    const key = `${i}\u0000${caller}`;
    let mapped = ranBy.get(key);
    if (mapped === undefined) {
      const code = frames[caller] as Frame;
      const name = regExpName((base[i] as (typeof base)[number]).frame.name, code.name);
      mapped = intern(name, code.file, code.line, code.kind, code.package);
      ranBy.set(key, mapped);
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
    if (anyAnonymous || anyRegExp) {
      let namedCaller = -1;
      // The nearest frame above with a script (a new frame index): the code a regular expression
      // belongs to. Builtins in between (`String.prototype.replace`) have none and are passed over.
      let codeCaller = -1;
      for (let i = start; i < to; i++) {
        const f = stackFrames[i] as number;
        let mapped: number;
        if (anonymous[f] === 1) mapped = anonymousFrame(f, namedCaller);
        else if (regExp[f] === 1)
          mapped = codeCaller >= 0 ? regExpFrame(f, codeCaller) : (direct[f] as number);
        else {
          mapped = direct[f] as number;
          namedCaller = f;
        }
        if (regExp[f] !== 1 && (frames[mapped] as Frame).file !== '') codeCaller = mapped;
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
