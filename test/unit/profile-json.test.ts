// A shard's stacks file holds the profile model as JSON: what `flamegate merge` reads back is the
// profile the shard wrote, sample type included, and a file that does not describe one is refused.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { profileFromJson, profileToJson } from '../../src/profile/profile-json.js';
import { readStacks, writeStacks } from '../../src/shard/record.js';
import { packProfile, stacksOf } from '../helpers/stacks.js';

const dir = mkdtempSync(join(tmpdir(), 'flamegate-profile-json-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const HEAP = { type: 'alloc_space', unit: 'bytes' };
const frames = [
  { name: 'load', file: 'lib/loader.js', line: 10, kind: 'user' as const },
  { name: 'readPlainScalar', file: 'lib/loader.js', line: 474, kind: 'user' as const },
];
const heap = packProfile(
  {
    frames,
    ops: 100,
    stacks: [
      { frames: [0, 1], value: 5_529_600, samples: 10_800 },
      { frames: [0], value: 1024, samples: 2 },
      { frames: [], value: 512, samples: 1 },
    ],
  },
  HEAP,
);

describe('profile JSON', () => {
  it('reads back the profile it wrote, its sample type with it, through a shard stacks file', () => {
    writeStacks(dir, { stacks: { 'b > load': { head: heap } }, slugs: { 'b > load': '000-load' } });
    const read = readStacks(join(dir, 'stacks.json.gz')).stacks['b > load']?.head;
    expect(read?.sampleType).toEqual(HEAP);
    expect(read?.ops).toBe(100);
    expect(read?.frames).toEqual(frames);
    expect(stacksOf(read ?? heap)).toEqual(stacksOf(heap));
    expect(read?.stackFrames).toBeInstanceOf(Int32Array);
  });

  it('refuses lists that do not describe stacks of the profile, naming the profile', () => {
    const good = profileToJson(heap);
    const what = 'head profile of "b > load"';
    expect(profileFromJson(good, what).values).toEqual(heap.values);
    expect(() => profileFromJson({ ...good, stackFrames: [0, 2, 0] }, what)).toThrow(
      'the head profile of "b > load" has a stack that is not frames of the profile with a value',
    );
    expect(() => profileFromJson({ ...good, stackStart: [0, 2, 1, 3] }, what)).toThrow(
      'has a stack that is not frames of the profile with a value',
    );
    expect(() => profileFromJson({ ...good, values: [1, 2] }, what)).toThrow(
      'has a stack that is not frames of the profile with a value',
    );
    expect(() => profileFromJson({ ...good, values: [1, 'x', 3] }, what)).toThrow(
      'has no lists of stack frames, stack starts, values and samples',
    );
    const { sampleType: _, ...untyped } = good;
    expect(() => profileFromJson(untyped, what)).toThrow('does not say what its values measure');
    expect(() => profileFromJson({ ...good, ops: 0 }, what)).toThrow('has no operation count');
  });

  it('refuses the one-object-per-stack form, whose values said no unit', () => {
    const old = {
      stacks: {
        'b > load': { head: { frames, stacks: [{ frames: [0, 1], ns: 1000, samples: 1 }], ops: 1 } },
      },
      slugs: { 'b > load': '000-load' },
    };
    writeFileSync(join(dir, 'stacks-old.json.gz'), gzipSync(JSON.stringify(old)));
    expect(() => readStacks(join(dir, 'stacks-old.json.gz'))).toThrow('does not say what its values measure');
  });
});
