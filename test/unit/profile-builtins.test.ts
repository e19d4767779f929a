// Heap profiles charge a builtin's bytes to its caller: whether V8 inlines `push` into its caller
// differs from process to process, so the same bytes would otherwise move between the two rows.
import { describe, expect, it } from 'vitest';
import type { Frame } from '../../src/model.js';
import { functionTable } from '../../src/profile/functions.js';
import { packProfile } from '../helpers/stacks.js';

const HEAP = { type: 'alloc_space', unit: 'bytes' };
const frames: Frame[] = [
  { name: 'parse', file: 'lib/parser.js', line: 1, kind: 'dependency' },
  { name: 'nextToken', file: 'lib/tokenize.js', line: 10, kind: 'dependency' },
  { name: 'push', file: '', line: 0, kind: 'node' },
  { name: 'from', file: '', line: 0, kind: 'node' },
];
// One process samples the array growth under `push`, another (push inlined) under `nextToken`.
const pushSeparate = packProfile(
  {
    frames,
    stacks: [
      { frames: [0, 1, 2], value: 4096, samples: 4 },
      { frames: [0, 1], value: 1024, samples: 1 },
    ],
    ops: 1,
  },
  HEAP,
);
const pushInlined = packProfile(
  { frames, stacks: [{ frames: [0, 1], value: 5120, samples: 5 }], ops: 1 },
  HEAP,
);
const self = (table: ReturnType<typeof functionTable>, name: string) =>
  table.functions.find((f) => f.frame.name === name)?.selfPerOp ?? 0;

describe('a heap function table with builtins charged to their callers', () => {
  it('gives the caller the same bytes whether or not the builtin was inlined', () => {
    const separate = functionTable(pushSeparate, { builtinsToCaller: true });
    const inlined = functionTable(pushInlined, { builtinsToCaller: true });
    expect(self(separate, 'nextToken')).toBe(5120);
    expect(self(separate, 'push')).toBe(0);
    expect(self(inlined, 'nextToken')).toBe(5120);
    // The builtin still counts in its caller's total and its own, and the table's total is unchanged.
    expect(separate.functions.find((f) => f.frame.name === 'push')?.totalPerOp).toBe(4096);
    expect(separate.totalPerOp).toBe(5120);
  });

  it('leaves the builtin its bytes without the option (CPU tables), and when nothing calls it', () => {
    expect(self(functionTable(pushSeparate), 'push')).toBe(4096);
    const alone = packProfile({ frames, stacks: [{ frames: [3], value: 64, samples: 1 }], ops: 1 }, HEAP);
    expect(self(functionTable(alone, { builtinsToCaller: true }), 'from')).toBe(64);
  });
});
