// Reads folded stacks, one stack per line, root first, then a count: `main;parse;lex 42`. This is what
// Brendan Gregg's stackcollapse scripts make of `perf script`, DTrace and others, and what 0x and
// many profilers export. Frames of `perf` on Node (`--perf-basic-prof`) read `JS:*name /path/file.js:12`;
// their file and line are split off, so they compare by name and file like every other frame.
import type { Frame, PackedProfile, SampleType } from '../model.js';
import { LIMITS, overCap } from './limits.js';
import { StackBuffer } from './packed.js';

export const FOLDED_SAMPLE_TYPE: SampleType = { type: 'samples', unit: 'count' };

const LINE = /^(.*\S)\s+(\d+(?:\.\d+)?)\s*$/;
/** V8's code-kind prefixes in perf maps, with the optimisation marker (`*` optimised, `~` interpreted). */
const V8_PREFIX = /^(?:LazyCompile|Function|JS|Script|Eval|InterpretedFunction|Builtin):[*~^+-]?/;
const NAME_FILE_LINE = /^(.*?) (\S+?):(\d+)(?::\d+)?$/;
const NAME_PAREN_FILE_LINE = /^(.*?) \((\S+?):(\d+)(?::\d+)?\)$/;

/** A first line that reads as folded stacks: text, ending in a count (`text` holds whole lines). */
export function looksFolded(text: string): boolean {
  for (const line of text.split('\n', 20)) {
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    return LINE.test(trimmed);
  }
  return false;
}

export function parseFoldedFrame(raw: string): Pick<Frame, 'name' | 'file' | 'line'> {
  const text = raw.trim().replace(V8_PREFIX, '');
  const m = NAME_PAREN_FILE_LINE.exec(text) ?? NAME_FILE_LINE.exec(text);
  if (m && (m[2] as string).length > 0 && /[./\\]/.test(m[2] as string)) {
    return { name: (m[1] as string) || '(anonymous)', file: m[2] as string, line: Number(m[3]) };
  }
  return { name: text, file: '', line: 0 };
}

export function decodeFolded(text: string): PackedProfile {
  const frames: Frame[] = [];
  const frameIndex = new Map<string, number>();
  const out = new StackBuffer(1024);
  let lineNumber = 0;
  let stacks = 0;
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const line = text.slice(start, end).trim();
    start = end + 1;
    lineNumber++;
    if (line === '' || line.startsWith('#')) continue;
    const m = LINE.exec(line);
    if (!m) throw new Error(`line ${lineNumber} is not "frame;frame;… count": ${line.slice(0, 80)}`);
    const count = Number(m[2]);
    if (count === 0) continue;
    // Frame by frame rather than split: a line of millions of frames makes no array of them first.
    const stack = m[1] as string;
    for (let from = 0; from <= stack.length; ) {
      let to = stack.indexOf(';', from);
      if (to < 0) to = stack.length;
      const raw = stack.slice(from, to);
      from = to + 1;
      let f = frameIndex.get(raw);
      if (f === undefined) {
        f = frames.length;
        if (f === LIMITS.frames) throw overCap(LIMITS.frames, 'distinct frames');
        frames.push({ ...parseFoldedFrame(raw), kind: 'user' });
        frameIndex.set(raw, f);
      }
      if (out.length === LIMITS.stackFrames) throw overCap(LIMITS.stackFrames, 'frames over all its stacks');
      out.pushFrame(f);
    }
    if (++stacks > LIMITS.samples) throw overCap(LIMITS.samples, 'stacks (lines)');
    out.endStack(count, count);
  }
  return out.finish(frames, 1, FOLDED_SAMPLE_TYPE);
}
